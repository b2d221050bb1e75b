package org.mandate.shared;

import org.jspecify.annotations.Nullable;

/**
 * A request that is well formed but contradicts what is recorded (HTTP 409); {@code existing}
 * is the address of the record it collides with, when there is one.
 */
public class Conflict extends RuntimeException {
    private final @Nullable String existing;

    public Conflict(String message) {
        this(message, null);
    }

    public Conflict(String message, @Nullable String existing) {
        super(message);
        this.existing = existing;
    }

    public @Nullable String existing() {
        return existing;
    }
}
