package org.mandate.document.web;

import org.jspecify.annotations.Nullable;

/** New descriptive values of a registered document; {@code version} is the one that was read. */
public record DocumentUpdate(
        @Nullable Integer version,
        @Nullable String issuedOn,
        @Nullable String title,
        @Nullable String signer,
        @Nullable String text,
        @Nullable String status) {}
