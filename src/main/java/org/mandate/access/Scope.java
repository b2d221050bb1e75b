package org.mandate.access;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * What one user may see and change: the union of their grants. Anonymous callers have no grants.
 * Obtained from {@link Scopes}, which also applies it.
 */
public record Scope(@Nullable String username, List<Grant> grants) {
    public static final Scope ANONYMOUS = new Scope(null, List.of());

    public boolean signedIn() {
        return username != null;
    }

    public boolean readsEverything() {
        return grants.stream().anyMatch(Grant::wholeCountry);
    }

    /**
     * Whether a grant over the whole country has one of the roles: {@code wholeCountryAs(Role.ADMIN)}
     * is a whole-country administrator. Such a grant covers every unit.
     */
    public boolean wholeCountryAs(Role... roles) {
        var allowed = List.of(roles);
        return grants.stream().anyMatch(g -> g.wholeCountry() && allowed.contains(g.role()));
    }

    /**
     * Root units of the grants over a unit (not the whole country) with one of the roles:
     * {@code rootsAs(Role.ADMIN)} are the units an administrator administers, below the country.
     */
    public Set<Long> rootsAs(Role... roles) {
        var allowed = List.of(roles);
        return grants.stream()
                .filter(g -> !g.wholeCountry() && allowed.contains(g.role()))
                .map(Grant::unitId)
                .collect(Collectors.toSet());
    }

    public boolean changesEverything() {
        return grants.stream().anyMatch(g -> g.wholeCountry() && g.role().changesRecords());
    }

    /** Root units of the grants that allow reading (all of them). */
    public Set<Long> readRoots() {
        return grants.stream().map(Grant::unitId).filter(id -> id != null).collect(Collectors.toSet());
    }

    /** Root units of the grants that allow changing records. */
    public Set<Long> changeRoots() {
        return grants.stream()
                .filter(g -> g.role().changesRecords())
                .map(Grant::unitId)
                .filter(id -> id != null)
                .collect(Collectors.toSet());
    }
}
