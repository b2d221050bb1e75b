package org.mandate.document.web;

import org.jspecify.annotations.Nullable;

/**
 * A document to register, as the API takes it. {@code symbol} is the number and symbol as written
 * ("1026-KL/TU"); {@code issuingBody} and {@code unit} are unit ids of the registry; dates are
 * YYYY-MM-DD; {@code status} is in_force (default), amended, replaced or expired.
 */
public record DocumentRequest(
        @Nullable String symbol,
        @Nullable String type,
        @Nullable Long issuingBody,
        @Nullable Long unit,
        @Nullable String issuedOn,
        @Nullable String title,
        @Nullable String signer,
        @Nullable String text,
        @Nullable String status) {}
