package org.mandate.audit;

import org.jspecify.annotations.Nullable;

/**
 * What a module records about a change; the log adds the time, the origin and the chain.
 *
 * @param detail JSON object
 * @param before JSON of the record before the change, null when it did not exist
 * @param after JSON of the record after the change, null when it no longer exists
 */
public record AuditRecord(
        String actor,
        String action,
        String entity,
        @Nullable Long entityId,
        @Nullable Long unitId,
        String detail,
        @Nullable String before,
        @Nullable String after) {

    public static AuditRecord of(String actor, String action, String entity, @Nullable Long entityId, String detail) {
        return new AuditRecord(actor, action, entity, entityId, null, detail, null, null);
    }
}
