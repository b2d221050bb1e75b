package org.mandate.reminder;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A unit's office mailbox; {@code email} is null when none is set. */
public record Mailbox(
        long unitId,
        @Nullable String email,
        @Nullable String updatedBy,
        @Nullable Instant updatedAt) {}
