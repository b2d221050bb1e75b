package org.mandate.task;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A task as lists show it, with its status and deadline as of the day asked. */
public record TaskRow(
        long id,
        String title,
        long leadUnitId,
        String leadUnitName,
        @Nullable String responsible,
        String priority,
        LocalDate startOn,
        @Nullable LocalDate deadline,
        @Nullable LocalDate completedOn,
        int progress,
        TaskStatus status,
        @Nullable Long documentId,
        @Nullable String documentSymbol,
        @Nullable Long meetingId,
        @Nullable Long parentId) {}
