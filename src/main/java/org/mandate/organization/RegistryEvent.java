package org.mandate.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** One recorded change of the apparatus. */
public record RegistryEvent(
        long id,
        EventKind kind,
        LocalDate effectiveDate,
        String legalBasis,
        long subjectId,
        @Nullable String note) {}
