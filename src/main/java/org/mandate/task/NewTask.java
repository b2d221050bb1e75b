package org.mandate.task;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A task to assign. It comes from a document (and a point of it) or from a working session, or
 * from a parent task when it is decomposed; {@code deadline} null is ongoing (thường xuyên).
 */
public record NewTask(
        String title,
        long leadUnitId,
        List<Long> coordinatorIds,
        @Nullable String responsible,
        Priority priority,
        @Nullable String expectedResult,
        LocalDate startOn,
        @Nullable LocalDate deadline,
        @Nullable Long documentId,
        @Nullable String documentPoint,
        @Nullable Long meetingId,
        @Nullable Long parentId) {}
