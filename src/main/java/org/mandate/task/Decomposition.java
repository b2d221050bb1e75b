package org.mandate.task;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Split a task down the hierarchy in one action: to the chosen units, or to every unit of a level
 * (province, district, commune) under the task's lead unit as it stands today. Title and deadline
 * default to the parent's.
 */
public record Decomposition(
        List<Long> unitIds,
        @Nullable String level,
        @Nullable String title,
        @Nullable LocalDate deadline) {}
