package org.mandate.organization;

import java.util.List;

/**
 * Where a unit went (forward through successions to the units that still stand or stood last) or
 * where it came from (backward to the oldest recorded units). Each step is one succession link.
 */
public record Lineage(long unitId, List<Step> steps, List<UnitVersion> ends) {
    public record Step(long fromId, String fromName, long toId, String toName, SuccessionLink link, int depth) {}
}
