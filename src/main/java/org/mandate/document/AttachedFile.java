package org.mandate.document;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** A file attached to a document, stored as given; {@code warning} says what could not be read from it. */
public record AttachedFile(
        long id,
        String name,
        String contentType,
        long size,
        boolean hasText,
        @Nullable String warning,
        Instant at) {}
