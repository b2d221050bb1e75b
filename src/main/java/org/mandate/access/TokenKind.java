package org.mandate.access;

import java.util.Optional;

/**
 * What a token opens. An {@code API} token is sent as {@code Authorization: Bearer} and opens the
 * API as its user; a {@code FEED} token opens only a unit's calendar feed, as {@code ?token=} in its
 * address, since a calendar program cannot send a header and a URL is written where URLs are
 * (docs/SECURITY.md). Each kind has its own prefix, so a token shows what it is at a glance and a
 * token of the wrong kind is refused before any lookup.
 */
public enum TokenKind {
    API("api", "mdt_"),
    FEED("feed", "mdf_");

    private final String code;
    private final String prefix;

    TokenKind(String code, String prefix) {
        this.code = code;
        this.prefix = prefix;
    }

    public String code() {
        return code;
    }

    String prefix() {
        return prefix;
    }

    public static TokenKind of(String code) {
        for (TokenKind kind : values()) {
            if (kind.code.equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("Unknown token kind '" + code + "' (api or feed)");
    }

    /** The kind whose prefix the token carries, if any. */
    static Optional<TokenKind> ofToken(String token) {
        for (TokenKind kind : values()) {
            if (token.startsWith(kind.prefix)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
