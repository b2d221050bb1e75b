package org.mandate.meeting.web;

import org.mandate.meeting.Meetings;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Pages of working sessions; their tasks are listed by the task pages. */
@Controller
class MeetingPages {
    private final Meetings meetings;

    MeetingPages(Meetings meetings) {
        this.meetings = meetings;
    }

    @GetMapping("/meetings")
    String list(Model model) {
        model.addAttribute("meetings", meetings.list(200));
        return "meetings/list";
    }

    @GetMapping("/meetings/{id}")
    String meeting(@PathVariable long id, Model model) {
        model.addAttribute("m", meetings.get(id));
        return "meetings/meeting";
    }
}
