package org.mandate.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The dates that decide a task's status, and its status on any day. The deadline in force on a
 * day is the last one that took effect by then (the first at the start, one per approved
 * extension). Done on time means completed by the deadline in force on the day of completion.
 *
 * @param start the first day of the task
 * @param deadlines every deadline with the day it took effect, in order; a null deadline is ongoing
 * @param completedOn the day it was completed, if it was
 */
public record TaskTimeline(
        LocalDate start, List<Deadline> deadlines, @Nullable LocalDate completedOn) {

    public record Deadline(LocalDate effectiveOn, @Nullable LocalDate deadline) {}

    /** One stretch of days with one status; {@code until} is exclusive, null for "from then on". */
    public record Span(LocalDate from, @Nullable LocalDate until, TaskStatus status) {}

    public static TaskTimeline of(LocalDate start, @Nullable LocalDate deadline, @Nullable LocalDate completedOn) {
        return new TaskTimeline(start, List.of(new Deadline(start, deadline)), completedOn);
    }

    public @Nullable LocalDate deadlineOn(LocalDate day) {
        LocalDate in = null;
        for (Deadline d : deadlines) {
            if (d.effectiveOn().isAfter(day)) {
                break;
            }
            in = d.deadline();
        }
        return in;
    }

    /** The status on the day; null before the task starts. */
    public @Nullable TaskStatus statusOn(LocalDate day) {
        if (day.isBefore(start)) {
            return null;
        }
        if (completedOn != null && !day.isBefore(completedOn)) {
            LocalDate due = deadlineOn(completedOn);
            return due == null || !completedOn.isAfter(due) ? TaskStatus.DONE_ON_TIME : TaskStatus.DONE_LATE;
        }
        LocalDate due = deadlineOn(day);
        if (due == null) {
            return TaskStatus.ONGOING;
        }
        return day.isAfter(due) ? TaskStatus.OVERDUE : TaskStatus.IN_PROGRESS;
    }

    /** The whole history as stretches of one status, from the start on. */
    public List<Span> spans() {
        var changes = new TreeSet<LocalDate>();
        changes.add(start);
        for (Deadline d : deadlines) {
            changes.add(d.effectiveOn().isBefore(start) ? start : d.effectiveOn());
            if (d.deadline() != null) {
                changes.add(d.deadline().plusDays(1));
            }
        }
        if (completedOn != null) {
            changes.add(completedOn);
        }
        var spans = new ArrayList<Span>();
        LocalDate from = null;
        TaskStatus current = null;
        for (LocalDate day : changes) {
            if (day.isBefore(start) || completedOn != null && day.isAfter(completedOn)) {
                continue;
            }
            TaskStatus status = statusOn(day);
            if (status != current) {
                if (current != null) {
                    spans.add(new Span(from, day, current));
                }
                from = day;
                current = status;
            }
        }
        spans.add(new Span(from, null, current));
        return spans;
    }
}
