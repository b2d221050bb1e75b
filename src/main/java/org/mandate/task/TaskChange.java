package org.mandate.task;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** New descriptive values of a task; its deadline moves only through an approved extension. */
public record TaskChange(
        int version,
        String title,
        List<Long> coordinatorIds,
        @Nullable String responsible,
        Priority priority,
        @Nullable String expectedResult) {}
