package org.mandate.task;

import java.util.Map;

/** Counts by status of the tasks led by one unit, as of a day; {@code lateRate} over the tasks done. */
public record LeadUnitCounts(long unitId, String unitName, Map<TaskStatus, Long> counts, long total, double lateRate) {}
