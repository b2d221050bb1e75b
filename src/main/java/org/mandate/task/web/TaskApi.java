package org.mandate.task.web;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.shared.InputProblem;
import org.mandate.shared.PageOf;
import org.mandate.task.Decomposition;
import org.mandate.task.TaskDetail;
import org.mandate.task.TaskRow;
import org.mandate.task.TaskStatus;
import org.mandate.task.Tasks;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Tasks over HTTP; every call is held to the caller's scope and role. */
@RestController
@RequestMapping("/api/tasks")
class TaskApi {
    private final Tasks tasks;

    TaskApi(Tasks tasks) {
        this.tasks = tasks;
    }

    @GetMapping
    @Operation(summary = "Tasks by unit (with its subtree), status as of a date, source document, person, deadlines")
    PageOf<TaskRow> find(
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String asOf,
            @RequestParam(required = false) @Nullable Long source,
            @RequestParam(required = false) @Nullable String responsible,
            @RequestParam(required = false) @Nullable String deadlineFrom,
            @RequestParam(required = false) @Nullable String deadlineTo,
            @RequestParam(required = false) @Nullable Long meeting,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        return tasks.find(TaskForms.query(
                unit, subtree, status, asOf, source, responsible, deadlineFrom, deadlineTo, meeting, page, size));
    }

    @GetMapping("/counts")
    @Operation(summary = "Counts of tasks by status under a unit (none: the whole country) as of a date")
    Map<TaskStatus, Long> counts(
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String asOf) {
        return tasks.counts(unit, TaskForms.asOf(asOf));
    }

    @PostMapping
    @Operation(summary = "Assign a task to a lead unit, with coordinating units and a deadline (none: ongoing)")
    ResponseEntity<TaskDetail> create(@RequestBody TaskRequest request) {
        long id = tasks.create(TaskForms.newTask(request));
        return ResponseEntity.created(URI.create("/api/tasks/" + id)).body(tasks.get(id, Tasks.today()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A task as of a date: status, deadline then, reports, extensions, children's progress")
    TaskDetail get(@PathVariable String id, @RequestParam(required = false) @Nullable String asOf) {
        return tasks.get(TaskForms.id("id", id), TaskForms.asOf(asOf));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change title, coordinating units, person, priority or expected result; send the version read")
    TaskDetail change(@PathVariable String id, @RequestBody TaskRequest request) {
        long taskId = TaskForms.id("id", id);
        tasks.change(taskId, TaskForms.change(request));
        return tasks.get(taskId, Tasks.today());
    }

    record DecomposeRequest(
            @Nullable List<Long> units,
            @Nullable String level,
            @Nullable String title,
            @Nullable String deadline) {}

    @PostMapping("/{id}/decompose")
    @Operation(summary = "Split a task to chosen units or to every unit of a level under its lead unit, in one action")
    ResponseEntity<Map<String, Object>> decompose(@PathVariable String id, @RequestBody DecomposeRequest r) {
        var children = tasks.decompose(
                TaskForms.id("id", id),
                new Decomposition(
                        r.units() == null ? List.of() : r.units(),
                        r.level(),
                        r.title(),
                        TaskForms.date("deadline", r.deadline())));
        return ResponseEntity.status(201).body(Map.of("children", children));
    }

    record ProgressRequest(
            @Nullable String reportedOn,
            @Nullable Integer percent,
            @Nullable String note) {}

    @PostMapping(path = "/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Report progress: date, text, percent")
    ResponseEntity<Map<String, Object>> report(@PathVariable String id, @RequestBody ProgressRequest r) {
        return report(TaskForms.id("id", id), r, List.of());
    }

    @PostMapping(path = "/{id}/progress", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Report progress with evidence files (parts: reportedOn, percent, note, files)")
    ResponseEntity<Map<String, Object>> reportWithEvidence(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reportedOn,
            @RequestParam(required = false) @Nullable Integer percent,
            @RequestParam(required = false) @Nullable String note,
            @RequestPart(name = "files", required = false) @Nullable List<MultipartFile> files)
            throws IOException {
        var evidence = new ArrayList<Tasks.Evidence>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            evidence.add(new Tasks.Evidence(
                    f.getOriginalFilename() == null ? "evidence" : f.getOriginalFilename(),
                    f.getContentType() == null ? MediaType.APPLICATION_OCTET_STREAM_VALUE : f.getContentType(),
                    f.getBytes()));
        }
        return report(TaskForms.id("id", id), new ProgressRequest(reportedOn, percent, note), evidence);
    }

    private ResponseEntity<Map<String, Object>> report(long taskId, ProgressRequest r, List<Tasks.Evidence> evidence) {
        if (r.percent() == null) {
            throw InputProblem.field("percent", "missing: how far the task has got, 0 to 100");
        }
        var on = TaskForms.date("reportedOn", r.reportedOn());
        long id = tasks.report(
                taskId, on == null ? Tasks.today() : on, r.percent(), r.note() == null ? "" : r.note(), evidence);
        return ResponseEntity.status(201).body(Map.of("id", id));
    }

    record ExtensionRequest(
            @Nullable String newDeadline, @Nullable String reason) {}

    @PostMapping("/{id}/extensions")
    @Operation(summary = "Ask for a later deadline; it moves only when a leader approves")
    ResponseEntity<Map<String, Object>> requestExtension(@PathVariable String id, @RequestBody ExtensionRequest r) {
        var deadline = TaskForms.date("newDeadline", r.newDeadline());
        if (deadline == null) {
            throw InputProblem.field("newDeadline", "missing: the deadline asked for");
        }
        long ext = tasks.requestExtension(TaskForms.id("id", id), deadline, r.reason() == null ? "" : r.reason());
        return ResponseEntity.status(201).body(Map.of("id", ext));
    }

    record Decision(@Nullable String note) {}

    @PostMapping("/{id}/extensions/{ext}/approve")
    @Operation(summary = "A leader approves an extension: the new deadline is in force from today; both stay on record")
    ResponseEntity<Void> approve(
            @PathVariable String id, @PathVariable String ext, @RequestBody(required = false) @Nullable Decision d) {
        tasks.decideExtension(TaskForms.id("id", id), TaskForms.id("ext", ext), true, d == null ? null : d.note());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{id}/extensions/{ext}/reject")
    @Operation(summary = "A leader rejects an extension")
    ResponseEntity<Void> reject(
            @PathVariable String id, @PathVariable String ext, @RequestBody(required = false) @Nullable Decision d) {
        tasks.decideExtension(TaskForms.id("id", id), TaskForms.id("ext", ext), false, d == null ? null : d.note());
        return ResponseEntity.noContent().build();
    }

    record Completion(
            @Nullable String completedOn, @Nullable String result) {}

    @PostMapping("/{id}/complete")
    @Operation(summary = "Record completion: the date and the result")
    ResponseEntity<Void> complete(@PathVariable String id, @RequestBody Completion c) {
        var on = TaskForms.date("completedOn", c.completedOn());
        tasks.complete(TaskForms.id("id", id), on == null ? Tasks.today() : on, c.result());
        return ResponseEntity.noContent().build();
    }
}
