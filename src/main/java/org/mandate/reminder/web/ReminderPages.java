package org.mandate.reminder.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.UnitCatalog;
import org.mandate.reminder.Mailboxes;
import org.mandate.reminder.Reminders;
import org.mandate.task.Tasks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** A unit's reminders: its office's mailbox, its calendar feed, the latest mails. */
@Controller
class ReminderPages {
    private final Mailboxes mailboxes;
    private final Reminders reminders;
    private final UnitCatalog catalog;

    ReminderPages(Mailboxes mailboxes, Reminders reminders, UnitCatalog catalog) {
        this.mailboxes = mailboxes;
        this.reminders = reminders;
        this.catalog = catalog;
    }

    @GetMapping("/reminders")
    String page(@RequestParam String unit, Model model) {
        long unitId = ReminderApi.id("unit", unit);
        var mailbox = mailboxes.get(unitId);
        LocalDate today = Tasks.today();
        String name = catalog.versionOn(unitId, today).fullName();
        model.addAttribute("unit", unitId);
        model.addAttribute("unitName", name);
        model.addAttribute("mailbox", mailbox);
        model.addAttribute("mayChange", mailboxes.mayChange(unitId));
        model.addAttribute("enabled", reminders.enabled());
        model.addAttribute("feed", "/api/units/" + unitId + "/calendar.ics");
        // calendar programs need the whole address
        model.addAttribute(
                "feedUrl",
                ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/api/units/{id}/calendar.ics")
                        .buildAndExpand(unitId)
                        .toUriString());
        model.addAttribute("mails", reminders.mails(unitId, 20));
        return "reminders/unit";
    }

    @PostMapping("/reminders/mailbox")
    String setMailbox(
            @RequestParam String unit,
            @RequestParam(required = false) @Nullable String email,
            @RequestParam(defaultValue = "set") String action) {
        long unitId = ReminderApi.id("unit", unit);
        if (action.equals("remove")) {
            mailboxes.remove(unitId);
        } else {
            mailboxes.set(unitId, email);
        }
        return "redirect:/reminders?unit=" + unitId;
    }
}
