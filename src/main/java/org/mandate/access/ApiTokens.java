package org.mandate.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.springframework.boot.json.JsonWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens for scripts, sent as {@code Authorization: Bearer TOKEN}. A token is 32 random bytes,
 * shown once when issued; only its SHA-256 is stored (a token is as strong as a long random key,
 * so a fast hash is enough and a lookup by hash stays one index probe per request).
 */
@Service
public class ApiTokens {
    static final String PREFIX = "mdt_";
    private static final int MAX_DAYS = 366;

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Issued(long id, String token, Instant expiresAt) {}

    public record TokenInfo(
            long id,
            String label,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt) {}

    @Transactional
    public Issued issue(String username, String label, int days, String issuedBy) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InputProblem(null, 0, "days", "a token is valid for 1 to " + MAX_DAYS + " days, not " + days);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = Instant.now().plus(Duration.ofDays(days));
        Long id = jdbc.sql("""
                        INSERT INTO api_token (user_id, token_hash, label, expires_at)
                        SELECT id, :hash, :label, :expires FROM app_user WHERE username = :username
                        RETURNING id
                        """)
                .param("hash", hash(token))
                .param("label", label)
                .param("expires", java.sql.Timestamp.from(expires))
                .param("username", username)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFound("There is no user '" + username + "'"));
        audit.record(new AuditRecord(
                issuedBy,
                "token_issued",
                "api_token",
                id,
                null,
                JsonWriter.standard().writeToString(Map.of("user", username, "days", days)),
                null,
                null));
        return new Issued(id, token, expires);
    }

    /** The user a valid token belongs to: not revoked, not expired. */
    public Optional<String> userOf(String token) {
        if (!token.startsWith(PREFIX)) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        UPDATE api_token t SET last_used_at = now()
                          FROM app_user u
                         WHERE t.token_hash = :hash AND u.id = t.user_id AND t.revoked_at IS NULL AND t.expires_at > now()
                        RETURNING u.username
                        """).param("hash", hash(token)).query(String.class).optional();
    }

    public List<TokenInfo> of(String username) {
        return jdbc.sql("""
                        SELECT t.id, t.label, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
                          FROM api_token t JOIN app_user u ON u.id = t.user_id
                         WHERE u.username = :username ORDER BY t.id DESC
                        """).param("username", username).query(TokenInfo.class).list();
    }

    @Transactional
    public void revoke(String username, long id, String revokedBy) {
        int changed = jdbc.sql("""
                        UPDATE api_token t SET revoked_at = now() FROM app_user u
                         WHERE t.id = :id AND u.id = t.user_id AND u.username = :username AND t.revoked_at IS NULL
                        """).param("id", id).param("username", username).update();
        if (changed == 0) {
            throw new NotFound("Token " + id + " of " + username + " was not found or is already revoked");
        }
        audit.record(AuditRecord.of(
                revokedBy,
                "token_revoked",
                "api_token",
                id,
                JsonWriter.standard().writeToString(Map.of("user", username))));
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
