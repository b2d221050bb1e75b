package org.mandate.task;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which tasks: led by the unit (with {@code subtree}, by any unit under it as of {@code asOf},
 * following units through restructuring), with a status as of {@code asOf} ({@code due_soon} is in
 * progress with the deadline in the next 7 days), from a source document (with everything that
 * implements it), for a person, with a deadline between two dates.
 */
public record TaskQuery(
        @Nullable Long unitId,
        boolean subtree,
        @Nullable String status,
        LocalDate asOf,
        @Nullable Long sourceDocumentId,
        @Nullable String responsible,
        @Nullable LocalDate deadlineFrom,
        @Nullable LocalDate deadlineTo,
        @Nullable Long meetingId,
        int page,
        int size) {

    /** The same filters with another status (null: any). */
    public TaskQuery withStatus(@Nullable String status) {
        return new TaskQuery(
                unitId,
                subtree,
                status,
                asOf,
                sourceDocumentId,
                responsible,
                deadlineFrom,
                deadlineTo,
                meetingId,
                page,
                size);
    }

    /** The same filters, another page. */
    public TaskQuery page(int page, int size) {
        return new TaskQuery(
                unitId,
                subtree,
                status,
                asOf,
                sourceDocumentId,
                responsible,
                deadlineFrom,
                deadlineTo,
                meetingId,
                page,
                size);
    }
}
