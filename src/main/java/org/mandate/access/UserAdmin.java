package org.mandate.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.shared.AccessDenied;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.springframework.boot.json.JsonWriter;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administration of users and their grants. An administrator manages what lies within their own
 * scope: a grant at a unit is given or taken only by an administrator whose grant covers that
 * unit, and a whole-country grant only by a whole-country administrator. Every permission change
 * is audited with the grant before or after; passwords are never logged.
 */
@Service
public class UserAdmin {
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,40}");

    private final Users users;
    private final Scopes scopes;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    UserAdmin(Users users, Scopes scopes, PasswordEncoder encoder, AuditLog audit) {
        this.users = users;
        this.scopes = scopes;
        this.encoder = encoder;
        this.audit = audit;
    }

    /** A user as administrators see it. */
    public record UserView(String username, String displayName, boolean mustChangePassword, List<Grant> grants) {}

    /**
     * Users holding a grant within the administrator's scope (all of them for a whole-country
     * administrator), and users with no grant yet, who are in nobody's scope until they are given
     * their first one; with all their grants, by user name.
     */
    @Transactional(readOnly = true)
    public List<UserView> list() {
        Scope admin = requireAdministrator();
        return users.holdingGrantsUnder(admin.wholeCountryAs(Role.ADMIN) ? null : admin.rootsAs(Role.ADMIN)).stream()
                .map(a -> new UserView(
                        a.user().username(), a.user().displayName(), a.user().mustChangePassword(), a.grants()))
                .toList();
    }

    /** Whether the current user administers the whole country (and so may give whole-country grants). */
    public boolean managesWholeCountry() {
        return requireAdministrator().wholeCountryAs(Role.ADMIN);
    }

    /** Which of the units the current administrator may give and take grants at, in one query. */
    public java.util.Set<Long> mayGrantAt(java.util.Collection<Long> unitIds) {
        return scopes.mayActAt(requireAdministrator(), unitIds, Role.ADMIN);
    }

    @Transactional
    public UserView create(String username, String displayName, String password) {
        Scope admin = requireAdministrator();
        if (!USERNAME.matcher(username).matches()) {
            throw InputProblem.field("username", "3 to 40 small letters, digits, dots, dashes or underscores");
        }
        if (displayName.isBlank()) {
            throw InputProblem.field("displayName", "the person's or office's name is missing");
        }
        if (password.length() < AccountPages.MIN_PASSWORD) {
            throw InputProblem.field("password", "at least " + AccountPages.MIN_PASSWORD + " characters");
        }
        if (users.exists(username)) {
            throw new Conflict("There is a user '" + username + "' already", "/api/users/" + username);
        }
        long id = users.add(username, encoder.encode(password), displayName.strip(), true);
        audit.record(new AuditRecord(
                admin.username(),
                "create_user",
                "app_user",
                id,
                null,
                JsonWriter.standard().writeToString(Map.of("user", username)),
                null,
                JsonWriter.standard().writeToString(Map.of("username", username, "displayName", displayName))));
        return view(username);
    }

    @Transactional
    public Grant grant(String username, Role role, @Nullable Long unitId) {
        Scope admin = requireAdministrator();
        if (!users.exists(username)) {
            throw new NotFound("There is no user '" + username + "'");
        }
        requireOver(admin, unitId);
        long id = users.grant(username, role, unitId, admin.username());
        var after = new LinkedHashMap<String, Object>();
        after.put("user", username);
        after.put("role", role.code());
        after.put("unit", unitId == null ? "whole country" : unitId);
        audit.record(new AuditRecord(
                admin.username(),
                "grant",
                "user_grant",
                id,
                unitId,
                JsonWriter.standard().writeToString(Map.of("user", username)),
                null,
                JsonWriter.standard().writeToString(after)));
        return users.grants(username).stream()
                .filter(g -> g.id() == id)
                .findFirst()
                .orElseThrow();
    }

    @Transactional
    public void revoke(String username, long grantId) {
        Scope admin = requireAdministrator();
        var grant = users.grantById(grantId)
                .filter(g -> g.username().equals(username))
                .orElseThrow(() -> new NotFound("User '" + username + "' has no grant " + grantId));
        requireOver(admin, grant.unitId());
        if (grant.username().equals(admin.username()) && grant.role() == Role.ADMIN) {
            throw new Conflict("An administrator may not take away their own administrator grant");
        }
        users.revoke(grantId);
        var before = new LinkedHashMap<String, Object>();
        before.put("user", username);
        before.put("role", grant.role().code());
        before.put("unit", grant.unitId() == null ? "whole country" : grant.unitId());
        audit.record(new AuditRecord(
                admin.username(),
                "revoke",
                "user_grant",
                grantId,
                grant.unitId(),
                JsonWriter.standard().writeToString(Map.of("user", username)),
                JsonWriter.standard().writeToString(before),
                null));
    }

    private UserView view(String username) {
        var user = users.find(username).orElseThrow(() -> new NotFound("There is no user '" + username + "'"));
        return new UserView(user.username(), user.displayName(), user.mustChangePassword(), users.grants(username));
    }

    private Scope requireAdministrator() {
        Scope scope = scopes.current();
        if (scope.grants().stream().noneMatch(g -> g.role() == Role.ADMIN)) {
            throw new AccessDenied((scope.signedIn() ? scope.username() : "An anonymous caller")
                    + " is no administrator: users and grants are managed by administrators");
        }
        return scope;
    }

    private void requireOver(Scope admin, @Nullable Long unitId) {
        boolean wholeCountry = admin.wholeCountryAs(Role.ADMIN);
        if (unitId == null ? !wholeCountry : !wholeCountry && !covers(admin, unitId)) {
            throw new AccessDenied(admin.username() + " may not manage grants "
                    + (unitId == null ? "over the whole country" : "at unit " + unitId)
                    + ": it lies outside their administrator grant");
        }
    }

    private boolean covers(Scope admin, long unitId) {
        return scopes.mayAct(admin, unitId, Role.ADMIN);
    }
}
