/**
 * The apparatus over time: localities and political-system bodies, their versions valid for date
 * ranges, the events that change them and the succession from old units to new ones.
 */
@org.jspecify.annotations.NullMarked
package org.mandate.organization;
