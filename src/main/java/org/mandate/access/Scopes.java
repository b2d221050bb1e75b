package org.mandate.access;

import java.time.LocalDate;
import java.time.ZoneId;
import org.mandate.organization.UnitCatalog;
import org.mandate.shared.AccessDenied;
import org.mandate.shared.NotFound;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one place where scope is decided, for reads and writes, in the API and the pages alike.
 * A record outside the caller's scope is "not found" when read (its existence is not revealed)
 * and "forbidden" when changed. What a grant covers is the database function
 * {@code unit_covered}: the root's subtree as it stands today and what passed into it.
 */
@Service
public class Scopes {
    /** Scope is decided as of the day in Vietnam, where the offices are. */
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Users users;
    private final UnitCatalog catalog;

    Scopes(Users users, UnitCatalog catalog) {
        this.users = users;
        this.catalog = catalog;
    }

    /** The scope of whoever makes the current request; anonymous when nobody is signed in. */
    public Scope current() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Scope.ANONYMOUS;
        }
        return of(auth.getName());
    }

    public Scope of(String username) {
        return new Scope(username, users.grants(username));
    }

    public boolean mayRead(Scope scope, long unitId) {
        return scope.readsEverything() || catalog.covers(unitId, scope.readRoots(), today());
    }

    public boolean mayChange(Scope scope, long unitId) {
        return scope.changesEverything() || catalog.covers(unitId, scope.changeRoots(), today());
    }

    /** @throws NotFound when the current user may not read records of the unit */
    public void requireRead(long unitId, String what) {
        if (!mayRead(current(), unitId)) {
            throw new NotFound(what + " was not found");
        }
    }

    /** @throws AccessDenied when the current user may not change records of the unit */
    public void requireChange(long unitId, String what) {
        Scope scope = current();
        if (!mayChange(scope, unitId)) {
            throw new AccessDenied((scope.signedIn() ? scope.username() : "An anonymous caller") + " may not change "
                    + what + ": it lies outside their scope");
        }
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }
}
