package org.mandate.indicator;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** A stored value with its story: who entered it, where it stands, which correction replaced it. */
public record ValueRecord(
        long id,
        String indicator,
        long unit,
        String period,
        BigDecimal value,
        String state,
        @Nullable String note,
        String enteredBy,
        OffsetDateTime enteredAt,
        @Nullable String submittedBy,
        @Nullable String approvedBy,
        @Nullable Long supersededBy) {}
