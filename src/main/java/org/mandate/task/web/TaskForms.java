package org.mandate.task.web;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.shared.InputProblem;
import org.mandate.task.NewTask;
import org.mandate.task.Priority;
import org.mandate.task.TaskChange;
import org.mandate.task.TaskQuery;
import org.mandate.task.Tasks;

/** Requests to commands, naming the field that is wrong. */
final class TaskForms {
    static final int MAX_PAGE_SIZE = 1000;

    private TaskForms() {}

    /** The filters of a task list as {@code GET /api/tasks} takes them; its export takes the same. */
    static TaskQuery query(
            @Nullable Long unit,
            boolean subtree,
            @Nullable String status,
            @Nullable String asOf,
            @Nullable Long source,
            @Nullable String responsible,
            @Nullable String deadlineFrom,
            @Nullable String deadlineTo,
            @Nullable Long meeting,
            int page,
            int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw InputProblem.field("size", "page must be 0 or more and size between 1 and " + MAX_PAGE_SIZE);
        }
        return new TaskQuery(
                unit,
                subtree,
                blankToNull(status),
                asOf(asOf),
                source,
                blankToNull(responsible),
                date("deadlineFrom", deadlineFrom),
                date("deadlineTo", deadlineTo),
                meeting,
                page,
                size);
    }

    static NewTask newTask(TaskRequest r) {
        if (r.title() == null || r.title().isBlank()) {
            throw InputProblem.field("title", "the task has no title");
        }
        if (r.leadUnit() == null) {
            throw InputProblem.field("leadUnit", "the lead unit (chủ trì) is missing");
        }
        LocalDate start = date("start", r.start());
        return new NewTask(
                r.title().strip(),
                r.leadUnit(),
                r.coordinatingUnits() == null ? List.of() : r.coordinatingUnits(),
                blankToNull(r.responsible()),
                r.priority() == null || r.priority().isBlank() ? Priority.NORMAL : Priority.of(r.priority()),
                blankToNull(r.expectedResult()),
                start == null ? Tasks.today() : start,
                date("deadline", r.deadline()),
                r.document(),
                blankToNull(r.documentPoint()),
                r.meeting(),
                r.parent());
    }

    static TaskChange change(TaskRequest r) {
        if (r.version() == null) {
            throw InputProblem.field(
                    "version", "the version that was read is missing (it guards against lost updates)");
        }
        if (r.title() == null) {
            throw InputProblem.field("title", "the task has no title");
        }
        return new TaskChange(
                r.version(),
                r.title(),
                r.coordinatingUnits() == null ? List.of() : r.coordinatingUnits(),
                blankToNull(r.responsible()),
                r.priority() == null || r.priority().isBlank() ? Priority.NORMAL : Priority.of(r.priority()),
                blankToNull(r.expectedResult()));
    }

    static @Nullable LocalDate date(String field, @Nullable String text) {
        return org.mandate.shared.Dates.field(field, text);
    }

    static LocalDate asOf(@Nullable String text) {
        LocalDate d = date("asOf", text);
        return d == null ? Tasks.today() : d;
    }

    static long id(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw InputProblem.field(field, "'" + text + "' is not an id");
        }
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
