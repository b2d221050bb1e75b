package org.mandate.task;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** A task with everything on record about it, read as of a day. */
public record TaskDetail(
        TaskRow task,
        @Nullable String expectedResult,
        @Nullable String documentPoint,
        @Nullable String result,
        List<Unit> coordinators,
        List<Progress> progress,
        List<Extension> extensions,
        List<TaskTimeline.Deadline> deadlines,
        List<TaskRow> children,
        Map<TaskStatus, Long> childrenByStatus,
        int childrenProgress,
        int version,
        LocalDate asOf) {

    public record Unit(long id, String name) {}

    public record Progress(
            long id, LocalDate reportedOn, int percent, String note, String by, List<Evidence> evidence) {}

    public record Evidence(long id, String name, long size) {}

    public record Extension(
            long id,
            LocalDate requestedOn,
            @Nullable LocalDate oldDeadline,
            LocalDate newDeadline,
            String reason,
            String requestedBy,
            String state,
            @Nullable String decidedBy,
            @Nullable LocalDate decidedOn,
            @Nullable String note) {}
}
