package org.mandate.reminder.internal;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A task as a reminder lists it, as of the day of the reminder.
 *
 * @param leadUnitName the lead unit's name, when it is not the unit written about (it ended, and
 *     that unit carries it on)
 */
public record Listed(
        long id,
        String title,
        @Nullable String responsible,
        LocalDate deadline,
        boolean overdue,
        @Nullable String leadUnitName) {}
