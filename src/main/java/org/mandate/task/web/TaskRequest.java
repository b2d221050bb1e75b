package org.mandate.task.web;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A task as the API takes it; dates are YYYY-MM-DD; no deadline means ongoing. */
public record TaskRequest(
        @Nullable String title,
        @Nullable Long leadUnit,
        @Nullable List<Long> coordinatingUnits,
        @Nullable String responsible,
        @Nullable String priority,
        @Nullable String expectedResult,
        @Nullable String start,
        @Nullable String deadline,
        @Nullable Long document,
        @Nullable String documentPoint,
        @Nullable Long meeting,
        @Nullable Long parent,
        @Nullable Integer version) {}
