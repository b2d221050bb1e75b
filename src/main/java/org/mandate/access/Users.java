package org.mandate.access;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

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

    Optional<AppUser> find(String username) {
        return jdbc.sql("""
                        SELECT id, username, password_hash, display_name, failed_logins, locked_until, must_change_password
                          FROM app_user WHERE username = :username
                        """).param("username", username).query(AppUser.class).optional();
    }

    boolean exists(String username) {
        return find(username).isPresent();
    }

    List<Grant> grants(String username) {
        return jdbc.sql("""
                        SELECT g.id, g.role, g.unit_id,
                               coalesce((SELECT v.full_name FROM org_unit_version v WHERE v.unit_id = g.unit_id
                                          ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1), 'Cả nước') AS unit_name
                          FROM user_grant g JOIN app_user u ON u.id = g.user_id
                         WHERE u.username = :username ORDER BY g.id
                        """)
                .param("username", username)
                .query((rs, n) -> new Grant(
                        rs.getLong("id"),
                        Role.of(rs.getString("role")),
                        (Long) rs.getObject("unit_id"),
                        rs.getString("unit_name")))
                .list();
    }

    long add(String username, String passwordHash, String displayName, boolean mustChangePassword) {
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
        jdbc.sql("DELETE FROM user_grant WHERE id = :id").param("id", grantId).update();
    }

    List<String> usernames() {
        return jdbc.sql("SELECT username FROM app_user ORDER BY username")
                .query(String.class)
                .list();
    }

    void setPassword(String username, String passwordHash, boolean mustChange) {
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
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE username = :username")
                .param("username", username)
                .update();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        var roles = grants(username).stream()
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
