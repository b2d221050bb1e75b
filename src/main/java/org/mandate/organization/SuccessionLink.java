package org.mandate.organization;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** The other end of a succession: the unit that preceded or followed, on which date, in what share. */
public record SuccessionLink(
        long unitId,
        String code,
        String name,
        String level,
        LocalDate effectiveDate,
        Share share,
        @Nullable BigDecimal weight,
        EventKind event,
        String legalBasis) {}
