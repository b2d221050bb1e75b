package org.mandate.access;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.ChangeGuard;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.UnitCatalog;
import org.mandate.organization.UnitVersion;
import org.mandate.shared.AccessDenied;
import org.springframework.stereotype.Component;

/**
 * A user may change the units within their scope: their scope locality and everything under it,
 * and the bodies belonging to those localities, as the trees stood on the change's date. Viewers change nothing; a user without a scope unit has
 * the whole country. Mandate's own jobs act as {@code system:...}.
 */
@Component
class ScopeGuard implements ChangeGuard {
    private final Users users;
    private final UnitCatalog catalog;

    ScopeGuard(Users users, UnitCatalog catalog) {
        this.users = users;
        this.catalog = catalog;
    }

    @Override
    public void check(String actor, @Nullable Long unitId, LocalDate date) {
        if (actor.startsWith(SYSTEM)) {
            return;
        }
        var user = users.find(actor).orElseThrow(() -> new AccessDenied("Unknown user '" + actor + "'"));
        if (user.role().equals("viewer")) {
            throw new AccessDenied(actor + " may read but not change the registry");
        }
        if (user.scopeUnitId() == null) {
            return;
        }
        if (unitId == null) {
            throw new AccessDenied(actor + " may only change units within their scope, not add a unit at the top");
        }
        boolean within = isWithin(unitId, user.scopeUnitId(), date);
        if (!within) {
            throw new AccessDenied(actor + " may change only units within " + user.scopeName() + "; unit " + unitId
                    + " is outside it on " + date);
        }
    }

    /**
     * A locality is within the scope when the scope unit is on its line of ancestors; a body is
     * within it when the locality it belongs to (its own, or the nearest above it) is.
     */
    private boolean isWithin(long unitId, long scopeUnitId, LocalDate date) {
        List<UnitVersion> line = catalog.lineOfAncestors(unitId, date);
        if (line.isEmpty() || line.getLast().hierarchy() == Hierarchy.LOCALITY) {
            return line.stream().anyMatch(v -> v.id() == scopeUnitId);
        }
        for (UnitVersion body : line.reversed()) {
            if (body.localityId() != null) {
                return isWithin(body.localityId(), scopeUnitId, date);
            }
        }
        return false;
    }
}
