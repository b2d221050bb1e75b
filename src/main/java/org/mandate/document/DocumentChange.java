package org.mandate.document;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** New values for a registered document's descriptive fields; {@code version} is the one read. */
public record DocumentChange(
        int version,
        @Nullable LocalDate issuedOn,
        @Nullable String title,
        @Nullable String signer,
        @Nullable String body,
        DocumentStatus status) {}
