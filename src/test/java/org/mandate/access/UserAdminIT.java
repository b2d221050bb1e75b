package org.mandate.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Api.JSON;
import static org.mandate.support.Units.province;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mandate.support.Api;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Administrators add users and change grants within their scope; every change is audited. */
@MandateIT
class UserAdminIT {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Scopes scopes;

    private int post(String user, String uri, Object body) {
        return Api.as(port, tokens, user)
                .post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    @Test
    void anAdministratorAddsAUserAndGrantsAndRevokesWithinScope() {
        long langSon = province(jdbc, "Lạng Sơn");
        assertThat(post(
                        "admin",
                        "/api/users",
                        Map.of(
                                "username",
                                "langson",
                                "displayName",
                                "Văn phòng Tỉnh ủy Lạng Sơn",
                                "password",
                                "mot-mat-khau-dai")))
                .isEqualTo(201);
        assertThat(post(
                        "admin",
                        "/api/users",
                        Map.of("username", "langson", "displayName", "x", "password", "mot-mat-khau-dai")))
                .isEqualTo(409);
        assertThat(post("admin", "/api/users", Map.of("username", "ab", "displayName", "x", "password", "short")))
                .isEqualTo(400);
        assertThat(post("admin", "/api/users/langson/grants", Map.of("role", "office", "unit", langSon)))
                .isEqualTo(201);
        assertThat(scopes.of("langson").readRoots()).containsExactly(langSon);

        // an office is no administrator; nobody grants outside their own scope
        assertThat(post("quangninh", "/api/users/langson/grants", Map.of("role", "viewer", "unit", langSon)))
                .isEqualTo(403);
        assertThat(post(
                        "quangninh",
                        "/api/users",
                        Map.of("username", "x1x", "displayName", "x", "password", "mot-mat-khau-dai")))
                .isEqualTo(403);

        long grantId = scopes.of("langson").grants().getFirst().id();
        int revoked = Api.as(port, tokens, "admin")
                .delete()
                .uri("/api/users/langson/grants/" + grantId)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
        assertThat(revoked).isEqualTo(204);
        assertThat(scopes.of("langson").grants()).isEmpty();

        var audit = Api.as(port, tokens, "admin")
                .get()
                .uri("/api/audit?entity=user_grant")
                .retrieve()
                .toEntity(JSON);
        assertThat((List<Map<String, Object>>) audit.getBody().get("items"))
                .extracting(e -> e.get("action"))
                .contains("grant", "revoke");
        var users = Api.as(port, tokens, "admin")
                .get()
                .uri("/api/users")
                .retrieve()
                .toEntity(new ParameterizedTypeReference<List<Map<String, Object>>>() {});
        assertThat(users.getBody()).extracting(u -> u.get("username")).contains("admin", "quangninh", "langson");
        assertThat(users.getBody().toString()).doesNotContain("password_hash").doesNotContain("$2a$");
    }

    @Autowired
    Users users;

    /**
     * Within one request the user and their grants are read once (signing in, the password check
     * and every scope check share them); a change of grants in that request is seen at once.
     */
    @Test
    void oneRequestReadsTheUserOnceAndSeesItsOwnChanges() {
        org.springframework.web.context.request.RequestContextHolder.setRequestAttributes(
                new org.springframework.web.context.request.ServletRequestAttributes(
                        new org.springframework.mock.web.MockHttpServletRequest()));
        try {
            if (!users.exists("cached")) {
                users.add("cached", "{noop}x", "Cached", false);
            }
            var first = users.account("cached").orElseThrow();
            assertThat(users.account("cached").orElseThrow()).isSameAs(first);
            assertThat(scopes.of("cached").grants()).isSameAs(first.grants());

            long langSon = province(jdbc, "Lạng Sơn");
            users.grant("cached", Role.VIEWER, langSon, "system:tests");
            var after = users.account("cached").orElseThrow();
            assertThat(after).isNotSameAs(first);
            assertThat(after.grants()).extracting(Grant::unitId).contains(langSon);
            assertThat(scopes.of("cached").readRoots()).contains(langSon);
        } finally {
            org.springframework.web.context.request.RequestContextHolder.resetRequestAttributes();
        }
        // outside a request nothing is kept
        assertThat(users.account("cached").orElseThrow())
                .isNotSameAs(users.account("cached").orElseThrow());
    }
}
