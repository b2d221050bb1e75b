package org.mandate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.mandate.audit.AuditLog;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.UnitCatalog;
import org.mandate.organization.UnitQuery;
import org.mandate.support.Api;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sign-in, tokens, CSRF, the audit chain, and a sweep of every endpoint of the OpenAPI document. */
@MandateIT
class SecurityIT {
    /** What anyone may call without signing in (the published registry and the public utilities). */
    static boolean isPublic(String operation) {
        return operation.equals("GET /api/units")
                || operation.startsWith("GET /api/units/")
                || operation.equals("POST /api/references/extract");
    }

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Users users;

    @Autowired
    PasswordEncoder encoder;

    @Autowired
    AuditLog audit;

    @Autowired
    UnitCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private HttpResponse<String> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("SESSION="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse("");
    }

    private static String csrf(String html) {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        assertThat(m.find()).as("a CSRF token in the form").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> signIn(String user, String password, String session, String csrf) throws Exception {
        String form = "username=" + user + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8)
                + "&_csrf=" + csrf;
        return send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
    }

    private void user(String name, boolean mustChange) {
        if (!users.exists(name)) {
            users.add(name, encoder.encode("correct-horse-battery"), name, mustChange);
            users.grant(name, Role.VIEWER, null, "system:tests");
        }
    }

    @Test
    void signInChangesTheSessionIdAndRepeatedFailuresLockTheAccount() throws Exception {
        user("lockme", false);
        var loginPage = send(HttpRequest.newBuilder(URI.create(url("/login"))).build());
        String session = cookie(loginPage);
        String token = csrf(loginPage.body());
        var ok = signIn("lockme", "correct-horse-battery", session, token);
        assertThat(ok.statusCode()).isEqualTo(302);
        assertThat(ok.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        assertThat(cookie(ok)).as("a new session id after sign-in").isNotEmpty().isNotEqualTo(session);

        var again = send(HttpRequest.newBuilder(URI.create(url("/login"))).build());
        String s2 = cookie(again);
        String t2 = csrf(again.body());
        for (int i = 0; i < Users.MAX_FAILURES; i++) {
            var failed = signIn("lockme", "wrong-password", s2, t2);
            assertThat(failed.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        }
        var refused = signIn("lockme", "correct-horse-battery", s2, t2);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).contains("/login?error");
        var message = send(HttpRequest.newBuilder(URI.create(url("/login?error")))
                .header("Cookie", s2)
                .build());
        assertThat(message.body()).contains("bị khóa tạm thời");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE actor = 'lockme' AND action = 'login_failed'")
                        .query(Long.class)
                        .single())
                .isEqualTo(Users.MAX_FAILURES);
    }

    @Test
    void changesWithASessionNeedTheCsrfToken() throws Exception {
        var loginPage = send(HttpRequest.newBuilder(URI.create(url("/login"))).build());
        var noToken = send(HttpRequest.newBuilder(URI.create(url("/login")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", cookie(loginPage))
                .POST(HttpRequest.BodyPublishers.ofString("username=admin&password=test-password"))
                .build());
        assertThat(noToken.statusCode()).isEqualTo(403);
    }

    @Test
    void tokensCanBeRevokedAndAPasswordChangeCanBeRequired() {
        user("scripted", false);
        var issued = tokens.issue("scripted", "test", 1, "system:tests");
        var client = Api.bearer(port, issued.token());
        assertThat(status(client.get().uri("/api/audit"))).isEqualTo(200);
        // a token cannot mint tokens (nor reach the password page): a leaked one must not outlive
        // its revocation
        int held = jdbc.sql("SELECT count(*) FROM api_token t JOIN app_user u ON u.id = t.user_id"
                        + " WHERE u.username = 'scripted'")
                .query(Integer.class)
                .single();
        assertThat(status(client.post()
                        .uri("/account/tokens")
                        .contentType(org.springframework.http.MediaType.APPLICATION_FORM_URLENCODED)
                        .body("label=more&days=366")))
                .isEqualTo(401);
        assertThat(status(client.get().uri("/account"))).isEqualTo(401);
        assertThat(jdbc.sql("SELECT count(*) FROM api_token t JOIN app_user u ON u.id = t.user_id"
                                + " WHERE u.username = 'scripted'")
                        .query(Integer.class)
                        .single())
                .isEqualTo(held);
        tokens.revoke("scripted", issued.id(), "system:tests");
        assertThat(status(client.get().uri("/api/audit"))).isEqualTo(401);

        user("newcomer", true);
        var forced = Api.as(port, tokens, "newcomer")
                .get()
                .uri("/api/audit")
                .retrieve()
                .toEntity(String.class);
        assertThat(forced.getStatusCode().value()).isEqualTo(403);
        assertThat(forced.getBody()).contains("/account/password");
    }

    /**
     * A feed token issued on the account page opens a unit's calendar feed as ?token= and nothing
     * else: as a bearer header the API refuses it. Issuing and revoking are audited with the kind.
     */
    @Test
    void aFeedTokenFromTheAccountPageOpensTheFeedButNotTheApi() throws Exception {
        user("feeder", false);
        var loginPage = send(HttpRequest.newBuilder(URI.create(url("/login"))).build());
        var signedIn = signIn("feeder", "correct-horse-battery", cookie(loginPage), csrf(loginPage.body()));
        String session = cookie(signedIn);
        // the reminders page links here with ?kind=feed: the form offers a feed token first
        var account = send(HttpRequest.newBuilder(URI.create(url("/account?kind=feed")))
                .header("Cookie", session)
                .build());
        assertThat(account.statusCode()).isEqualTo(200);
        assertThat(account.body()).containsPattern("<option value=\"feed\" selected=\"selected\">Mã lịch</option>");
        String form = "kind=feed&days=30&label=" + URLEncoder.encode("lịch Outlook", StandardCharsets.UTF_8) + "&_csrf="
                + csrf(account.body());
        var issuedPage = send(HttpRequest.newBuilder(URI.create(url("/account/tokens")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build());
        assertThat(issuedPage.statusCode()).isEqualTo(200);
        Matcher shown = Pattern.compile("<code id=\"issued\">(mdf_[A-Za-z0-9_-]{43})</code>")
                .matcher(issuedPage.body());
        assertThat(shown.find()).as("the new feed token, shown once").isTrue();
        String feed = shown.group(1);
        assertThat(issuedPage.body()).contains("lịch Outlook", "Mã lịch", "calendar.ics?token=");
        long id = jdbc.sql("SELECT id FROM api_token WHERE kind = 'feed' AND label = 'lịch Outlook'"
                        + " AND user_id = (SELECT id FROM app_user WHERE username = 'feeder')")
                .query(Long.class)
                .single();
        assertThat(jdbc.sql(
                                "SELECT detail::text FROM audit_log WHERE entity = 'api_token' AND action = 'token_issued' AND entity_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .contains("\"kind\": \"feed\"", "\"user\": \"feeder\"");

        long unit = catalog.find(
                        new UnitQuery(LocalDate.now(), Hierarchy.LOCALITY, "province", null, "Quảng Ninh", 0, 1))
                .items()
                .getFirst()
                .id();
        String feedUrl = url("/api/units/" + unit + "/calendar.ics?token=" + feed);
        assertThat(send(HttpRequest.newBuilder(URI.create(feedUrl)).build()).statusCode())
                .isEqualTo(200);
        var bearer = send(HttpRequest.newBuilder(URI.create(url("/api/audit")))
                .header("Authorization", "Bearer " + feed)
                .build());
        assertThat(bearer.statusCode()).isEqualTo(401);
        assertThat(bearer.body()).contains("opens only the calendar feed");

        // an unknown kind is bad input naming the field
        var bad = send(HttpRequest.newBuilder(URI.create(url("/account/tokens")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "kind=forever&days=30&label=x&_csrf=" + csrf(issuedPage.body())))
                .build());
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("field &#39;kind&#39;");

        var revoked = send(HttpRequest.newBuilder(URI.create(url("/account/tokens/" + id + "/revoke")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", session)
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf(issuedPage.body())))
                .build());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(send(HttpRequest.newBuilder(URI.create(feedUrl)).build()).statusCode())
                .isEqualTo(401);
        assertThat(jdbc.sql(
                                "SELECT detail::text FROM audit_log WHERE entity = 'api_token' AND action = 'token_revoked' AND entity_id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .contains("\"kind\": \"feed\"");
    }

    @Test
    void auditOfAUnitOutsideScopeIsNotFound() {
        long langSon = catalog.find(
                        new UnitQuery(LocalDate.now(), Hierarchy.LOCALITY, "province", null, "Lạng Sơn", 0, 1))
                .items()
                .getFirst()
                .id();
        String path = "/api/audit?entity=org_unit&id=" + langSon;
        assertThat(call("GET", path, null)).isEqualTo(401);
        assertThat(call("GET", path, "quangninh")).isEqualTo(404);
        assertThat(call("GET", path, "admin")).isEqualTo(200);
    }

    @Test
    void aChangedOrDeletedAuditEntryBreaksTheChain() {
        assertThat(audit.verify().intact()).isTrue();
        long seq = jdbc.sql("SELECT max(seq) FROM audit_log").query(Long.class).single();
        String actor = jdbc.sql("SELECT actor FROM audit_log WHERE seq = :s")
                .param("s", seq)
                .query(String.class)
                .single();
        jdbc.sql("UPDATE audit_log SET actor = 'someone-else' WHERE seq = :s")
                .param("s", seq)
                .update();
        try {
            var check = audit.verify();
            assertThat(check.intact()).isFalse();
            assertThat(check.brokenAt()).isEqualTo(seq);
            assertThat(check.reason()).contains("changed");
        } finally {
            jdbc.sql("UPDATE audit_log SET actor = :a WHERE seq = :s")
                    .param("a", actor)
                    .param("s", seq)
                    .update();
        }
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void storedMarkupIsShownAsTextAndInjectionChangesNothing() throws Exception {
        long quangNinh = catalog.find(
                        new UnitQuery(LocalDate.now(), Hierarchy.LOCALITY, "province", null, "Quảng Ninh", 0, 1))
                .items()
                .getFirst()
                .id();
        String evil = "<script>alert('x')</script>";
        var created = Api.as(port, tokens, "admin")
                .post()
                .uri("/api/units")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "hierarchy",
                        "locality",
                        "code",
                        "99999",
                        "name",
                        evil,
                        "fullName",
                        "Xã " + evil,
                        "level",
                        "commune",
                        "kind",
                        "xa",
                        "parentId",
                        quangNinh,
                        "effectiveDate",
                        "2026-01-01",
                        "legalBasis",
                        "1/NQ-TEST"))
                .retrieve()
                .toEntity(Map.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long id = ((Number) created.getBody().get("id")).longValue();
        var page = send(HttpRequest.newBuilder(URI.create(url("/units/" + id))).build());
        assertThat(page.body()).doesNotContain(evil).contains("&lt;script&gt;");

        long before = jdbc.sql("SELECT count(*) FROM org_unit_version")
                .query(Long.class)
                .single();
        for (String attack :
                List.of("' OR 1=1 --", "1; DROP TABLE org_unit_version; --", "%' UNION SELECT * FROM app_user --")) {
            String q = URLEncoder.encode(attack, StandardCharsets.UTF_8);
            for (String path : List.of(
                    "/api/units?q=" + q,
                    "/api/units?parent=" + q,
                    "/api/units?level=" + q,
                    "/api/units?asOf=" + q,
                    "/units/search?q=" + q)) {
                var response =
                        send(HttpRequest.newBuilder(URI.create(url(path))).build());
                assertThat(response.statusCode()).as(path).isIn(200, 400);
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM org_unit_version")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    /**
     * JSON and text bodies over the limit (2 MB by default) are refused with 413 naming the limit,
     * whether announced with a length or sent in chunks, signed in or not; a body under it passes.
     */
    @Test
    void oversizedBodiesAreRefusedWithTheLimitNamed() throws Exception {
        String big = "Căn cứ Nghị quyết số 18-NQ/TW. ".repeat(80_000); // about 2.6 MB of UTF-8
        assertThat(big.getBytes(StandardCharsets.UTF_8).length).isGreaterThan(2 * 1024 * 1024);

        var text = send(HttpRequest.newBuilder(URI.create(url("/api/references/extract")))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(big))
                .build());
        assertThat(text.statusCode()).isEqualTo(413);
        assertThat(text.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        JsonNode problem = JsonMapper.builder().build().readTree(text.body());
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asString()).contains("2 MB").contains("mandate.web.max-body-size");
        assertThat(problem.get("limitBytes").asLong()).isEqualTo(2 * 1024 * 1024);

        // sent in chunks, with no length announced: read up to the limit, then refused
        var chunked = send(HttpRequest.newBuilder(URI.create(url("/api/references/extract")))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8))))
                .build());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("2 MB");

        // a task whose title is the whole text, by a signed-in office: refused before it is read
        String token =
                tokens.issue("quangninh", "body-limit", 1, "system:tests").token();
        long tasksBefore =
                jdbc.sql("SELECT count(*) FROM task").query(Long.class).single();
        var json = send(HttpRequest.newBuilder(URI.create(url("/api/tasks")))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(
                        JsonMapper.builder().build().writeValueAsString(Map.of("title", big))))
                .build());
        assertThat(json.statusCode()).isEqualTo(413);
        assertThat(json.body()).contains("Request body too large");
        assertThat(jdbc.sql("SELECT count(*) FROM task").query(Long.class).single())
                .isEqualTo(tasksBefore);

        // under the limit, in chunks too: read as usual
        String small = "Căn cứ Nghị quyết số 18-NQ/TW ngày 25/10/2017.";
        var fine = send(HttpRequest.newBuilder(URI.create(url("/api/references/extract")))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream(small.getBytes(StandardCharsets.UTF_8))))
                .build());
        assertThat(fine.statusCode()).isEqualTo(200);
        assertThat(fine.body()).contains("18-NQ/TW");
    }

    /**
     * Every operation of the OpenAPI document, called anonymously and by a user whose scope is one
     * ward: anonymous callers get 401 except on the public list; the ward's reporter changes nothing
     * (no 2xx on any write) and reads no audit or user data beyond their own.
     */
    @Test
    void everyEndpointRefusesAnonymousAndOutOfScopeCallers() throws Exception {
        JsonNode doc = JsonMapper.builder()
                .build()
                .readTree(send(HttpRequest.newBuilder(URI.create(url("/v3/api-docs")))
                                .build())
                        .body());
        long langSonBody = catalog.find(
                        new UnitQuery(LocalDate.of(2026, 1, 1), Hierarchy.BODY, null, null, "Tỉnh ủy Lạng Sơn", 0, 1))
                .items()
                .getFirst()
                .id();
        List<String> checked = new ArrayList<>();
        for (var path : doc.get("paths").properties()) {
            for (var op : path.getValue().properties()) {
                String method = op.getKey().toUpperCase();
                String concrete = path.getKey().replaceAll("\\{[^}]+}", String.valueOf(langSonBody));
                String key = method + " " + path.getKey();
                checked.add(key);
                int anonymous = call(method, concrete, null);
                if (isPublic(key)) {
                    assertThat(anonymous).as(key + " is public").isLessThan(500);
                } else {
                    assertThat(anonymous).as(key + " anonymously").isEqualTo(401);
                }
                int reporter = call(method, concrete, "mongcai1");
                if (!method.equals("GET") && !isPublic(key)) {
                    assertThat(reporter)
                            .as(key + " by an out-of-scope reporter")
                            .isIn(400, 403, 404, 405, 415);
                }
            }
        }
        assertThat(checked)
                .contains(
                        "POST /api/units",
                        "GET /api/audit",
                        "POST /api/merges",
                        "POST /api/documents",
                        "PUT /api/documents/{id}/links/{to}",
                        "POST /api/documents/{id}/files");
    }

    private int call(String method, String path, String user) {
        var client = Api.as(port, tokens, user);
        var spec = client.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path);
        if (!method.equals("GET") && !method.equals("DELETE")) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body("{}");
        }
        return status(spec);
    }

    private static int status(org.springframework.web.client.RestClient.RequestHeadersSpec<?> request) {
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }
}
