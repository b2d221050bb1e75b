package org.mandate.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mandate.task.TaskTimeline.Deadline;
import org.mandate.task.TaskTimeline.Span;

class TaskTimelineTest {
    private static final LocalDate JAN_1 = LocalDate.of(2025, 1, 1);

    @Test
    void aTaskDoneLateWasInProgressThenOverdue() {
        var t = TaskTimeline.of(JAN_1, LocalDate.of(2025, 3, 31), LocalDate.of(2025, 5, 10));
        assertThat(t.statusOn(LocalDate.of(2024, 12, 31))).isNull();
        assertThat(t.statusOn(LocalDate.of(2025, 3, 31))).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(t.statusOn(LocalDate.of(2025, 4, 1))).isEqualTo(TaskStatus.OVERDUE);
        assertThat(t.statusOn(LocalDate.of(2025, 5, 10))).isEqualTo(TaskStatus.DONE_LATE);
        assertThat(t.spans())
                .containsExactly(
                        new Span(JAN_1, LocalDate.of(2025, 4, 1), TaskStatus.IN_PROGRESS),
                        new Span(LocalDate.of(2025, 4, 1), LocalDate.of(2025, 5, 10), TaskStatus.OVERDUE),
                        new Span(LocalDate.of(2025, 5, 10), null, TaskStatus.DONE_LATE));
    }

    @Test
    void anApprovedExtensionMovesTheDeadlineFromTheDayOfApproval() {
        var t = new TaskTimeline(
                JAN_1,
                List.of(
                        new Deadline(JAN_1, LocalDate.of(2025, 3, 31)),
                        new Deadline(LocalDate.of(2025, 4, 15), LocalDate.of(2025, 6, 30))),
                LocalDate.of(2025, 6, 20));
        // overdue from 1 April until the extension was approved on 15 April
        assertThat(t.statusOn(LocalDate.of(2025, 4, 10))).isEqualTo(TaskStatus.OVERDUE);
        assertThat(t.statusOn(LocalDate.of(2025, 4, 15))).isEqualTo(TaskStatus.IN_PROGRESS);
        assertThat(t.statusOn(LocalDate.of(2025, 6, 20))).isEqualTo(TaskStatus.DONE_ON_TIME);
        assertThat(t.deadlineOn(LocalDate.of(2025, 3, 1))).isEqualTo(LocalDate.of(2025, 3, 31));
    }

    @Test
    void noDeadlineIsOngoing() {
        var t = TaskTimeline.of(JAN_1, null, null);
        assertThat(t.statusOn(LocalDate.of(2030, 1, 1))).isEqualTo(TaskStatus.ONGOING);
        assertThat(t.spans()).containsExactly(new Span(JAN_1, null, TaskStatus.ONGOING));
    }

    /** The spans say on every day what statusOn says: they are what the dashboards count. */
    @Property(tries = 500)
    void spansAgreeWithTheStatusOnEveryDay(
            @ForAll @IntRange(min = 0, max = 60) int deadlineAfter,
            @ForAll @IntRange(min = -1, max = 90) int completedAfter,
            @ForAll @IntRange(min = -1, max = 80) int extendedAfter,
            @ForAll @IntRange(min = 0, max = 40) int extendedBy) {
        var deadlines = new java.util.ArrayList<Deadline>();
        deadlines.add(new Deadline(JAN_1, JAN_1.plusDays(deadlineAfter)));
        if (extendedAfter >= 0) {
            deadlines.add(new Deadline(JAN_1.plusDays(extendedAfter), JAN_1.plusDays(deadlineAfter + extendedBy)));
            deadlines.sort(java.util.Comparator.comparing(Deadline::effectiveOn));
        }
        var t = new TaskTimeline(JAN_1, deadlines, completedAfter < 0 ? null : JAN_1.plusDays(completedAfter));
        var spans = t.spans();
        for (int d = -3; d < 150; d++) {
            LocalDate day = JAN_1.plusDays(d);
            TaskStatus fromSpans = spans.stream()
                    .filter(s -> !day.isBefore(s.from()) && (s.until() == null || day.isBefore(s.until())))
                    .map(Span::status)
                    .findFirst()
                    .orElse(null);
            assertThat(fromSpans).as("day %s", day).isEqualTo(t.statusOn(day));
        }
    }
}
