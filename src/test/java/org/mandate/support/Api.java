package org.mandate.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.mandate.access.ApiTokens;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/** HTTP clients for the running test application: anonymous, or signed in with an API token. */
public final class Api {
    /** A JSON object read as a map. */
    public static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {};

    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {}

    /** A client that returns every response (errors included) instead of throwing. */
    public static RestClient as(int port, ApiTokens tokens, @Nullable String user) {
        if (user == null) {
            return bearer(port, null);
        }
        return bearer(
                port,
                TOKENS.computeIfAbsent(
                        port + "/" + user,
                        k -> tokens.issue(user, "tests", 1, "system:tests").token()));
    }

    /** The same, sending the token as it is given ({@code Authorization: Bearer ...}); anonymous when null. */
    public static RestClient bearer(int port, @Nullable String token) {
        var builder = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {});
        if (token != null) {
            builder.defaultHeaders(h -> h.setBearerAuth(token));
        }
        return builder.build();
    }

    /** Posts one file as a multipart form, under the part name, as a browser uploads it. */
    public static ResponseEntity<Map<String, Object>> upload(
            RestClient client, String uri, String part, String filename, byte[] content) {
        var parts = new LinkedMultiValueMap<String, Object>();
        parts.add(part, new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return filename;
            }
        });
        return client.post()
                .uri(uri)
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .toEntity(JSON);
    }

    /** Posts the file, under the part name {@code file}. */
    public static ResponseEntity<Map<String, Object>> upload(RestClient client, String uri, Path file) {
        try {
            return upload(client, uri, "file", file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
