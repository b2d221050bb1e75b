package org.mandate.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Api.JSON;
import static org.mandate.support.Units.coded;
import static org.mandate.support.Units.named;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mandate.access.ApiTokens;
import org.mandate.support.Api;
import org.mandate.support.MandateIT;
import org.mandate.task.internal.TaskSearch;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** Tasks over HTTP, on the demo sessions' tasks and on new ones. */
@MandateIT
class TaskIT {

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TaskSearch search;

    private RestClient as(String user) {
        return Api.as(port, tokens, user);
    }

    private ResponseEntity<Map<String, Object>> get(String user, String uri) {
        return as(user).get().uri(uri).retrieve().toEntity(JSON);
    }

    private ResponseEntity<Map<String, Object>> post(String user, String uri, Object body) {
        return as(user).post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JSON);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> page) {
        return (List<Map<String, Object>>) page.getBody().get("items");
    }

    private Map<String, Object> counts(String user, long unit, String asOf) {
        return get(user, "/api/tasks/counts?unit=" + unit + "&asOf=" + asOf).getBody();
    }

    private long mongCaiSession() {
        return jdbc.sql("SELECT id FROM meeting WHERE held_on = '2024-10-09'")
                .query(Long.class)
                .single();
    }

    private long total(String user, String uri) {
        return ((Number) get(user, uri).getBody().get("total")).longValue();
    }

    @Test
    void theMongCaiSessionsTasksHaveTheStatusTheyHadOnEachDay() {
        long quangNinh = named(jdbc, "province", "Quảng Ninh");
        String session = "/api/tasks?unit=" + quangNinh + "&subtree=true&meeting=" + mongCaiSession();
        assertThat(total("quangninh", session + "&asOf=2024-12-01&status=in_progress"))
                .isEqualTo(6);
        assertThat(total("quangninh", session + "&asOf=2024-12-01&status=ongoing"))
                .isEqualTo(2);
        assertThat(total("quangninh", session + "&asOf=2026-11-25&status=done_on_time"))
                .isEqualTo(2);
        assertThat(total("quangninh", session + "&asOf=2026-11-25&status=done_late"))
                .isEqualTo(1);
        assertThat(total("quangninh", session + "&asOf=2026-11-25&status=overdue"))
                .isEqualTo(3);
        assertThat(total("quangninh", session + "&asOf=2026-11-25&status=ongoing"))
                .isEqualTo(2);
        var overdue = get("quangninh", session + "&status=overdue&asOf=2026-11-25");
        assertThat(items(overdue))
                .extracting(t -> t.get("title"))
                .contains("Lựa chọn mô hình phát triển tổng thể của thành phố");
        // the notice of conclusions is in the registry, with the conclusions' references linked
        var notice = get("quangninh", "/api/documents?q=1501-TB/TU").getBody();
        assertThat((List<Map<String, Object>>) notice.get("items"))
                .extracting(d -> d.get("type"))
                .containsExactly("TB");
    }

    @Test
    void countsKeptAsDailyChangesAgreeWithTheStatusComputedFromTheDates() {
        long quangNinh = named(jdbc, "province", "Quảng Ninh");
        for (String day : List.of("2024-10-15", "2024-12-31", "2025-01-01", "2025-04-25", "2025-06-30", "2025-07-01")) {
            var counts = counts("quangninh", quangNinh, day);
            for (String status : List.of("in_progress", "overdue", "done_on_time", "done_late", "ongoing")) {
                // the list computed whole (a list's total may be these very counts: docs/TASKS.md, "Lists")
                var listed = search.sorted(
                        new TaskQuery(
                                quangNinh, true, status, LocalDate.parse(day), null, null, null, null, null, 0, 1),
                        true,
                        List.of());
                assertThat(((Number) counts.get(status)).longValue())
                        .as("%s on %s", status, day)
                        .isEqualTo(listed.total());
            }
        }
    }

    @Test
    void aTaskOfTheDissolvedCityFollowsItToTheWardsAndStaysUnderTheCityAsItWas() {
        long city = named(jdbc, "district", "Móng Cái");
        String session = "&meeting=" + mongCaiSession();
        assertThat(total("quangninh", "/api/tasks?unit=" + city + "&subtree=true&asOf=2024-12-01" + session))
                .isEqualTo(8);
        long wardsNow = 0;
        for (String ward : List.of("Móng Cái 1", "Móng Cái 2", "Móng Cái 3")) {
            wardsNow += total(
                    "quangninh",
                    "/api/tasks?unit=" + named(jdbc, "commune", ward) + "&subtree=true&asOf=2026-11-25" + session);
        }
        // every task of the city is under exactly one of its heirs today, none lost, none twice
        assertThat(wardsNow).isEqualTo(8);
    }

    @Test
    void assignReportExtendAndComplete() {
        long ward = named(jdbc, "commune", "Móng Cái 1");
        var created = post(
                "quangninh",
                "/api/tasks",
                Map.of(
                        "title", "Rà soát hộ nghèo",
                        "leadUnit", ward,
                        "coordinatingUnits", List.of(named(jdbc, "commune", "Móng Cái 2")),
                        "start", "2026-10-01",
                        "deadline", "2026-11-20",
                        "responsible", "Nguyễn Văn A"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long id = ((Number) ((Map<String, Object>) created.getBody().get("task")).get("id")).longValue();
        assertThat(((Map<String, Object>) created.getBody().get("task")).get("status"))
                .isEqualTo("overdue");

        assertThat(post(
                                "mongcai1",
                                "/api/tasks/" + id + "/progress",
                                Map.of("percent", 40, "note", "Đã rà soát 3 khu phố"))
                        .getStatusCode()
                        .value())
                .isEqualTo(201);
        var ext = post(
                "mongcai1",
                "/api/tasks/" + id + "/extensions",
                Map.of("newDeadline", "2026-12-31", "reason", "Thiếu số liệu"));
        assertThat(ext.getStatusCode().value()).isEqualTo(201);
        long extId = ((Number) ext.getBody().get("id")).longValue();
        // the reporter may not approve, the office may not either: a leader does
        assertThat(post("mongcai1", "/api/tasks/" + id + "/extensions/" + extId + "/approve", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(post("lanhdaoqn", "/api/tasks/" + id + "/extensions/" + extId + "/approve", Map.of("note", "Đồng ý"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        var detail = get("quangninh", "/api/tasks/" + id).getBody();
        assertThat(((Map<String, Object>) detail.get("task")).get("status")).isEqualTo("in_progress");
        assertThat(((Map<String, Object>) detail.get("task")).get("deadline")).isEqualTo("2026-12-31");
        assertThat((List<Map<String, Object>>) detail.get("deadlines"))
                .extracting(d -> d.get("deadline"))
                .containsExactly("2026-11-20", "2026-12-31");
        // read as of a day before the approval, it was overdue against the first deadline
        var then = get("quangninh", "/api/tasks/" + id + "?asOf=2026-11-21").getBody();
        assertThat(((Map<String, Object>) then.get("task")).get("status")).isEqualTo("overdue");

        assertThat(post("haiphong", "/api/tasks/" + id + "/complete", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(post("mongcai1", "/api/tasks/" + id + "/complete", Map.of("result", "Xong"))
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        var done = get("quangninh", "/api/tasks/" + id).getBody();
        assertThat(((Map<String, Object>) done.get("task")).get("status")).isEqualTo("done_on_time");
        // the coordinating ward sees it, another province does not
        assertThat(get("haiphong", "/api/tasks/" + id).getStatusCode().value()).isEqualTo(404);
        assertThat(items(get("quangninh", "/api/audit?entity=task&id=" + id)))
                .extracting(e -> e.get("action"))
                .contains("create", "report_progress", "request_extension", "approve_extension", "complete");
    }

    @Test
    void aProvinceTaskIsDecomposedToEveryCommuneInOneAction() {
        long quangNinh = named(jdbc, "province", "Quảng Ninh");
        var parent = post(
                "quangninh",
                "/api/tasks",
                Map.of("title", "Tổng kết công tác dân vận", "leadUnit", quangNinh, "deadline", "2027-03-31"));
        long id = ((Number) ((Map<String, Object>) parent.getBody().get("task")).get("id")).longValue();
        var split = post("quangninh", "/api/tasks/" + id + "/decompose", Map.of("level", "commune"));
        assertThat(split.getStatusCode().value()).isEqualTo(201);
        long communes = jdbc.sql("""
                        SELECT count(*) FROM org_unit_version p JOIN org_unit_version c
                          ON c.path <@ p.path AND c.level = 'commune' AND c.valid @> CURRENT_DATE
                         WHERE p.unit_id = :p AND p.valid @> CURRENT_DATE
                        """).param("p", quangNinh).query(Long.class).single();
        assertThat((List<?>) split.getBody().get("children")).hasSize((int) communes);
        var detail = get("quangninh", "/api/tasks/" + id).getBody();
        assertThat((List<?>) detail.get("children")).hasSize((int) communes);
        assertThat((Map<String, Object>) detail.get("childrenByStatus")).containsEntry("in_progress", (int) communes);
        // a commune's office sees its own child task under its ward
        var mine = get("mongcai1", "/api/tasks?unit=" + named(jdbc, "commune", "Móng Cái 1") + "&subtree=true");
        assertThat(items(mine)).extracting(t -> t.get("title")).contains("Tổng kết công tác dân vận");
        // the reporter may not decompose
        assertThat(post("mongcai1", "/api/tasks/" + id + "/decompose", Map.of("level", "commune"))
                        .getStatusCode()
                        .value())
                .isIn(403, 404);
    }

    @Autowired
    org.mandate.organization.ApparatusChanges changes;

    @Test
    void aMergeRecordedAfterTheTasksExistMovesThemToTheSuccessor() {
        // two communes of Quảng Ninh standing today; the first is merged into the second in 2027
        var communes = jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version p JOIN org_unit_version v
                          ON v.path <@ p.path AND v.level = 'commune' AND v.valid @> CURRENT_DATE AND upper_inf(v.valid)
                         WHERE p.unit_id = :p AND p.valid @> CURRENT_DATE
                         ORDER BY v.code DESC LIMIT 2
                        """)
                .param("p", named(jdbc, "province", "Quảng Ninh"))
                .query(Long.class)
                .list();
        long merged = communes.get(0);
        long successor = communes.get(1);
        var created = post(
                "quangninh",
                "/api/tasks",
                Map.of(
                        "title",
                        "Nhiệm vụ trước sáp nhập",
                        "leadUnit",
                        merged,
                        "start",
                        "2026-11-01",
                        "deadline",
                        "2027-06-30"));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        long successorBefore =
                ((Number) counts("quangninh", successor, "2027-03-01").get("in_progress")).longValue();
        long mergedBefore = ((Number) counts("quangninh", merged, "2027-03-01").get("in_progress")).longValue();
        long mergedEarlier = ((Number) counts("quangninh", merged, "2026-12-01").get("in_progress")).longValue();
        try (var job = org.mandate.access.Scopes.asSystem("test")) {
            changes.merge(
                    List.of(merged),
                    successor,
                    null,
                    new org.mandate.organization.Change(
                            java.time.LocalDate.of(2027, 1, 1), "99/NQ-UBTVQH15 (test)", "system:test", null));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        // the kept counts were rebuilt with the merge: the task counts under the successor from then on
        assertThat(counts("quangninh", successor, "2027-03-01"))
                .containsEntry("in_progress", (int) (successorBefore + mergedBefore));
        assertThat(counts("quangninh", merged, "2027-03-01")).containsEntry("in_progress", 0);
        assertThat(counts("quangninh", merged, "2026-12-01")).containsEntry("in_progress", (int) mergedEarlier);
        assertThat(total(
                        "quangninh",
                        "/api/tasks?unit=" + successor + "&subtree=true&asOf=2027-03-01&status=in_progress"))
                .isEqualTo(successorBefore + mergedBefore);
    }

    @Test
    void badInputNamesTheField() {
        var noLead = post("quangninh", "/api/tasks", Map.of("title", "x"));
        assertThat(noLead.getStatusCode().value()).isEqualTo(400);
        assertThat(noLead.getBody().get("field")).isEqualTo("leadUnit");
        var badStatus = get("quangninh", "/api/tasks?status=late");
        assertThat(badStatus.getStatusCode().value()).isEqualTo(400);
        assertThat(badStatus.getBody().get("field")).isEqualTo("status");
        var backwards = post(
                "quangninh",
                "/api/tasks",
                Map.of(
                        "title",
                        "x",
                        "leadUnit",
                        coded(jdbc, "TU-QN"),
                        "start",
                        "2026-05-01",
                        "deadline",
                        "2026-04-01"));
        assertThat(backwards.getBody().get("field")).isEqualTo("deadline");
    }
}
