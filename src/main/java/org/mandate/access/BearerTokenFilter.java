package org.mandate.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Signs in a request that carries {@code Authorization: Bearer TOKEN}. A token that is unknown,
 * revoked or expired is refused outright (401), rather than treated as anonymous, so that a
 * script learns at once that its token no longer works.
 *
 * <p>Calendar programs cannot send a header, so a unit's calendar feed (and only it: a GET of
 * {@code /api/units/ID/calendar.ics}) also takes the token as {@code ?token=} (docs/SECURITY.md).
 */
class BearerTokenFilter extends OncePerRequestFilter {
    private final ApiTokens tokens;
    private final Users users;

    BearerTokenFilter(ApiTokens tokens, Users users) {
        this.tokens = tokens;
        this.users = users;
    }

    static boolean carriesToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    private static final java.util.regex.Pattern FEED =
            java.util.regex.Pattern.compile("/api/units/[^/]+/calendar\\.ics");

    /** The token of a calendar feed's query string, or null. */
    static @org.jspecify.annotations.Nullable String feedToken(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return null;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (!FEED.matcher(path).matches()) {
            return null;
        }
        String token = request.getParameter("token");
        return token == null || token.isBlank() ? null : token.strip();
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

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = carriesToken(request)
                ? request.getHeader("Authorization").substring(7).strip()
                : feedToken(request);
        if (token == null) {
            chain.doFilter(request, response);
            return;
        }
        var user = tokens.userOf(token).map(users::loadUserByUsername);
        if (user.isEmpty() || !user.get().isAccountNonLocked()) {
            unauthorized(response, "The API token is unknown, revoked or expired, or its user is locked");
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
