package org.mandate.organization.web;

import java.util.List;
import org.mandate.organization.Lineage;

/** Where a unit went or came from: the succession steps, and the units at the ends. */
record LineageJson(long id, List<Lineage.Step> steps, List<UnitJson> ends) {
    static LineageJson of(Lineage lineage) {
        return new LineageJson(
                lineage.unitId(),
                lineage.steps(),
                lineage.ends().stream().map(UnitJson::of).toList());
    }
}
