package org.mandate.audit;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Which entries to list, newest first.
 *
 * @param scopeRoots only entries about units that grants at these roots cover on {@code asOf}
 *     (database function {@code unit_covered}); null for no restriction
 * @param alsoActor with {@code scopeRoots}: also the entries this user made, whatever their unit
 *     (a user always sees their own sign-ins and changes)
 */
public record AuditQuery(
        @Nullable String entity,
        @Nullable Long entityId,
        @Nullable String actor,
        Long @Nullable [] scopeRoots,
        @Nullable String alsoActor,
        LocalDate asOf,
        int page,
        int size) {}
