package org.mandate.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.UnitCatalog;
import org.mandate.organization.UnitQuery;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/** Every change is checked against the signer's scope in the hierarchy, and audited under their name. */
@MandateIT
class ScopeIT {
    @LocalServerPort
    int port;

    @Autowired
    UnitCatalog catalog;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    private RestClient as(String user) {
        return org.mandate.support.Api.as(port, tokens, user);
    }

    private int rename(String user, long unit, String name) {
        return as(user).post()
                .uri("/api/units/" + unit + "/rename")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name, "fullName", name, "effectiveDate", "2040-01-01", "legalBasis", "9/QĐ-TU"))
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value();
    }

    private long body(String name) {
        return catalog.find(new UnitQuery(java.time.LocalDate.of(2026, 1, 1), Hierarchy.BODY, null, null, name, 0, 1))
                .items()
                .getFirst()
                .id();
    }

    @Test
    void changesNeedASignedInUserWithinScope() {
        long wardCommittee = body("Đảng ủy phường Móng Cái 1");
        long langSon = body("Tỉnh ủy Lạng Sơn");
        assertThat(rename(null, wardCommittee, "X")).isEqualTo(401);
        assertThat(rename("quangninh", langSon, "X")).isEqualTo(403);
        assertThat(rename("quangninh", wardCommittee, "Đảng ủy phường Móng Cái 1 (mới)"))
                .isEqualTo(200);
        assertThat(rename("admin", langSon, "Tỉnh ủy Lạng Sơn (mới)")).isEqualTo(200);
        List<String> actors = jdbc.sql("SELECT actor FROM audit_log WHERE entity_id IN (:a, :b) AND action = 'rename'")
                .param("a", wardCommittee)
                .param("b", langSon)
                .query(String.class)
                .list();
        assertThat(actors).containsExactlyInAnyOrder("quangninh", "admin");
        assertThat(catalog.history(langSon).versions()).hasSize(2);
    }

    @Test
    void onlyAWholeCountryUserMayImport() {
        var response = as("quangninh")
                .post()
                .uri("/api/imports/admin-units")
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(new org.springframework.util.LinkedMultiValueMap<String, Object>())
                .retrieve()
                .toBodilessEntity();
        assertThat(response.getStatusCode().value()).isIn(400, 403);
    }

    @Test
    void readingNeedsNoSignIn() {
        var body = as(null).get().uri("/api/units?level=province").retrieve().body(Map.class);
        assertThat(body).containsEntry("total", 34);
    }

    @Autowired
    Scopes scopes;

    /** A unit that stood under a grant on the day narrows a list within the scope; any other does not. */
    @Test
    void aSubtreeIsWithinTheScopeWhenItsUnitStoodUnderAGrantThatDay() {
        var today = Scopes.today();
        var before = java.time.LocalDate.of(2024, 1, 1);
        var office = scopes.of("quangninh");
        var province = catalog.find(new UnitQuery(today, Hierarchy.LOCALITY, "province", null, "Quảng Ninh", 0, 1))
                .items()
                .getFirst();
        long langSon = catalog.find(new UnitQuery(today, Hierarchy.LOCALITY, "province", null, "Lạng Sơn", 0, 1))
                .items()
                .getFirst()
                .id();
        long ward = catalog.find(
                        new UnitQuery(today, Hierarchy.LOCALITY, "commune", province.code(), "Móng Cái 1", 0, 1))
                .items()
                .getFirst()
                .id();
        long oldCommune = catalog.find(
                        new UnitQuery(before, Hierarchy.LOCALITY, "commune", province.code(), null, 0, 1))
                .items()
                .getFirst()
                .id();
        assertThat(scopes.coversSubtreeAsOf(office, province.id(), today)).isTrue();
        assertThat(scopes.coversSubtreeAsOf(office, ward, today)).isTrue();
        assertThat(scopes.coversSubtreeAsOf(office, oldCommune, before)).isTrue();
        assertThat(scopes.coversSubtreeAsOf(office, langSon, today)).isFalse();
        // the ward was made in 2025: on an earlier day it stood nowhere
        assertThat(scopes.coversSubtreeAsOf(office, ward, before)).isFalse();
        assertThat(scopes.coversSubtreeAsOf(Scope.ANONYMOUS, ward, today)).isFalse();
        assertThat(scopes.coversSubtreeAsOf(scopes.of("admin"), langSon, today)).isTrue();
    }

    /**
     * The candidates of the admin page's unit search are checked in one query: the same answer,
     * unit for unit, as the database's rule applied to each alone, for a province's administrator, an office (not an
     * administrator) and a whole-country one.
     */
    @Test
    void manyUnitsAreCheckedAtOnceWithTheSameAnswerAsOneByOne() {
        var today = Scopes.today();
        var candidates = new java.util.ArrayList<Long>();
        for (String name : List.of("Móng Cái", "Lạng Sơn", "Quảng Ninh")) {
            for (Hierarchy h : Hierarchy.values()) {
                catalog.find(new UnitQuery(today, h, null, null, name, 0, 30))
                        .items()
                        .forEach(u -> candidates.add(u.id()));
            }
        }
        assertThat(candidates).hasSizeGreaterThan(5);
        for (String user : List.of("quangninh", "admin")) {
            var scope = scopes.of(user);
            // each alone, by the database's rule itself (unit_covered, once per unit) over the
            // user's grants with those roles; a grant without a unit covers the whole country
            var oneByOne = candidates.stream()
                    .filter(u -> jdbc.sql("""
                                    SELECT EXISTS (SELECT 1 FROM user_grant g JOIN app_user a ON a.id = g.user_id
                                                    WHERE a.username = :user AND g.role IN ('admin', 'office')
                                                      AND (g.unit_id IS NULL
                                                           OR unit_covered(:unit, ARRAY[g.unit_id], CAST(:today AS date))))
                                    """)
                            .param("user", user)
                            .param("unit", u)
                            .param("today", today)
                            .query(Boolean.class)
                            .single())
                    .collect(java.util.stream.Collectors.toSet());
            assertThat(scopes.mayActAt(scope, candidates, Role.ADMIN, Role.OFFICE))
                    .as(user)
                    .isEqualTo(oneByOne);
        }
        // the office of Quảng Ninh covers some of them and not Lạng Sơn's
        var office = scopes.mayActAt(scopes.of("quangninh"), candidates, Role.OFFICE);
        assertThat(office).isNotEmpty().hasSizeLessThan(candidates.size());
        assertThat(scopes.mayActAt(scopes.of("quangninh"), candidates, Role.ADMIN))
                .isEmpty();
    }

    /**
     * A task list narrowed to a unit: outside the scope it is not found; within it (the list then
     * skips its own scope filter) it holds the same tasks as a whole-country reader's list.
     */
    @Test
    void aTaskListOfAUnitIsNotFoundOutsideTheScopeAndTheSameWithin() {
        var today = Scopes.today();
        long langSon = catalog.find(new UnitQuery(today, Hierarchy.LOCALITY, "province", null, "Lạng Sơn", 0, 1))
                .items()
                .getFirst()
                .id();
        long quangNinh = catalog.find(new UnitQuery(today, Hierarchy.LOCALITY, "province", null, "Quảng Ninh", 0, 1))
                .items()
                .getFirst()
                .id();
        var outside = as("quangninh")
                .get()
                .uri("/api/tasks?unit=" + langSon + "&subtree=true")
                .retrieve()
                .toEntity(String.class);
        assertThat(outside.getStatusCode().value()).isEqualTo(404);
        for (String asOf : List.of(today.toString(), "2024-06-01")) {
            String uri = "/api/tasks?unit=" + quangNinh + "&subtree=true&size=200&asOf=" + asOf;
            var office = as("quangninh").get().uri(uri).retrieve().toEntity(Map.class);
            var country = as("admin").get().uri(uri).retrieve().toEntity(Map.class);
            assertThat(office.getStatusCode().value()).isEqualTo(200);
            assertThat(office.getBody().get("items"))
                    .isEqualTo(country.getBody().get("items"));
            assertThat(office.getBody().get("total"))
                    .isEqualTo(country.getBody().get("total"));
            if (asOf.equals(today.toString())) {
                assertThat(((Number) office.getBody().get("total")).longValue())
                        .as("the demo tasks of Quảng Ninh")
                        .isPositive();
            }
        }
    }
}
