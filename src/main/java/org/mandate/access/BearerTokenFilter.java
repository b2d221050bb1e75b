package org.mandate.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer TOKEN} with an API token. A token
 * that is unknown, revoked or expired is refused outright (401), rather than treated as anonymous,
 * so that a script learns at once that its token no longer works.
 *
 * <p>Calendar programs cannot send a header, so a unit's calendar feed (and only it: a GET of
 * {@code /api/units/ID/calendar.ics}) takes a feed token as {@code ?token=}. Each kind opens only
 * its own way in (docs/SECURITY.md): a feed token as a header, or an API token in the feed's
 * address, is refused with 401 and what to use instead.
 */
class BearerTokenFilter extends OncePerRequestFilter {
    private final ApiTokens tokens;
    private final Users users;
    private final RequestMatcher feed;

    /** {@code feed} matches a GET of a unit's calendar feed: the one address taking a feed token. */
    BearerTokenFilter(ApiTokens tokens, Users users, RequestMatcher feed) {
        this.tokens = tokens;
        this.users = users;
        this.feed = feed;
    }

    static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** The token of a calendar feed's query string, or null. */
    private @org.jspecify.annotations.Nullable String feedToken(HttpServletRequest request) {
        if (!feed.matches(request)) {
            return null;
        }
        String token = request.getParameter("token");
        return token == null || token.isBlank() ? null : token.strip();
    }

    private static boolean onAccountPages(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/account") || path.startsWith("/account/");
    }

    /** Answers 401 with a problem detail saying what to do (the detail holds no quote or backslash). */
    static void unauthorized(HttpServletResponse response, String detail) throws IOException {
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("""
                {"type":"about:blank","title":"Unauthorized","status":401,"detail":"%s"}\
                """.formatted(detail));
    }

    /** Why a token of this kind was refused where it came: each kind has one way in. */
    private static String wrongWayIn(TokenKind carried) {
        return switch (carried) {
            case FEED ->
                "A calendar feed token opens only the calendar feed, as ?token= in its address:"
                        + " send an API token in the header (account page)";
            case API ->
                "An API token is not accepted in an address: issue a calendar feed token (account page,"
                        + " or ./mandate token --feed) and add it as ?token=; revoke this API token, it has been"
                        + " written in a URL";
        };
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean header = carriesToken(request);
        String token = header ? request.getHeader("Authorization").substring(7).strip() : feedToken(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        if (header && onAccountPages(request)) {
            // a token does not issue tokens, revoke them or change the password: a leaked token
            // must not be able to outlive its revocation by minting new ones
            unauthorized(
                    response,
                    "The account pages (tokens, password) need a signed-in session: a token is not accepted"
                            + " there");
            return;
        }
        TokenKind kind = header ? TokenKind.API : TokenKind.FEED;
        var other = TokenKind.ofToken(token).filter(k -> k != kind);
        if (other.isPresent()) {
            unauthorized(response, wrongWayIn(other.get()));
            return;
        }
        var user = tokens.userOf(token, kind).map(users::loadUserByUsername);
        if (user.isEmpty() || !user.get().isAccountNonLocked()) {
            unauthorized(
                    response,
                    "The " + (header ? "API" : "calendar feed")
                            + " token is unknown, revoked or expired, or its user is locked");
            return;
        }
        var auth = UsernamePasswordAuthenticationToken.authenticated(
                user.get().getUsername(), null, user.get().getAuthorities());
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(auth);
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}
