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
 * Tokens: API tokens for scripts, sent as {@code Authorization: Bearer TOKEN}, and feed tokens,
 * which open only a unit's calendar feed as {@code ?token=} ({@link TokenKind}). A token is 32
 * random bytes after its kind's prefix, shown once when issued; only its SHA-256 is stored (a token
 * is as strong as a long random key, so a fast hash is enough and a lookup by hash stays one index
 * probe per request).
 */
@Service
public class ApiTokens {
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
            TokenKind kind,
            String label,
            Instant createdAt,
            Instant expiresAt,
            @Nullable Instant revokedAt,
            @Nullable Instant lastUsedAt) {}

    /** An API token, for {@code Authorization: Bearer}. */
    @Transactional
    public Issued issue(String username, String label, int days, String issuedBy) {
        return issue(username, TokenKind.API, label, days, issuedBy);
    }

    @Transactional
    public Issued issue(String username, TokenKind kind, String label, int days, String issuedBy) {
        if (days < 1 || days > MAX_DAYS) {
            throw new InputProblem(null, 0, "days", "a token is valid for 1 to " + MAX_DAYS + " days, not " + days);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = kind.prefix() + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant expires = Instant.now().plus(Duration.ofDays(days));
        Long id = jdbc.sql("""
                        INSERT INTO api_token (user_id, kind, token_hash, label, expires_at)
                        SELECT id, :kind, :hash, :label, :expires FROM app_user WHERE username = :username
                        RETURNING id
                        """)
                .param("kind", kind.code())
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
                JsonWriter.standard().writeToString(Map.of("user", username, "kind", kind.code(), "days", days)),
                null,
                null));
        return new Issued(id, token, expires);
    }

    /**
     * The user a valid token of this kind belongs to: not revoked, not expired. Its last use is
     * recorded; a token of another kind opens nothing and is not marked used.
     */
    public Optional<String> userOf(String token, TokenKind kind) {
        if (TokenKind.ofToken(token).orElse(null) != kind) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        UPDATE api_token t SET last_used_at = now()
                          FROM app_user u
                         WHERE t.token_hash = :hash AND t.kind = :kind AND u.id = t.user_id
                           AND t.revoked_at IS NULL AND t.expires_at > now()
                        RETURNING u.username
                        """)
                .param("hash", hash(token))
                .param("kind", kind.code())
                .query(String.class)
                .optional();
    }

    public List<TokenInfo> of(String username) {
        return jdbc.sql("""
                        SELECT t.id, t.kind, t.label, t.created_at, t.expires_at, t.revoked_at, t.last_used_at
                          FROM api_token t JOIN app_user u ON u.id = t.user_id
                         WHERE u.username = :username ORDER BY t.id DESC
                        """)
                .param("username", username)
                .query((rs, row) -> new TokenInfo(
                        rs.getLong("id"),
                        TokenKind.of(rs.getString("kind")),
                        rs.getString("label"),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("expires_at").toInstant(),
                        instant(rs.getTimestamp("revoked_at")),
                        instant(rs.getTimestamp("last_used_at"))))
                .list();
    }

    @Transactional
    public void revoke(String username, long id, String revokedBy) {
        String kind = jdbc.sql("""
                        UPDATE api_token t SET revoked_at = now() FROM app_user u
                         WHERE t.id = :id AND u.id = t.user_id AND u.username = :username AND t.revoked_at IS NULL
                        RETURNING t.kind
                        """)
                .param("id", id)
                .param("username", username)
                .query(String.class)
                .optional()
                .orElseThrow(
                        () -> new NotFound("Token " + id + " of " + username + " was not found or is already revoked"));
        audit.record(AuditRecord.of(
                revokedBy,
                "token_revoked",
                "api_token",
                id,
                JsonWriter.standard().writeToString(Map.of("user", username, "kind", kind))));
    }

    private static @Nullable Instant instant(java.sql.@Nullable Timestamp time) {
        return time == null ? null : time.toInstant();
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
