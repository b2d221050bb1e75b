package org.mandate.reminder.web;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.reminder.Calendars;
import org.mandate.reminder.Mailbox;
import org.mandate.reminder.Mailboxes;
import org.mandate.reminder.ReminderMail;
import org.mandate.reminder.Reminders;
import org.mandate.reminder.RunResult;
import org.mandate.shared.Dates;
import org.mandate.shared.InputProblem;
import org.mandate.task.Tasks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The offices' mailboxes, the reminders' runs and mails, and the units' calendar feeds. */
@RestController
class ReminderApi {
    static final MediaType CALENDAR = new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8);

    private final Mailboxes mailboxes;
    private final Reminders reminders;
    private final Calendars calendars;

    ReminderApi(Mailboxes mailboxes, Reminders reminders, Calendars calendars) {
        this.mailboxes = mailboxes;
        this.reminders = reminders;
        this.calendars = calendars;
    }

    @GetMapping("/api/units/{id}/mailbox")
    @Operation(summary = "The office's email address of a unit (null when none is set)")
    Mailbox mailbox(@PathVariable String id) {
        return mailboxes.get(id(id));
    }

    record MailboxRequest(@Nullable String email) {}

    @PutMapping("/api/units/{id}/mailbox")
    @Operation(
            summary = "Set the office's email address of a unit: its digests and its children's escalations go there")
    Mailbox setMailbox(@PathVariable String id, @RequestBody MailboxRequest request) {
        return mailboxes.set(id(id), request.email());
    }

    @DeleteMapping("/api/units/{id}/mailbox")
    @Operation(summary = "Remove the office's email address of a unit: it gets no more reminders")
    ResponseEntity<Void> removeMailbox(@PathVariable String id) {
        mailboxes.remove(id(id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/reminders/run")
    @Operation(
            summary = "Run the reminders for a day now (whole-country administrators): record the day's digests and"
                    + " escalations, send what is due; a second run of a day sends nothing new")
    RunResult run(@RequestParam(required = false) @Nullable String date) {
        LocalDate day = Dates.field("date", date);
        return reminders.run(day == null ? Tasks.today() : day);
    }

    @GetMapping("/api/reminders")
    @Operation(summary = "The latest reminder mails about a unit or to its office, with how their sending went")
    List<ReminderMail> mails(@RequestParam String unit, @RequestParam(defaultValue = "50") int limit) {
        return reminders.mails(id("unit", unit), Math.clamp(limit, 1, 500));
    }

    @GetMapping(path = "/api/units/{id}/calendar.ics", produces = "text/calendar")
    @Operation(
            summary = "A unit's deadlines and working sessions as an iCalendar feed; calendar programs that cannot"
                    + " send a header pass a calendar feed token (mdf_..., not an API token) as ?token= (docs/SECURITY.md);"
                    + " 401 without a sign-in")
    ResponseEntity<?> calendar(@PathVariable String id, @RequestParam(required = false) @Nullable String lang) {
        long unit = id(id);
        return ResponseEntity.ok()
                .contentType(CALENDAR)
                .header("Content-Disposition", "inline; filename=\"mandate-" + unit + ".ics\"")
                .header("Cache-Control", "private, max-age=300")
                .body(calendars.ics(unit, "en".equals(lang)));
    }

    static long id(String text) {
        return id("id", text);
    }

    static long id(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw InputProblem.field(field, "'" + text + "' is not a unit id (a whole number)");
        }
    }
}
