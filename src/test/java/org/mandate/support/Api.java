package org.mandate.support;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.mandate.access.ApiTokens;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** HTTP clients for the running test application: anonymous, or signed in with an API token. */
public final class Api {
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {}

    /** A client that returns every response (errors included) instead of throwing. */
    public static RestClient as(int port, ApiTokens tokens, @Nullable String user) {
        var builder = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {});
        if (user != null) {
            String token = TOKENS.computeIfAbsent(
                    port + "/" + user,
                    k -> tokens.issue(user, "tests", 1, "system:tests").token());
            builder.defaultHeaders(h -> h.setBearerAuth(token));
        }
        return builder.build();
    }
}
