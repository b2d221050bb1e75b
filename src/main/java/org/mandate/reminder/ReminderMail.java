package org.mandate.reminder;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** A reminder mail on record: what, to whom, and how its sending went. */
public record ReminderMail(
        long id,
        String kind,
        long unitId,
        LocalDate day,
        long recipientUnit,
        String recipient,
        String subject,
        String state,
        int attempts,
        @Nullable Instant sentAt,
        @Nullable String lastError) {}
