package org.mandate.indicator.web;

import org.mandate.indicator.Indicators;
import org.mandate.organization.UnitCatalog;

/** A unit's full name for the pages: today's, or its last for a unit that ended. */
final class UnitNames {
    private UnitNames() {}

    static String name(UnitCatalog units, long unit) {
        return units.versionOn(unit, Indicators.today()).fullName();
    }
}
