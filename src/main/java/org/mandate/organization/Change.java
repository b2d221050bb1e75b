package org.mandate.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** When a change takes effect, the document it rests on, and who records it. */
public record Change(
        LocalDate effectiveDate,
        String legalBasis,
        String actor,
        @Nullable String note) {}
