package org.mandate.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Api.JSON;
import static org.mandate.support.Units.coded;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mandate.access.ApiTokens;
import org.mandate.support.Api;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** The document registry over HTTP, on the demo documents of the seed scenario and on new ones. */
@MandateIT
class DocumentIT {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private RestClient as(String user) {
        return Api.as(port, tokens, user);
    }

    private ResponseEntity<Map<String, Object>> get(String user, String uri) {
        return as(user).get().uri(uri).retrieve().toEntity(JSON);
    }

    private ResponseEntity<Map<String, Object>> register(String user, Map<String, Object> body) {
        return as(user).post()
                .uri("/api/documents")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JSON);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> page) {
        return (List<Map<String, Object>>) page.getBody().get("items");
    }

    /** The id of the first document the search finds for the user. */
    private long find(String user, String q) {
        var page = as(user).get()
                .uri(b -> b.path("/api/documents").queryParam("q", q).build())
                .retrieve()
                .toEntity(JSON);
        assertThat(items(page)).as("documents found by '%s'", q).isNotEmpty();
        return ((Number) items(page).getFirst().get("id")).longValue();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> relationsBySymbol(Map<String, Object> detail, String direction) {
        var out = new java.util.TreeMap<String, String>();
        for (var link : (List<Map<String, Object>>) detail.get(direction)) {
            var other = (Map<String, Object>) link.get(direction.equals("refersTo") ? "to" : "from");
            out.put((String) other.get("symbol"), (String) link.get("relation"));
        }
        return out;
    }

    /**
     * The indicators' section of a document's page (served by the indicator module) answers only
     * those who may read the document: Móng Cái's congress resolution is Quảng Ninh's, not Hải
     * Phòng's.
     */
    @Test
    void aDocumentsIndicatorsAreNotShownToThoseWhoMayNotReadIt() {
        long congress = find("quangninh", "NQ-ĐH Móng Cái");
        var shown = as("quangninh")
                .get()
                .uri("/indicators/of-document/" + congress)
                .retrieve()
                .toEntity(String.class);
        assertThat(shown.getStatusCode().value()).isEqualTo(200);
        assertThat(shown.getBody()).contains("100");
        var hidden = as("haiphong")
                .get()
                .uri("/indicators/of-document/" + congress)
                .retrieve()
                .onStatus(status -> true, (request, response) -> {})
                .toEntity(String.class);
        assertThat(hidden.getStatusCode().value()).isEqualTo(404);
    }

    @Test
    void theDemoChainIsReadFromTheTexts() {
        long resolution7 = find("haiphong", "7/NQ-CP");
        var detail = get("haiphong", "/api/documents/" + resolution7).getBody();
        assertThat(relationsBySymbol(detail, "refersTo"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "96-KL/TW", "implements",
                        "45-NQ/TW", "cites",
                        "30-NQ/TW", "cites",
                        "35/2021/QH15", "cites",
                        "108/NQ-CP", "cites"));
        long conclusion96 = find("haiphong", "96 kl tw");
        assertThat(relationsBySymbol(
                        get("haiphong", "/api/documents/" + conclusion96).getBody(), "refersTo"))
                .containsExactlyEntriesOf(Map.of("45-NQ/TW", "continues"));

        // from the 2019 resolution, the graph reaches the 2025 action programme through the conclusion
        long resolution45 = find("haiphong", "45-NQ/TW");
        var graph = get("haiphong", "/api/documents/" + resolution45 + "/graph").getBody();
        assertThat((List<Map<String, Object>>) graph.get("nodes"))
                .extracting(n -> n.get("symbol"))
                .contains("45-NQ/TW", "96-KL/TW", "7/NQ-CP", "108/NQ-CP");
        assertThat((List<Map<String, Object>>) graph.get("edges"))
                .extracting(e -> ((Number) e.get("from")).longValue(), e -> e.get("relation"))
                .contains(org.assertj.core.api.Assertions.tuple(resolution7, "implements"));
    }

    @Test
    void numbersAreFoundInAnySpellingAndWordsWithoutToneMarks() {
        long id = find("quangninh", "1026-KL/TU");
        assertThat(find("quangninh", "1026 kl tu")).isEqualTo(id);
        assertThat(find("quangninh", "1026/KL-TU")).isEqualTo(id);
        assertThat(find("quangninh", "mong cai phuong huong")).isEqualTo(id);
        assertThat(find("quangninh", "Móng Cái phương hướng")).isEqualTo(id);
    }

    @Test
    void documentsFlowDownButNotSideways() {
        long id = find("quangninh", "1026-KL/TU");
        assertThat(get("mongcai1", "/api/documents/" + id).getStatusCode().value())
                .isEqualTo(200);
        assertThat(get("haiphong", "/api/documents/" + id).getStatusCode().value())
                .isEqualTo(404);
        var search = as("haiphong")
                .get()
                .uri(b -> b.path("/api/documents").queryParam("q", "1026 kl tu").build())
                .retrieve()
                .toEntity(JSON);
        assertThat(items(search)).isEmpty();
        // a national document is read by everyone signed in, by nobody anonymous
        long national = find("mongcai1", "7/NQ-CP");
        assertThat(get(null, "/api/documents/" + national).getStatusCode().value())
                .isEqualTo(401);
        // a ward reporter may read the province's plan but not register the province's documents
        var refused = register("mongcai1", Map.of("symbol", "901-KH/TU", "issuingBody", coded(jdbc, "TU-QN")));
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aDocumentKnownByNumberJoinsWhenRegisteredAndASecondRegistrationConflicts() {
        var citing = register(
                "quangninh",
                Map.of(
                        "symbol", "912-KH/TU",
                        "issuingBody", coded(jdbc, "TU-QN"),
                        "issuedOn", "2026-03-02",
                        "title", "Kế hoạch thử nghiệm",
                        "text",
                                "Để triển khai thực hiện Kết luận số 911-KL/TU ngày 1/2/2026 của Ban Thường vụ Tỉnh ủy,"
                                        + " Ban Thường vụ Tỉnh ủy ban hành kế hoạch."));
        assertThat(citing.getStatusCode().value()).isEqualTo(201);
        var links = relationsBySymbol(citing.getBody(), "refersTo");
        assertThat(links).containsExactlyEntriesOf(Map.of("911-KL/TU", "implements"));
        long known = find("quangninh", "911 kl tu");
        var placeholder = get("quangninh", "/api/documents/" + known).getBody();
        assertThat(((Map<String, Object>) placeholder.get("summary")).get("registered"))
                .isEqualTo(false);
        assertThat(((Map<String, Object>) placeholder.get("summary")).get("issuedOn"))
                .isEqualTo("2026-02-01");

        var registered = register(
                "quangninh",
                Map.of(
                        "symbol",
                        "911 - KL / TU",
                        "issuingBody",
                        coded(jdbc, "BTV-TU-QN"),
                        "title",
                        "Kết luận thử nghiệm"));
        assertThat(registered.getStatusCode().value()).isEqualTo(201);
        var summary = (Map<String, Object>) registered.getBody().get("summary");
        assertThat(((Number) summary.get("id")).longValue()).isEqualTo(known);
        assertThat(summary.get("registered")).isEqualTo(true);
        assertThat(relationsBySymbol(registered.getBody(), "referredBy")).containsEntry("912-KH/TU", "implements");

        var again = register("quangninh", Map.of("symbol", "911-KL/TU", "issuingBody", coded(jdbc, "TU-QN")));
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody().get("existing")).isEqualTo("/api/documents/" + known);
        assertThat((String) again.getBody().get("detail")).contains("911-KL/TU");
    }

    @Test
    void aUsersCorrectionOfARelationOutlivesARereading() {
        var created = register(
                "quangninh",
                Map.of(
                        "symbol", "913-QĐ/TU",
                        "issuingBody", coded(jdbc, "TU-QN"),
                        "text", "Thực hiện Kết luận số 1137-KL/TU ngày 17/5/2024 của Ban Thường vụ Tỉnh ủy."));
        long id = ((Number) ((Map<String, Object>) created.getBody().get("summary")).get("id")).longValue();
        long target = find("quangninh", "1137 kl tu");
        assertThat(relationsBySymbol(created.getBody(), "refersTo")).containsEntry("1137-KL/TU", "implements");
        var put = as("quangninh")
                .put()
                .uri("/api/documents/" + id + "/links/" + target)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("relation", "amends"))
                .retrieve()
                .toBodilessEntity();
        assertThat(put.getStatusCode().value()).isEqualTo(204);
        var changed = as("quangninh")
                .put()
                .uri("/api/documents/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "version", created.getBody().get("version"),
                        "title", "Quyết định thử nghiệm",
                        "text", "Thực hiện Kết luận số 1137-KL/TU và Kết luận số 1026-KL/TU."))
                .retrieve()
                .toEntity(JSON);
        assertThat(changed.getStatusCode().value()).isEqualTo(200);
        assertThat(relationsBySymbol(changed.getBody(), "refersTo"))
                .containsEntry("1137-KL/TU", "amends")
                .containsEntry("1026-KL/TU", "implements");
        // the version read is stale now: the second writer is told, nothing is lost
        var stale = as("quangninh")
                .put()
                .uri("/api/documents/" + id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("version", created.getBody().get("version"), "title", "x"))
                .retrieve()
                .toEntity(JSON);
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        var audit = get("quangninh", "/api/audit?entity=document&id=" + id);
        assertThat(items(audit)).extracting(e -> e.get("action")).contains("create", "update");
        assertThat(items(get("quangninh", "/api/audit?entity=document_link&id=" + id)))
                .extracting(e -> e.get("action"))
                .contains("set_relation");
    }

    @Test
    void badInputIsKeptWithAWarning() {
        var unreadable = register(
                "quangninh",
                Map.of(
                        "symbol",
                        "số ba mươi",
                        "type",
                        "TB",
                        "issuingBody",
                        coded(jdbc, "TU-QN"),
                        "title",
                        "Thông báo"));
        assertThat(unreadable.getStatusCode().value()).isEqualTo(201);
        assertThat((List<String>) unreadable.getBody().get("warnings"))
                .anySatisfy(w -> assertThat(w).contains("'số ba mươi' could not be read"));

        // TCVN3 (.VnTime) text shown as Unicode
        var legacy = register(
                "quangninh",
                Map.of(
                        "symbol", "914-TB/TU",
                        "issuingBody", coded(jdbc, "TU-QN"),
                        "text", "Thùc hiÖn NghÞ quyÕt cña Ban ChÊp hµnh §¶ng bé tØnh vÒ ph¸t triÓn kinh tÕ x· héi"));
        assertThat(legacy.getStatusCode().value()).isEqualTo(201);
        assertThat((List<String>) legacy.getBody().get("warnings"))
                .anySatisfy(w -> assertThat(w).contains("TCVN3"));

        var badType = register("quangninh", Map.of("symbol", "x", "type", "ZZ", "issuingBody", coded(jdbc, "TU-QN")));
        assertThat(badType.getStatusCode().value()).isEqualTo(400);
        assertThat(badType.getBody().get("field")).isEqualTo("type");
    }

    @Test
    void textsAreShownEscapedInThePageAndItsGraph() {
        String attack = "</script><script>window.pwned=1</script><img src=x onerror=alert(1)>";
        var created = register(
                "quangninh",
                Map.of("symbol", "915-TB/TU", "issuingBody", coded(jdbc, "TU-QN"), "title", attack, "text", attack));
        long id = ((Number) ((Map<String, Object>) created.getBody().get("summary")).get("id")).longValue();
        String html = as("quangninh").get().uri("/documents/" + id).retrieve().body(String.class);
        // escaped in the page; inside the graph's JSON the closing tag is written <\/script>, so the
        // script element cannot be closed early, and the chart's tooltip escapes what it shows
        assertThat(html)
                .contains("&lt;/script&gt;&lt;script&gt;window.pwned=1")
                .doesNotContain("</script><script>window.pwned")
                .doesNotContain("<p class=\"lead\"><")
                .contains("echarts.format.encodeHTML");
    }

    @Test
    void theExtractionUtilityIsPublicAndKeepsItsShape() {
        var refs = Api.as(port, tokens, null)
                .post()
                .uri("/api/references/extract")
                .contentType(MediaType.TEXT_PLAIN)
                .body("Thực hiện Kết luận số 1026-KL/TU ngày 11/7/2023."
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .retrieve()
                .toEntity(new ParameterizedTypeReference<List<Map<String, Object>>>() {});
        assertThat(refs.getStatusCode().value()).isEqualTo(200);
        assertThat(refs.getBody()).hasSize(1);
        assertThat(refs.getBody().getFirst())
                .containsOnlyKeys("raw", "start", "end", "number", "year", "type", "issuer", "date")
                .containsEntry("raw", "1026-KL/TU")
                .containsEntry("start", 22)
                .containsEntry("end", 32)
                .containsEntry("issuer", "TU")
                .containsEntry("date", "2023-07-11");
    }
}
