package org.mandate.organization.internal;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.EventKind;
import org.mandate.organization.Share;

/**
 * The history that the administrative-unit files describe, before it is written: units are
 * numbered 0..unitCount-1 and refer to each other by that number.
 */
public record HistoryPlan(
        int unitCount,
        List<Version> versions,
        List<Event> events,
        List<Succession> successions,
        List<Finding> findings) {

    /** A version valid for [from, to); null bounds are open. {@code path} lists unit numbers root first. */
    public record Version(
            int unit,
            @Nullable LocalDate from,
            @Nullable LocalDate to,
            String code,
            String name,
            String fullName,
            String nameEn,
            String fullNameEn,
            String level,
            String kind,
            @Nullable Integer parent,
            List<Integer> path) {}

    public record Event(
            int number,
            EventKind kind,
            LocalDate date,
            String legalBasis,
            int subject,
            @Nullable String note) {}

    public record Succession(int event, int predecessor, int successor, LocalDate date, Share share) {}

    /** A row that could not be taken as it was, and what the import did instead. */
    public record Finding(String file, int line, String code, String unit, String decision, String raw) {}
}
