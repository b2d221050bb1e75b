/**
 * Indicators and targets: the catalogue, congress terms and the targets resolutions set, the
 * values units report each period (entered, submitted, approved; corrections keep the earlier
 * figure), and their roll-up "as it was" (the hierarchy of the period) and "as it is now"
 * (carried through the succession of units, partial shares apportioned and marked as estimates).
 */
@org.jspecify.annotations.NullMarked
package org.mandate.indicator;
