package org.mandate.task.web;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scopes;
import org.mandate.organization.UnitCatalog;
import org.mandate.task.TaskQuery;
import org.mandate.task.TaskStatus;
import org.mandate.task.Tasks;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The office's pages: the dashboard of a unit, task lists, a task with its reports and extensions. */
@Controller
class TaskPages {
    private static final int PAGE_SIZE = 50;
    private static final int TREND_MONTHS = 12;

    private final Tasks tasks;
    private final Scopes scopes;
    private final UnitCatalog catalog;
    private final MessageSource messages;

    TaskPages(Tasks tasks, Scopes scopes, UnitCatalog catalog, MessageSource messages) {
        this.tasks = tasks;
        this.scopes = scopes;
        this.catalog = catalog;
        this.messages = messages;
    }

    /** The unit asked for, else the first unit of the reader's grants; null for a whole-country reader. */
    private @Nullable Long unitOrDefault(@Nullable Long unit) {
        if (unit != null) {
            return unit;
        }
        var scope = scopes.current();
        return scope.readsEverything() || scope.readRoots().isEmpty()
                ? null
                : scope.readRoots().stream().sorted().findFirst().orElse(null);
    }

    @GetMapping("/tasks/dashboard")
    String dashboard(
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String asOf,
            Model model,
            Locale locale) {
        LocalDate day = TaskForms.asOf(asOf);
        Long scopeUnit = unitOrDefault(unit);
        model.addAttribute("unit", scopeUnit);
        model.addAttribute(
                "unitName",
                scopeUnit == null ? null : catalog.asOf(scopeUnit, day).fullName());
        model.addAttribute("asOf", day);
        model.addAttribute("counts", tasks.counts(scopeUnit, day));
        model.addAttribute("statuses", TaskStatus.values());
        var base = new TaskQuery(scopeUnit, true, null, day, null, null, null, null, null, 0, 10);
        model.addAttribute("overdue", tasks.find(base.withStatus("overdue")));
        model.addAttribute("dueSoon", tasks.find(base.withStatus("due_soon")));
        if (scopeUnit != null) {
            model.addAttribute("byLeadUnit", tasks.byLeadUnit(scopeUnit, day, 15));
        }
        var trend = tasks.trend(scopeUnit, day, TREND_MONTHS);
        var months = new ArrayList<String>();
        trend.keySet().forEach(d -> months.add(d.toString()));
        var series = new LinkedHashMap<String, List<Long>>();
        for (TaskStatus s : TaskStatus.values()) {
            series.put(s.code(), trend.values().stream().map(c -> c.get(s)).toList());
        }
        var names = new LinkedHashMap<String, String>();
        for (TaskStatus s : TaskStatus.values()) {
            names.put(s.code(), messages.getMessage("task.status." + s.code(), null, locale));
        }
        model.addAttribute("trend", Map.of("days", months, "series", series, "names", names));
        return "tasks/dashboard";
    }

    @GetMapping("/tasks")
    String list(
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(defaultValue = "true") boolean subtree,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String asOf,
            @RequestParam(required = false) @Nullable Long source,
            @RequestParam(required = false) @Nullable String responsible,
            @RequestParam(required = false) @Nullable String deadlineFrom,
            @RequestParam(required = false) @Nullable String deadlineTo,
            @RequestParam(required = false) @Nullable Long meeting,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        LocalDate day = TaskForms.asOf(asOf);
        var query = new TaskQuery(
                unit,
                subtree,
                TaskForms.blankToNull(status),
                day,
                source,
                TaskForms.blankToNull(responsible),
                TaskForms.date("deadlineFrom", deadlineFrom),
                TaskForms.date("deadlineTo", deadlineTo),
                meeting,
                Math.max(0, page),
                PAGE_SIZE);
        model.addAttribute("q", query);
        model.addAttribute("found", tasks.find(query));
        model.addAttribute("pageSize", PAGE_SIZE);
        model.addAttribute(
                "unitName", unit == null ? null : catalog.asOf(unit, day).fullName());
        return "tasks/list";
    }

    /**
     * The tasks hanging from a document and from everything implementing it, as its page shows
     * them (loaded into it by htmx, so the document module needs nothing of tasks): the count by
     * status today, each a link to the list behind it, and the first tasks.
     */
    @GetMapping("/tasks/of-document/{id}")
    String ofDocument(@PathVariable String id, Model model) {
        long document = TaskForms.id("id", id);
        LocalDate today = Tasks.today();
        var query = new TaskQuery(null, false, null, today, document, null, null, null, null, 0, 10);
        Map<String, Long> counts = new LinkedHashMap<>();
        var byStatus = tasks.countsOf(query);
        for (TaskStatus status : TaskStatus.values()) {
            long n = byStatus.getOrDefault(status, 0L);
            if (n > 0) {
                counts.put(status.code(), n);
            }
        }
        model.addAttribute("document", document);
        model.addAttribute("counts", counts);
        model.addAttribute("found", tasks.find(query));
        return "tasks/of-document :: tasks";
    }

    @GetMapping("/tasks/{id}")
    String task(@PathVariable String id, @RequestParam(required = false) @Nullable String asOf, Model model) {
        model.addAttribute("t", tasks.get(TaskForms.id("id", id), TaskForms.asOf(asOf)));
        model.addAttribute("today", Tasks.today());
        return "tasks/task";
    }

    @PostMapping("/tasks/{id}/progress")
    String report(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String reportedOn,
            @RequestParam int percent,
            @RequestParam String note,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files)
            throws IOException {
        long taskId = TaskForms.id("id", id);
        var evidence = new ArrayList<Tasks.Evidence>();
        for (MultipartFile f : files == null ? List.<MultipartFile>of() : files) {
            if (!f.isEmpty()) {
                evidence.add(new Tasks.Evidence(
                        f.getOriginalFilename() == null ? "evidence" : f.getOriginalFilename(),
                        f.getContentType() == null ? "application/octet-stream" : f.getContentType(),
                        f.getBytes()));
            }
        }
        LocalDate on = TaskForms.date("reportedOn", reportedOn);
        tasks.report(taskId, on == null ? Tasks.today() : on, percent, note, evidence);
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{id}/extensions")
    String requestExtension(@PathVariable String id, @RequestParam String newDeadline, @RequestParam String reason) {
        long taskId = TaskForms.id("id", id);
        var deadline = TaskForms.date("newDeadline", newDeadline);
        if (deadline == null) {
            throw org.mandate.shared.InputProblem.field("newDeadline", "missing: the deadline asked for");
        }
        tasks.requestExtension(taskId, deadline, reason);
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{id}/extensions/{ext}/{decision}")
    String decide(
            @PathVariable String id,
            @PathVariable String ext,
            @PathVariable String decision,
            @RequestParam(required = false) @Nullable String note) {
        long taskId = TaskForms.id("id", id);
        tasks.decideExtension(taskId, TaskForms.id("ext", ext), decision.equals("approve"), note);
        return "redirect:/tasks/" + taskId;
    }

    @PostMapping("/tasks/{id}/complete")
    String complete(
            @PathVariable String id,
            @RequestParam(required = false) @Nullable String completedOn,
            @RequestParam(required = false) @Nullable String result) {
        long taskId = TaskForms.id("id", id);
        LocalDate on = TaskForms.date("completedOn", completedOn);
        tasks.complete(taskId, on == null ? Tasks.today() : on, result);
        return "redirect:/tasks/" + taskId;
    }
}
