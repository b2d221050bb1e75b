package org.mandate.indicator.web;

import org.mandate.indicator.Indicators;
import org.mandate.organization.UnitCatalog;
import org.mandate.shared.NotFound;

/** A unit's full name for the pages: today's, or its last for a unit that ended. */
final class UnitNames {
    private UnitNames() {}

    static String name(UnitCatalog units, long unit) {
        try {
            return units.asOf(unit, Indicators.today()).fullName();
        } catch (NotFound ended) {
            return units.history(unit).latest().fullName();
        }
    }
}
