package org.mandate.access;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.ChangeGuard;
import org.mandate.shared.AccessDenied;
import org.springframework.stereotype.Component;

/**
 * Checks each change of the registry against the actor's scope ({@link Scopes}): the actor needs
 * an administrator's or the office's grant covering the unit changed (or the parent a unit is
 * established under); a unit at the top of a hierarchy needs such a grant for the whole country.
 * Mandate's own jobs act as {@code system:...}.
 */
@Component
class ScopeGuard implements ChangeGuard {
    private final Scopes scopes;

    ScopeGuard(Scopes scopes) {
        this.scopes = scopes;
    }

    @Override
    public void check(String actor, @Nullable Long unitId, LocalDate date) {
        if (actor.startsWith(SYSTEM)) {
            return;
        }
        Scope scope = scopes.of(actor);
        if (scope.changeRoots().isEmpty() && !scope.changesEverything()) {
            throw new AccessDenied(actor + " may read but not change the registry");
        }
        if (scope.changesEverything()) {
            return;
        }
        if (unitId == null) {
            throw new AccessDenied(actor + " may only change units within their scope, not add a unit at the top");
        }
        if (!scopes.mayChange(scope, unitId)) {
            throw new AccessDenied(
                    actor + " may change only units within their scope; unit " + unitId + " lies outside it");
        }
    }
}
