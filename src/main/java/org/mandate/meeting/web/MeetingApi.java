package org.mandate.meeting.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.meeting.Conclusion;
import org.mandate.meeting.MeetingView;
import org.mandate.meeting.Meetings;
import org.mandate.meeting.NewMeeting;
import org.mandate.shared.InputProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Working sessions over HTTP. */
@RestController
@RequestMapping("/api/meetings")
class MeetingApi {
    private final Meetings meetings;

    MeetingApi(Meetings meetings) {
        this.meetings = meetings;
    }

    record MeetingRequest(
            @Nullable String heldOn,
            @Nullable String place,
            @Nullable String chair,
            @Nullable Long hostUnit,
            @Nullable Long withUnit,
            @Nullable String title,
            @Nullable String attendees,
            @Nullable List<Long> bodies,
            @Nullable String reports,
            @Nullable String drafts,
            @Nullable String proposals,
            @Nullable String conclusions) {}

    record TaskItem(
            @Nullable String title,
            @Nullable Long leadUnit,
            @Nullable List<Long> coordinatingUnits,
            @Nullable String responsible,
            @Nullable String deadline) {}

    record ConcludeRequest(
            @Nullable String noticeSymbol,
            @Nullable String noticeDate,
            @Nullable String signer,
            @Nullable List<TaskItem> tasks) {}

    @GetMapping
    @Operation(summary = "Working sessions in the caller's scope, newest first")
    List<MeetingView> list() {
        return meetings.list(500);
    }

    @PostMapping
    @Operation(summary = "Record a working session")
    ResponseEntity<MeetingView> create(@RequestBody MeetingRequest r) {
        LocalDate heldOn = date("heldOn", r.heldOn());
        if (heldOn == null) {
            throw InputProblem.field("heldOn", "the date of the session is missing");
        }
        if (r.hostUnit() == null) {
            throw InputProblem.field("hostUnit", "the body holding the session is missing");
        }
        long id = meetings.create(new NewMeeting(
                heldOn,
                r.place(),
                r.chair() == null ? "" : r.chair(),
                r.hostUnit(),
                r.withUnit(),
                r.title() == null ? "" : r.title(),
                r.attendees(),
                r.bodies() == null ? List.of() : r.bodies(),
                r.reports(),
                r.drafts(),
                r.proposals(),
                r.conclusions()));
        return ResponseEntity.created(URI.create("/api/meetings/" + id)).body(meetings.get(id));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A working session")
    MeetingView get(@PathVariable long id) {
        return meetings.get(id);
    }

    @PostMapping("/{id}/conclude")
    @Operation(summary = "Conclude: registers the notice of conclusions (TB) and creates its tasks, in one step")
    ResponseEntity<Map<String, Object>> conclude(@PathVariable long id, @RequestBody ConcludeRequest r) {
        if (r.noticeSymbol() == null || r.noticeSymbol().isBlank()) {
            throw InputProblem.field("noticeSymbol", "the number of the notice of conclusions is missing");
        }
        LocalDate noticeDate = date("noticeDate", r.noticeDate());
        var items = new ArrayList<Conclusion.ConcludedTask>();
        var tasks = r.tasks() == null ? List.<TaskItem>of() : r.tasks();
        for (int i = 0; i < tasks.size(); i++) {
            var t = tasks.get(i);
            if (t.leadUnit() == null) {
                throw InputProblem.field("tasks[" + i + "].leadUnit", "the lead unit is missing");
            }
            items.add(new Conclusion.ConcludedTask(
                    t.title() == null ? "" : t.title(),
                    t.leadUnit(),
                    t.coordinatingUnits() == null ? List.of() : t.coordinatingUnits(),
                    t.responsible(),
                    date("tasks[" + i + "].deadline", t.deadline())));
        }
        long notice = meetings.conclude(
                id,
                new Conclusion(r.noticeSymbol(), noticeDate == null ? LocalDate.now() : noticeDate, r.signer(), items));
        return ResponseEntity.status(201).body(Map.of("notice", notice));
    }

    private static @Nullable LocalDate date(String field, @Nullable String text) {
        return org.mandate.shared.Dates.field(field, text);
    }
}
