package org.mandate.organization.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.support.MandateIT;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

/** The HTTP API over a real socket, in the shapes other modules rely on. */
@MandateIT
class UnitApiIT {
    @LocalServerPort
    int port;

    RestClient http;

    @BeforeEach
    void client() {
        http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> get(String uri) {
        return http.get().uri(uri).retrieve().body(Map.class);
    }

    private int status(String uri) {
        return http.get().uri(uri).retrieve().toBodilessEntity().getStatusCode().value();
    }

    @Test
    void healthIsUp() {
        assertThat(get("/actuator/health")).isEqualTo(Map.of("status", "UP"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void unitsAsOfADateHaveTheAgreedShape() {
        var body = get("/api/units?asOf=2024-10-09&level=commune&parent=194&size=5");
        assertThat(body.get("total")).isEqualTo(16);
        var items = (List<Map<String, Object>>) body.get("items");
        assertThat(items).hasSize(5);
        assertThat(items.getFirst())
                .containsOnlyKeys(
                        "id",
                        "code",
                        "name",
                        "fullName",
                        "nameEn",
                        "level",
                        "kind",
                        "parentCode",
                        "validFrom",
                        "validTo")
                .containsEntry("parentCode", "194")
                .containsEntry("level", "commune")
                .containsEntry("validTo", "2025-06-30");
    }

    @Test
    @SuppressWarnings("unchecked")
    void historyHasVersionsPredecessorsAndSuccessorsWithDatesAndShares() {
        var city = ((List<Map<String, Object>>) get("/api/units?asOf=2024-10-09&level=district&q=mong cai")
                        .get("items"))
                .getFirst();
        var history = get("/api/units/" + city.get("id") + "/history");
        assertThat((List<?>) history.get("versions")).hasSize(1);
        var successors = (List<Map<String, Object>>) history.get("successors");
        assertThat(successors).extracting(s -> s.get("name")).contains("Móng Cái 1", "Móng Cái 2", "Móng Cái 3");
        assertThat(successors.getFirst())
                .containsEntry("effectiveDate", "2025-07-01")
                .containsEntry("share", "partial");
    }

    @Test
    void badParametersAreProblemDetailsThatNameTheField() {
        var bad = get("/api/units?asOf=09/10/2024");
        assertThat(bad).containsEntry("status", 400).containsEntry("field", "asOf");
        assertThat((String) bad.get("detail")).contains("YYYY-MM-DD");
        assertThat(get("/api/units?level=hamlet")).containsEntry("field", "level");
        assertThat(get("/api/units?size=0")).containsEntry("field", "size");
        assertThat(get("/api/units?parent=194&asOf=2026-01-01")).containsEntry("field", "parent");
        assertThat(status("/api/units/abc/history")).isEqualTo(400);
        assertThat(status("/api/units/987654321/history")).isEqualTo(404);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theOpenApiDocumentDescribesTheRegistry() {
        var doc = get("/v3/api-docs");
        assertThat((Map<String, Object>) doc.get("paths")).containsKeys("/api/units", "/api/units/{id}/history");
        assertThat(status("/swagger-ui/index.html")).isEqualTo(200);
    }
}
