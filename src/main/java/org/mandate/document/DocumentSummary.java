package org.mandate.document;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A document as lists show it. {@code registered} is false for one known by number only, from a
 * reference in another document.
 */
public record DocumentSummary(
        long id,
        String symbol,
        @Nullable String type,
        String number,
        @Nullable Integer year,
        String issuer,
        @Nullable LocalDate issuedOn,
        @Nullable String title,
        String status,
        boolean registered,
        @Nullable Long unitId,
        @Nullable Long issuingBodyId) {}
