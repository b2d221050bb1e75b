package org.mandate.access;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.jspecify.annotations.Nullable;
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

    private static final ThreadLocal<Scope> SYSTEM_JOB = new ThreadLocal<>();

    /**
     * Runs Mandate's own jobs (loading the demo data) with a whole-country scope, as actor
     * {@code system:JOB}, until the returned handle is closed.
     */
    public static AutoCloseable asSystem(String job) {
        SYSTEM_JOB.set(new Scope("system:" + job, List.of(new Grant(0, Role.ADMIN, null, "Việt Nam"))));
        return SYSTEM_JOB::remove;
    }

    /** The scope of whoever makes the current request; anonymous when nobody is signed in. */
    public Scope current() {
        Scope job = SYSTEM_JOB.get();
        if (job != null) {
            return job;
        }
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

    /**
     * Whether the unit stood on the day under one of the scope's grants (in a root's subtree as it
     * stood then, the root included). Then whatever stood under the unit on that day, and whatever
     * passed into it, is within the scope too, so a list of the unit's subtree as of that day needs
     * no filter of its own by scope: the subtree is a part of the scope's. Lists use it to avoid
     * computing the scope's units when the caller has already narrowed the list to a unit within it.
     */
    public boolean coversSubtreeAsOf(Scope scope, long unitId, LocalDate day) {
        return readCoverage(scope, unitId, day).stoodUnder();
    }

    /**
     * What the scope's read grants say of the unit (see {@link Users#coverage}): everything for a
     * whole-country reader, nothing for a scope with no grants, without asking the database.
     */
    private Users.Coverage readCoverage(Scope scope, long unitId, LocalDate day) {
        if (scope.readsEverything()) {
            return new Users.Coverage(true, true);
        }
        var roots = scope.readRoots();
        return roots.isEmpty() ? new Users.Coverage(false, false) : users.coverage(unitId, roots, today(), day);
    }

    /**
     * {@link #requireRead} and {@link #coversSubtreeAsOf} of the current user in one round trip,
     * for a list narrowed to the unit's subtree as of the day.
     *
     * @return whether the list needs no filter of its own by scope
     * @throws NotFound when the current user may not read records of the unit
     */
    public boolean requireReadOfSubtree(long unitId, LocalDate day, String what) {
        var coverage = readCoverage(current(), unitId, day);
        if (!coverage.coveredToday()) {
            throw new NotFound(what + " was not found");
        }
        return coverage.stoodUnder();
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

    /**
     * Records that flow down the hierarchy, such as directive documents, are read in their unit's
     * subtree and above it: a province's conclusion by its communes and by the country's office,
     * not by another province. A record of no unit (a national document) is read by everyone
     * signed in.
     */
    public boolean mayReadFlowingDown(Scope scope, @Nullable Long unitId) {
        if (!scope.signedIn()) {
            return false;
        }
        if (unitId == null || scope.readsEverything()) {
            return true;
        }
        LocalDate today = today();
        return catalog.covers(unitId, scope.readRoots(), today)
                || scope.readRoots().stream().anyMatch(root -> catalog.covers(root, List.of(unitId), today));
    }

    /** @throws NotFound when the current user may not read a record that flows down from the unit */
    public void requireReadFlowingDown(@Nullable Long unitId, String what) {
        if (!mayReadFlowingDown(current(), unitId)) {
            throw new NotFound(what + " was not found");
        }
    }

    /**
     * Like {@link #requireChange(long, String)}; a record of no unit (national) is changed only
     * under a whole-country grant that changes records.
     */
    public void requireChangeOf(@Nullable Long unitId, String what) {
        if (unitId != null) {
            requireChange(unitId, what);
            return;
        }
        Scope scope = current();
        if (!scope.changesEverything()) {
            throw new AccessDenied((scope.signedIn() ? scope.username() : "An anonymous caller") + " may not change "
                    + what + ": only a grant over the whole country changes national records");
        }
    }

    /** Whether a grant with one of the roles covers the unit (a whole-country grant covers every unit). */
    public boolean mayAct(Scope scope, long unitId, Role... roles) {
        return !mayActAt(scope, List.of(unitId), roles).isEmpty();
    }

    /** Which of the units a grant with one of the roles covers, in one query (a page's many candidates). */
    public java.util.Set<Long> mayActAt(Scope scope, java.util.Collection<Long> unitIds, Role... roles) {
        if (scope.wholeCountryAs(roles)) {
            return java.util.Set.copyOf(unitIds);
        }
        return catalog.covered(unitIds, scope.rootsAs(roles), today());
    }

    /** @throws AccessDenied unless a grant with one of the roles covers the unit */
    public void requireAct(long unitId, String what, Role... roles) {
        Scope scope = current();
        if (!mayAct(scope, unitId, roles)) {
            throw new AccessDenied((scope.signedIn() ? scope.username() : "An anonymous caller") + " may not " + what
                    + ": that needs the role "
                    + java.util.Arrays.stream(roles).map(Role::code).toList()
                    + " over the unit");
        }
    }

    static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }
}
