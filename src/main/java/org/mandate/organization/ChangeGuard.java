package org.mandate.organization;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether an actor may change a unit. Implemented by the access module, so that every
 * write of the registry is checked against the actor's scope in the hierarchy.
 */
public interface ChangeGuard {
    /** Actors of Mandate's own jobs (seeding, imports) start with this prefix; they are not users. */
    String SYSTEM = "system:";

    /**
     * @param unitId the unit changed, or the parent under which a unit is established; null for a
     *     new unit at the top of a hierarchy
     * @throws org.mandate.shared.AccessDenied when the actor may not
     */
    void check(String actor, @Nullable Long unitId, LocalDate date);
}
