package org.mandate.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One entry of the audit log. {@code detail}, {@code before} and {@code after} are JSON;
 * {@code unitId} is the unit of the registry the entry concerns, by which scope filters it.
 */
public record AuditEntry(
        long seq,
        Instant at,
        String actor,
        String action,
        String entity,
        @Nullable Long entityId,
        @Nullable Long unitId,
        String source,
        String detail,
        @Nullable String before,
        @Nullable String after) {}
