package org.mandate.document;

import org.jspecify.annotations.Nullable;

/**
 * Search: {@code text} matches the number in any spelling ("1026 kl tu", "1026/KL-TU") or words of
 * the number, title, text and attached files, tone marks ignored.
 */
public record DocumentQuery(
        @Nullable String text, @Nullable String type, boolean includeKnownByNumber, int page, int size) {}
