package org.mandate.access;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/** The users table with their grants, and sign-in against it. */
@Repository
class Users implements UserDetailsService {
    /** Failed sign-ins in a row after which the account is locked for {@link #LOCK_FOR}. */
    static final int MAX_FAILURES = 5;

    static final Duration LOCK_FOR = Duration.ofMinutes(15);

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record AppUser(
            long id,
            String username,
            String passwordHash,
            String displayName,
            int failedLogins,
            @Nullable Instant lockedUntil,
            boolean mustChangePassword) {
        boolean locked(Instant now) {
            return lockedUntil != null && lockedUntil.isAfter(now);
        }
    }

    /** A user with their grants, as one request needs them. */
    record Account(AppUser user, List<Grant> grants) {}

    /**
     * The user and their grants in one query, kept for the rest of the request: signing in, the
     * password-change check and every scope check of one request read them once. Every change
     * made through this class forgets what the request kept.
     */
    Optional<Account> account(String username) {
        Map<String, Optional<Account>> kept = requestCache();
        if (kept == null) {
            return load(username);
        }
        return kept.computeIfAbsent(username, this::load);
    }

    private static final String ACCOUNT_ROWS = """
            SELECT u.id, u.username, u.password_hash, u.display_name, u.failed_logins, u.locked_until,
                   u.must_change_password, g.id AS grant_id, g.role, g.unit_id,
                   coalesce((SELECT v.full_name FROM org_unit_version v WHERE v.unit_id = g.unit_id
                              ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1), 'Cả nước') AS unit_name
              FROM app_user u LEFT JOIN user_grant g ON g.user_id = u.id
            """;

    private Optional<Account> load(String username) {
        var found = accounts(jdbc.sql(ACCOUNT_ROWS + " WHERE u.username = :username ORDER BY g.id")
                .param("username", username));
        return found.stream().findFirst();
    }

    /**
     * Users holding a grant at a unit that grants at these roots cover, and users with no grant
     * (every user when roots is null), with all their grants, by user name: one query, the scope test once per granted unit.
     */
    List<Account> holdingGrantsUnder(@Nullable Collection<Long> roots) {
        String sql = ACCOUNT_ROWS + (roots == null ? "" : """
                 WHERE u.id IN (SELECT c.user_id FROM user_grant c
                                 WHERE c.unit_id IN (SELECT DISTINCT unit_id FROM user_grant x
                                                      WHERE x.unit_id IS NOT NULL
                                                        AND unit_covered(x.unit_id, CAST(:roots AS bigint[]), :today)))
                    OR NOT EXISTS (SELECT 1 FROM user_grant n WHERE n.user_id = u.id)
                """) + " ORDER BY u.username, g.id";
        var spec = jdbc.sql(sql);
        if (roots != null) {
            spec = spec.param("roots", roots.toArray(Long[]::new)).param("today", Scopes.today());
        }
        return accounts(spec);
    }

    private static List<Account> accounts(JdbcClient.StatementSpec spec) {
        record Row(AppUser user, @Nullable Grant grant) {}
        List<Row> rows = spec.query((rs, n) -> new Row(
                        new AppUser(
                                rs.getLong("id"),
                                rs.getString("username"),
                                rs.getString("password_hash"),
                                rs.getString("display_name"),
                                rs.getInt("failed_logins"),
                                Optional.ofNullable(rs.getTimestamp("locked_until"))
                                        .map(java.sql.Timestamp::toInstant)
                                        .orElse(null),
                                rs.getBoolean("must_change_password")),
                        rs.getObject("grant_id") == null
                                ? null
                                : new Grant(
                                        rs.getLong("grant_id"),
                                        Role.of(rs.getString("role")),
                                        (Long) rs.getObject("unit_id"),
                                        rs.getString("unit_name"))))
                .list();
        var byUser = new java.util.LinkedHashMap<Long, Account>();
        for (Row row : rows) {
            var account =
                    byUser.computeIfAbsent(row.user().id(), id -> new Account(row.user(), new java.util.ArrayList<>()));
            if (row.grant() != null) {
                account.grants().add(row.grant());
            }
        }
        return byUser.values().stream()
                .map(a -> new Account(a.user(), List.copyOf(a.grants())))
                .toList();
    }

    private static final String CACHE = Users.class.getName() + ".accounts";

    @SuppressWarnings("unchecked")
    private static @Nullable Map<String, Optional<Account>> requestCache() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return null;
        }
        Object kept = request.getAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        if (kept == null) {
            kept = new HashMap<String, Optional<Account>>();
            request.setAttribute(CACHE, kept, RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<String, Optional<Account>>) kept;
    }

    /** After a change, the request reads users and grants afresh. */
    private static void forget() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.removeAttribute(CACHE, RequestAttributes.SCOPE_REQUEST);
        }
    }

    Optional<AppUser> find(String username) {
        return account(username).map(Account::user);
    }

    boolean exists(String username) {
        return find(username).isPresent();
    }

    List<Grant> grants(String username) {
        return account(username).map(Account::grants).orElse(List.of());
    }

    /**
     * What grants at the roots say of a unit, in one round trip: whether they cover it today
     * ({@code unit_covered}), and whether it stood on the day in the subtree of one of the roots
     * (a root itself included; one probe per root on (unit_id, valid) and the path test).
     */
    record Coverage(boolean coveredToday, boolean stoodUnder) {}

    Coverage coverage(long unitId, Collection<Long> roots, LocalDate today, LocalDate day) {
        return jdbc.sql("""
                        SELECT unit_covered(:unit, CAST(:roots AS bigint[]), CAST(:today AS date)),
                               EXISTS (
                            SELECT 1 FROM org_unit_version u
                              JOIN org_unit_version r ON r.unit_id = ANY (CAST(:roots AS bigint[]))
                                                     AND r.valid @> CAST(:day AS date) AND u.path <@ r.path
                             WHERE u.unit_id = :unit AND u.valid @> CAST(:day AS date))
                        """)
                .param("unit", unitId)
                .param("roots", roots.toArray(Long[]::new))
                .param("today", today)
                .param("day", day)
                .query((rs, n) -> new Coverage(rs.getBoolean(1), rs.getBoolean(2)))
                .single();
    }

    long add(String username, String passwordHash, String displayName, boolean mustChangePassword) {
        forget();
        return jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, must_change_password)
                        VALUES (:username, :hash, :name, :must) RETURNING id
                        """)
                .param("username", username)
                .param("hash", passwordHash)
                .param("name", displayName)
                .param("must", mustChangePassword)
                .query(Long.class)
                .single();
    }

    long grant(String username, Role role, @Nullable Long unitId, String grantedBy) {
        forget();
        return jdbc.sql("""
                        INSERT INTO user_grant (user_id, role, unit_id, granted_by)
                        SELECT id, :role, :unit, :by FROM app_user WHERE username = :username
                        ON CONFLICT (user_id, role, unit_id) DO UPDATE SET granted_by = excluded.granted_by
                        RETURNING id
                        """)
                .param("username", username)
                .param("role", role.code())
                .param("unit", unitId)
                .param("by", grantedBy)
                .query(Long.class)
                .single();
    }

    /** A grant with the user it belongs to, for revoking. */
    record StoredGrant(
            long id, String username, Role role, @Nullable Long unitId) {}

    Optional<StoredGrant> grantById(long id) {
        return jdbc.sql("""
                        SELECT g.id, u.username, g.role, g.unit_id FROM user_grant g JOIN app_user u ON u.id = g.user_id
                         WHERE g.id = :id
                        """)
                .param("id", id)
                .query((rs, n) -> new StoredGrant(
                        rs.getLong(1), rs.getString(2), Role.of(rs.getString(3)), (Long) rs.getObject(4)))
                .optional();
    }

    void revoke(long grantId) {
        forget();
        jdbc.sql("DELETE FROM user_grant WHERE id = :id").param("id", grantId).update();
    }

    void setPassword(String username, String passwordHash, boolean mustChange) {
        forget();
        jdbc.sql("""
                        UPDATE app_user SET password_hash = :hash, must_change_password = :must,
                               password_changed_at = now(), failed_logins = 0, locked_until = NULL
                         WHERE username = :username
                        """)
                .param("hash", passwordHash)
                .param("must", mustChange)
                .param("username", username)
                .update();
    }

    /** Counts a failed sign-in; returns the time the account is locked until, if this locked it. */
    Optional<Instant> failed(String username) {
        forget();
        return jdbc.sql("""
                        UPDATE app_user
                           SET failed_logins = failed_logins + 1,
                               locked_until = CASE WHEN failed_logins + 1 >= :max THEN now() + :lock::interval END
                         WHERE username = :username
                        RETURNING locked_until
                        """)
                .param("max", MAX_FAILURES)
                .param("lock", LOCK_FOR.toMinutes() + " minutes")
                .param("username", username)
                .query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(java.sql.Timestamp::toInstant))
                .optional()
                .flatMap(o -> o);
    }

    void succeeded(String username) {
        forget();
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = :username")
                .param("username", username)
                .update();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var account = account(username).orElseThrow(() -> new UsernameNotFoundException(username));
        var user = account.user();
        var roles = account.grants().stream()
                .map(g -> "ROLE_" + g.role().name())
                .distinct()
                .toArray(String[]::new);
        return User.withUsername(user.username())
                .password(user.passwordHash())
                .authorities(AuthorityUtils.createAuthorityList(roles))
                .accountLocked(user.locked(Instant.now()))
                .build();
    }
}
