package org.mandate.access;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Repository;

/** The users table, and sign-in against it. */
@Repository
class Users implements UserDetailsService {
    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record AppUser(
            String username,
            String passwordHash,
            String displayName,
            String role,
            @Nullable Long scopeUnitId,
            String scopeName) {}

    Optional<AppUser> find(String username) {
        return jdbc.sql("""
                        SELECT u.username, u.password_hash, u.display_name, u.role, u.scope_unit_id,
                               coalesce((SELECT v.full_name FROM org_unit_version v WHERE v.unit_id = u.scope_unit_id
                                          ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1), 'the whole country') AS scope_name
                          FROM app_user u WHERE u.username = :username
                        """).param("username", username).query(AppUser.class).optional();
    }

    boolean exists(String username) {
        return find(username).isPresent();
    }

    void add(String username, String passwordHash, String displayName, String role, @Nullable Long scopeUnitId) {
        jdbc.sql("""
                        INSERT INTO app_user (username, password_hash, display_name, role, scope_unit_id)
                        VALUES (:username, :hash, :name, :role, :scope)
                        """)
                .param("username", username)
                .param("hash", passwordHash)
                .param("name", displayName)
                .param("role", role)
                .param("scope", scopeUnitId)
                .update();
    }

    void setPassword(String username, String passwordHash) {
        jdbc.sql("UPDATE app_user SET password_hash = :hash WHERE username = :username")
                .param("hash", passwordHash)
                .param("username", username)
                .update();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        var user = find(username).orElseThrow(() -> new UsernameNotFoundException(username));
        return new User(
                user.username(),
                user.passwordHash(),
                AuthorityUtils.createAuthorityList("ROLE_" + user.role().toUpperCase()));
    }
}
