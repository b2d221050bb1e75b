package org.mandate.organization;

import java.time.LocalDate;

/**
 * A change of the apparatus was recorded (in the transaction that publishes it): records that
 * follow units through restructuring, such as task counts, must be brought in step.
 */
public record ApparatusChanged(String kind, long unitId, LocalDate effectiveDate) {}
