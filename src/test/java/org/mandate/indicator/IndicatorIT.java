package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.mandate.support.Api.JSON;
import static org.mandate.support.Units.communes;
import static org.mandate.support.Units.named;
import static org.mandate.support.Units.province;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.mandate.access.ApiTokens;
import org.mandate.support.Api;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Indicators on the real reform of 1 July 2025: every commune of four provinces reports a 2024
 * figure; Hà Giang and Tuyên Quang merged into the new Tuyên Quang (five of their communes split
 * between two new ones), Bắc Giang and Bắc Ninh into the new Bắc Ninh (every commune whole).
 */
@MandateIT
class IndicatorIT {
    private static final String LAST_DAY = "2025-06-30";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private ResponseEntity<Map<String, Object>> get(String user, String uri) {
        return Api.as(port, tokens, user).get().uri(uri).retrieve().toEntity(JSON);
    }

    private ResponseEntity<Map<String, Object>> post(String user, String uri, Object body) {
        return Api.as(port, tokens, user)
                .post()
                .uri(uri)
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(JSON);
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> items(String user, String uri) {
        var response = get(user, uri);
        assertThat(response.getStatusCode().value()).as(uri).isEqualTo(200);
        var body = response.getBody();
        var items = (List<Map<String, Object>>) body.get("items");
        assertThat(((Number) body.get("total")).intValue()).isEqualTo(items.size());
        return items;
    }

    private void createIndicator(String code, String rollup) {
        var created = post(
                "admin",
                "/api/indicators",
                Map.of(
                        "code",
                        code,
                        "nameVi",
                        "Số hộ nghèo (kiểm thử " + code + ")",
                        "unitOfMeasure",
                        "hộ",
                        "direction",
                        "lower",
                        "periodType",
                        "year",
                        "rollup",
                        rollup));
        assertThat(created.getStatusCode().value()).isEqualTo(201);
    }

    private static BigDecimal households(long commune) {
        return BigDecimal.valueOf(commune % 97 + 3);
    }

    private static BigDecimal value(Map<String, Object> item) {
        return new BigDecimal(item.get("value").toString());
    }

    private static Map<String, Object> itemOf(List<Map<String, Object>> items, long unit) {
        return items.stream()
                .filter(i -> ((Number) i.get("unit")).longValue() == unit)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no item for unit " + unit + " in " + items.size()));
    }

    private void enter(String code, Map<Long, BigDecimal> values) {
        var list = values.entrySet().stream()
                .map(e -> Map.of("unit", e.getKey(), "period", "2024", "value", e.getValue()))
                .toList();
        var entered = post("admin", "/api/indicators/" + code + "/values", Map.of("values", list));
        assertThat(entered.getStatusCode().value())
                .as(String.valueOf(entered.getBody()))
                .isEqualTo(201);
        assertThat((List<?>) entered.getBody().get("ids")).hasSize(values.size());
    }

    @Test
    void poorHouseholdsOfEveryCommuneAddUpTheSameAsTheyWereAndAsTheyAreNow() {
        String code = "so-ho-ngheo-it";
        createIndicator(code, "sum");
        var oldProvinces = new HashMap<String, Long>();
        var byProvince = new HashMap<String, Map<Long, BigDecimal>>();
        var all = new HashMap<Long, BigDecimal>();
        for (String name : List.of("Hà Giang", "Tuyên Quang", "Bắc Giang", "Bắc Ninh")) {
            long p = province(jdbc, name, LAST_DAY);
            oldProvinces.put(name, p);
            var values =
                    communes(jdbc, p, LAST_DAY).stream().collect(Collectors.toMap(c -> c, IndicatorIT::households));
            byProvince.put(name, values);
            all.putAll(values);
        }
        // 193 + 137 + 192 + 121 communes, wards and towns in the list of 1 March 2025
        assertThat(all).hasSize(643);
        enter(code, all);
        String uri = "/api/indicators/" + code + "/values?from=2024&to=2024&subtree=true&unit=";

        // as it was: each old province is the sum of its communes, exactly
        for (var e : oldProvinces.entrySet()) {
            var items = items("admin", uri + e.getValue() + "&view=as_was");
            var sum = byProvince.get(e.getKey()).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            var own = itemOf(items, e.getValue());
            assertThat(value(own)).as(e.getKey()).isEqualByComparingTo(sum);
            assertThat(own).containsEntry("estimate", false).containsEntry("state", "draft");
            // the province, its districts and every commune
            assertThat(items.stream()
                            .map(i -> ((Number) i.get("unit")).longValue())
                            .collect(Collectors.toSet()))
                    .containsAll(byProvince.get(e.getKey()).keySet());
        }

        // as it is now: the new Bắc Ninh holds Bắc Giang and Bắc Ninh, every commune whole: exact
        long bacNinh = province(jdbc, "Bắc Ninh", Indicators.today());
        var bacNinhNow = itemOf(items("admin", uri + bacNinh + "&view=as_now"), bacNinh);
        assertThat(value(bacNinhNow))
                .isEqualByComparingTo(sum(byProvince.get("Bắc Giang")).add(sum(byProvince.get("Bắc Ninh"))));
        assertThat(bacNinhNow).containsEntry("estimate", false);

        // the new Tuyên Quang: five old communes were split, all within it, so the total is whole but
        // made of apportioned parts, hence an estimate
        long tuyenQuang = province(jdbc, "Tuyên Quang", Indicators.today());
        var tuyenQuangItems = items("admin", uri + tuyenQuang + "&view=as_now");
        var tuyenQuangNow = itemOf(tuyenQuangItems, tuyenQuang);
        assertThat(value(tuyenQuangNow))
                .isEqualByComparingTo(sum(byProvince.get("Hà Giang")).add(sum(byProvince.get("Tuyên Quang"))));
        assertThat(tuyenQuangNow).containsEntry("estimate", true);
        assertThat(partialCommunes(all.keySet()))
                .as("communes split between new ones")
                .hasSize(5);

        // the country: the same total in both views
        var provinces = Set.copyOf(jdbc.sql("SELECT DISTINCT unit_id FROM org_unit_version WHERE level = 'province'")
                .query(Long.class)
                .list());
        String country = "/api/indicators/" + code + "/values?from=2024&to=2024&subtree=true&view=";
        var asWas = countryTotal(items("admin", country + "as_was"), provinces);
        var asNow = countryTotal(items("admin", country + "as_now"), provinces);
        assertThat(asWas).isEqualByComparingTo(sum(all));
        assertThat(asNow).isEqualByComparingTo(asWas);
        // the provinces side by side: only the top level, the same totals
        var top = items("admin", country + "as_now&levels=1");
        assertThat(top).isNotEmpty().allMatch(i -> provinces.contains(((Number) i.get("unit")).longValue()));
        assertThat(countryTotal(top, provinces)).isEqualByComparingTo(asNow);
        assertThat(get("admin", uri + province(jdbc, "Hà Giang", LAST_DAY) + "&levels=1")
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void theFigureOfASplitCommuneIsApportionedAmongItsSuccessorsWithNothingLostOrDoubled() {
        String code = "ho-ngheo-xa-chia-it";
        createIndicator(code, "sum");
        var old = new ArrayList<Long>();
        for (String name : List.of("Hà Giang", "Tuyên Quang")) {
            old.addAll(communes(jdbc, province(jdbc, name, LAST_DAY), LAST_DAY));
        }
        var split = partialCommunes(old);
        // 60060 divides by 2 to 7: each share is a whole number of households
        BigDecimal each = BigDecimal.valueOf(60060);
        enter(code, split.stream().collect(Collectors.toMap(c -> c, c -> each)));
        // what each new commune should receive: an equal share of each split commune (no weights)
        var expected = new HashMap<Long, BigDecimal>();
        for (long c : split) {
            var successors = jdbc.sql("SELECT successor_id FROM org_succession WHERE predecessor_id = :c")
                    .param("c", c)
                    .query(Long.class)
                    .list();
            for (long s : successors) {
                expected.merge(s, each.divide(BigDecimal.valueOf(successors.size())), BigDecimal::add);
            }
        }
        long tuyenQuang = province(jdbc, "Tuyên Quang", Indicators.today());
        var items = items(
                "admin",
                "/api/indicators/" + code + "/values?from=2024&to=2024&subtree=true&view=as_now&unit=" + tuyenQuang);
        for (var e : expected.entrySet()) {
            var item = itemOf(items, e.getKey());
            assertThat(value(item).doubleValue()).isCloseTo(e.getValue().doubleValue(), within(1e-6));
            assertThat(item).containsEntry("estimate", true);
        }
        var newCommunes = items.stream()
                .filter(i -> expected.containsKey(((Number) i.get("unit")).longValue()))
                .map(IndicatorIT::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(newCommunes).isEqualByComparingTo(each.multiply(BigDecimal.valueOf(split.size())));
        assertThat(value(itemOf(items, tuyenQuang))).isEqualByComparingTo(newCommunes);
    }

    @Test
    void aCorrectionKeepsTheEarlierValueAndTheStatesGoDraftSubmittedApproved() {
        String code = "luot-khach-it";
        createIndicator(code, "sum");
        long ward = named(jdbc, "commune", "Móng Cái 1");
        String values = "/api/indicators/" + code + "/values";
        var wrongType = post("mongcai1", values, Map.of("unit", ward, "period", "2025-Q3", "value", 1200));
        assertThat(wrongType.getStatusCode().value()).isEqualTo(400);
        assertThat(wrongType.getBody()).containsEntry("field", "period");
        var entered = post("mongcai1", values, Map.of("unit", ward, "period", "2025", "value", 1200));
        assertThat(entered.getStatusCode().value()).isEqualTo(201);
        long id = ((Number) ((List<?>) entered.getBody().get("ids")).getFirst()).longValue();
        assertThat(post("mongcai1", values, Map.of("unit", ward, "period", "2025", "value", 1300))
                        .getStatusCode()
                        .value())
                .as("a second value for the same period is a correction, not an entry")
                .isEqualTo(409);

        // a reporter approves nothing; a leader approves only what was submitted
        assertThat(post("mongcai1", values + "/" + id + "/approve", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(post("lanhdaoqn", values + "/" + id + "/approve", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(post("mongcai1", values + "/" + id + "/submit", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(post("mongcai1", values + "/" + id + "/submit", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
        assertThat(post("lanhdaoqn", values + "/" + id + "/approve", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        assertThat(get("quangninh", values + "/" + id).getBody()).containsEntry("state", "approved");

        var corrected =
                post("mongcai1", values + "/" + id + "/correct", Map.of("value", 1250, "note", "số liệu rà soát"));
        assertThat(corrected.getStatusCode().value()).isEqualTo(201);
        long newId = ((Number) corrected.getBody().get("id")).longValue();
        var earlier = get("quangninh", values + "/" + id).getBody();
        assertThat(earlier).containsEntry("state", "approved");
        assertThat(value(earlier)).isEqualByComparingTo("1200");
        assertThat(((Number) earlier.get("supersededBy")).longValue()).isEqualTo(newId);
        assertThat(post("mongcai1", values + "/" + id + "/correct", Map.of("value", 1))
                        .getStatusCode()
                        .value())
                .as("only the current value is corrected")
                .isEqualTo(409);
        var now = items("quangninh", values + "?unit=" + ward + "&from=2025&to=2025");
        assertThat(now).singleElement().satisfies(i -> {
            assertThat(value(i)).isEqualByComparingTo("1250");
            assertThat(i).containsEntry("state", "draft");
        });
        var history = Api.as(port, tokens, "quangninh")
                .get()
                .uri("/api/indicators/" + code + "/history?unit=" + ward)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {});
        assertThat(history).extracting(h -> value(h).intValue()).containsExactly(1200, 1250);
        long auditRows =
                jdbc.sql("""
                        SELECT count(*) FROM audit_log
                         WHERE (entity = 'indicator_value' AND entity_id IN (:a, :b))
                        """).param("a", id).param("b", newId).query(Long.class).single();
        assertThat(auditRows).as("submit, approve, correct").isEqualTo(3);
    }

    @Test
    void outOfScopeCallersNeitherReadNorWrite() {
        String code = "ho-ngheo-pham-vi-it";
        createIndicator(code, "sum");
        long haGiangCommune =
                communes(jdbc, province(jdbc, "Hà Giang", LAST_DAY), LAST_DAY).getFirst();
        String values = "/api/indicators/" + code + "/values";
        var entered = post("admin", values, Map.of("unit", haGiangCommune, "period", "2024", "value", 5));
        long id = ((Number) ((List<?>) entered.getBody().get("ids")).getFirst()).longValue();
        assertThat(post("mongcai1", values, Map.of("unit", haGiangCommune, "period", "2023", "value", 5))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(post("mongcai1", values + "/" + id + "/submit", Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(post("haiphong", values + "/" + id + "/correct", Map.of("value", 6))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(get("mongcai1", values + "?unit=" + haGiangCommune)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(get("mongcai1", values).getStatusCode().value())
                .as("the whole country is read only with a whole-country grant")
                .isEqualTo(400);
        assertThat(post(
                                "mongcai1",
                                "/api/indicators",
                                Map.of(
                                        "code", "x-it",
                                        "nameVi", "x",
                                        "unitOfMeasure", "x",
                                        "direction", "higher",
                                        "periodType", "year",
                                        "rollup", "sum"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(get(null, values + "?unit=" + haGiangCommune).getStatusCode().value())
                .isEqualTo(401);
    }

    @Test
    void aWeightedAverageSaysWhichWeightIsMissingInsteadOfGuessing() {
        createIndicator("dan-so-it", "sum");
        var income = post(
                "admin",
                "/api/indicators",
                Map.of(
                        "code", "thu-nhap-it",
                        "nameVi", "Thu nhập bình quân đầu người (kiểm thử)",
                        "unitOfMeasure", "triệu đồng/người/năm",
                        "direction", "higher",
                        "periodType", "year",
                        "rollup", "weighted_average",
                        "weightIndicator", "dan-so-it"));
        assertThat(income.getStatusCode().value()).isEqualTo(201);
        long haGiang = province(jdbc, "Hà Giang", LAST_DAY);
        var communes = communes(jdbc, haGiang, LAST_DAY);
        long a = communes.get(0);
        long b = communes.get(1);
        enter("thu-nhap-it", Map.of(a, new BigDecimal("40"), b, new BigDecimal("70")));
        enter("dan-so-it", Map.of(a, new BigDecimal("3000")));
        String uri = "/api/indicators/thu-nhap-it/values?from=2024&to=2024&subtree=true&view=as_was&unit=" + haGiang;
        var body = get("admin", uri).getBody();
        @SuppressWarnings("unchecked")
        var items = (List<Map<String, Object>>) body.get("items");
        assertThat(itemOf(items, haGiang).get("value")).isNull();
        assertThat((List<?>) body.get("notes")).singleElement().asString().contains(String.valueOf(b), "dan-so-it");
        enter("dan-so-it", Map.of(b, new BigDecimal("1000")));
        var weighed = itemOf(items("admin", uri), haGiang);
        assertThat(value(weighed)).isEqualByComparingTo("47.5");
    }

    @Test
    void theSeedScenariosFiguresAreThereAsReportedAndMongCaisFollowTheCityToItsWards() {
        long city = named(jdbc, "district", "Móng Cái");
        var income = items("quangninh", "/api/indicators/thu-nhap-xa-ntm/values?unit=" + city);
        assertThat(income).singleElement().satisfies(i -> {
            assertThat(value(i)).isEqualByComparingTo("74.8");
            assertThat(i).containsEntry("period", "2023").containsEntry("state", "approved");
        });
        // the tourists counted since 2020 are carried to the wards that succeeded the city, as estimates
        long quangNinh = province(jdbc, "Quảng Ninh", Indicators.today());
        var now = items(
                "quangninh", "/api/indicators/khach-du-lich-tu-2020/values?subtree=true&view=as_now&unit=" + quangNinh);
        var province = itemOf(now, quangNinh);
        assertThat(value(province)).isEqualByComparingTo("3962000");
        assertThat(province).containsEntry("estimate", true);
        // a rate of the city is not apportioned among the wards: it is not shown as it is now, and the reply says so
        var rate = get(
                        "quangninh",
                        "/api/indicators/lao-dong-qua-dao-tao/values?subtree=true&view=as_now&unit=" + quangNinh)
                .getBody();
        assertThat((List<?>) rate.get("items")).isEmpty();
        assertThat((List<?>) rate.get("notes")).singleElement().asString().contains("not carried");
        var langSon = province(jdbc, "Lạng Sơn", Indicators.today());
        var water = items("admin", "/api/indicators/nuoc-hop-ve-sinh-nong-thon/values?unit=" + langSon);
        assertThat(water)
                .extracting(i -> i.get("period"), i -> value(i).intValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2020", 95),
                        org.assertj.core.groups.Tuple.tuple("2023", 98));
        // Lào Cai city's budget revenue of 2020, the province as it was adding it up
        long laoCaiCity = named(jdbc, "district", "Lào Cai");
        long laoCai = province(jdbc, "Lào Cai", "2020-12-31");
        var revenue =
                items("admin", "/api/indicators/thu-ngan-sach/values?subtree=true&from=2020&to=2020&unit=" + laoCai);
        assertThat(value(itemOf(revenue, laoCaiCity))).isEqualByComparingTo("2680");
        assertThat(value(itemOf(revenue, laoCai))).isEqualByComparingTo("2680");
        var targets = Api.as(port, tokens, "quangninh")
                .get()
                .uri("/api/indicators/bi-thu-kiem-truong-thon/targets?unit=" + city)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {});
        assertThat(targets).singleElement().satisfies(t -> {
            assertThat(t).containsEntry("term", "2020-2025");
            assertThat(value(t)).isEqualByComparingTo("100");
        });
    }

    /**
     * V17 checks the references of values once per statement instead of by foreign keys: a value
     * of an indicator or unit that does not exist is refused, with the foreign-key error, however
     * many good rows come with it; an indicator with values cannot be deleted.
     */
    @Test
    void aValueMustReferToAnIndicatorAndAUnitThatExist() {
        createIndicator("tham-chieu-it", "sum");
        long indicator = jdbc.sql("SELECT id FROM indicator WHERE code = 'tham-chieu-it'")
                .query(Long.class)
                .single();
        long unit = province(jdbc, "Hà Giang", LAST_DAY);
        String insert = """
                INSERT INTO indicator_value (indicator_id, unit_id, period, value, entered_by)
                SELECT :indicator, u, '2024', 1, 'test' FROM unnest(CAST(:units AS bigint[])) u
                """;
        for (var units : List.of(new Long[] {unit, -7L}, new Long[] {-7L})) {
            assertThatThrownBy(() -> jdbc.sql(insert)
                            .param("indicator", indicator)
                            .param("units", units)
                            .update())
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("-7");
        }
        assertThatThrownBy(() -> jdbc.sql(insert)
                        .param("indicator", -8L)
                        .param("units", new Long[] {unit})
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("-8");
        assertThat(jdbc.sql(insert)
                        .param("indicator", indicator)
                        .param("units", new Long[] {unit})
                        .update())
                .isEqualTo(1);
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM indicator WHERE id = :id")
                        .param("id", indicator)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("indicator_value");
        // a unit that nothing but a value refers to (a real one is held by its versions too)
        long bare = jdbc.sql("INSERT INTO org_unit (hierarchy) VALUES ('locality') RETURNING id")
                .query(Long.class)
                .single();
        jdbc.sql(insert)
                .param("indicator", indicator)
                .param("units", new Long[] {bare})
                .update();
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM org_unit WHERE id = :id")
                        .param("id", bare)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("indicator_value");
        // a value does not move to another unit (nor to one that does not exist), and an indicator
        // keeps its rule
        for (long other : List.of(-7L, province(jdbc, "Tuyên Quang", LAST_DAY))) {
            assertThatThrownBy(() -> jdbc.sql("UPDATE indicator_value SET unit_id = :u WHERE indicator_id = :i")
                            .param("u", other)
                            .param("i", indicator)
                            .update())
                    .isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThatThrownBy(() -> jdbc.sql("UPDATE indicator SET rollup = 'none' WHERE id = :id")
                        .param("id", indicator)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("SELECT count(*) FROM indicator_value WHERE indicator_id = :id")
                        .param("id", indicator)
                        .query(Integer.class)
                        .single())
                .isEqualTo(2);
    }

    private List<Long> partialCommunes(java.util.Collection<Long> communes) {
        return jdbc.sql("""
                        SELECT DISTINCT predecessor_id FROM org_succession
                         WHERE share = 'partial' AND predecessor_id = ANY (CAST(:c AS bigint[]))
                         ORDER BY predecessor_id
                        """)
                .param("c", communes.toArray(Long[]::new))
                .query(Long.class)
                .list();
    }

    private static BigDecimal sum(Map<Long, BigDecimal> values) {
        return values.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal countryTotal(List<Map<String, Object>> items, Set<Long> provinces) {
        return items.stream()
                .filter(i -> provinces.contains(((Number) i.get("unit")).longValue()))
                .map(IndicatorIT::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
