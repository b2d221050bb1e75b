package org.mandate.organization;

import java.util.List;

/**
 * What an import of administrative-unit files did.
 *
 * @param unchanged the same files had been imported before, so nothing was written
 * @param findings every row that could not be taken as it was, and what was done instead
 */
public record ImportReport(
        long runId,
        String checksum,
        boolean unchanged,
        int units,
        int versions,
        int events,
        int successions,
        List<Finding> findings) {

    public record Finding(String file, int line, String code, String unit, String decision) {}
}
