package org.mandate.document;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A document to register. The number is read from {@code symbol} ("1026-KL/TU", "09/2019/NĐ-CP");
 * one that cannot be read is kept as given, with a warning. {@code unitId} is the locality whose
 * staff keep the document (everything under it reads it); when absent it is the issuing body's
 * locality, or none for a national document.
 */
public record NewDocument(
        String symbol,
        @Nullable String type,
        @Nullable Long issuingBodyId,
        @Nullable Long unitId,
        @Nullable LocalDate issuedOn,
        @Nullable String title,
        @Nullable String signer,
        @Nullable String body,
        DocumentStatus status) {}
