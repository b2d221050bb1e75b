package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mandate.support.Api.JSON;
import static org.mandate.support.Units.children;
import static org.mandate.support.Units.province;
import static org.mandate.support.Units.standing;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mandate.access.ApiTokens;
import org.mandate.support.Api;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Achievement, projection and rankings on the real registry: provinces that stood through the
 * 2025 reform, the provinces and communes that were merged in it, and the communes of today.
 */
@MandateIT
class AchievementIT {
    private static final String LAST_DAY = "2025-06-30";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    private ResponseEntity<Map<String, Object>> call(
            HttpMethod method, @Nullable String user, String uri, Object body) {
        var spec = Api.as(port, tokens, user).method(method).uri(uri);
        if (method != HttpMethod.GET) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return spec.retrieve().toEntity(JSON);
    }

    private Map<String, Object> ok(String user, String uri) {
        var r = call(HttpMethod.GET, user, uri, Map.of());
        assertThat(r.getStatusCode().value()).as(uri + " " + r.getBody()).isEqualTo(200);
        return r.getBody();
    }

    private void created(String uri, Map<String, Object> body) {
        var r = call(HttpMethod.POST, "admin", uri, body);
        assertThat(r.getStatusCode().value())
                .as(uri + " " + body + " " + r.getBody())
                .isEqualTo(201);
    }

    private void indicator(String code, String rollup, String direction, String unitOfMeasure) {
        indicator(code, rollup, direction, unitOfMeasure, "dan-so");
    }

    private void indicator(String code, String rollup, String direction, String unitOfMeasure, String weight) {
        var body = new HashMap<String, Object>(Map.of(
                "code", code,
                "nameVi", "Chỉ tiêu kiểm thử " + code,
                "unitOfMeasure", unitOfMeasure,
                "direction", direction,
                "periodType", "year",
                "rollup", rollup));
        if (rollup.equals("weighted_average")) {
            body.put("weightIndicator", weight);
        }
        created("/api/indicators", body);
    }

    private void values(String code, long unit, String... yearValue) {
        var list = new ArrayList<Map<String, Object>>();
        for (String yv : yearValue) {
            String[] p = yv.split("=");
            list.add(Map.of("unit", unit, "period", p[0], "value", new BigDecimal(p[1])));
        }
        created("/api/indicators/" + code + "/values", Map.of("values", list));
    }

    private void target(String code, long unit, @Nullable Integer year, String value) {
        target(code, "2020-2025", unit, year, value);
    }

    private void target(String code, String term, long unit, @Nullable Integer year, String value) {
        var body = new HashMap<String, Object>(Map.of("unit", unit, "term", term, "value", new BigDecimal(value)));
        if (year != null) {
            body.put("year", year);
        }
        created("/api/indicators/" + code + "/targets", body);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Map<String, Object> body, String key) {
        return (List<Map<String, Object>>) body.get(key);
    }

    private static Map<String, Object> termTarget(Map<String, Object> report) {
        return list(report, "targets").stream()
                .filter(t -> t.get("year") == null)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no term target in " + report));
    }

    private static BigDecimal number(Map<String, Object> m, String key) {
        return new BigDecimal(String.valueOf(m.get(key)));
    }

    private Map<String, Object> achievement(String code, long unit, String view) {
        return achievement(code, "2020-2025", unit, view);
    }

    private Map<String, Object> achievement(String code, String term, long unit, String view) {
        return ok("admin", "/api/indicators/" + code + "/achievement?term=" + term + "&view=" + view + "&unit=" + unit);
    }

    @Test
    void eachStatusAtItsBoundary() {
        String code = "diem-it-ach";
        indicator(code, "none", "higher", "điểm");
        // the same figures 80, 82, 84 (2020-2022): the line reaches 90 by the end of 2025
        var targets = new LinkedHashMap<String, String>();
        targets.put("Lạng Sơn", "90"); // projected 90: on track
        targets.put("Cao Bằng", "100"); // projected 90, exactly 90% of it: at risk
        targets.put("Lai Châu", "100.01"); // just under 90%: off track
        targets.put("Điện Biên", "84"); // reached already
        var expected =
                Map.of("Lạng Sơn", "on_track", "Cao Bằng", "at_risk", "Lai Châu", "off_track", "Điện Biên", "achieved");
        for (var e : targets.entrySet()) {
            long p = province(jdbc, e.getKey(), Indicators.today());
            values(code, p, "2020=80", "2021=82", "2022=84");
            target(code, p, null, e.getValue());
            for (String view : List.of("as_was", "as_now")) {
                var report = achievement(code, p, view);
                var t = termTarget(report);
                assertThat(t.get("status")).as(e.getKey() + " " + view).isEqualTo(expected.get(e.getKey()));
                assertThat(t).containsEntry("latestPeriod", "2022").containsEntry("lastPeriod", "2025");
                assertThat(list(report, "series")).hasSize(3);
            }
        }
        var langSon = termTarget(achievement(code, province(jdbc, "Lạng Sơn", Indicators.today()), "as_was"));
        assertThat(number(langSon, "projected")).isEqualByComparingTo("90");
        assertThat(number(langSon, "share")).isEqualByComparingTo("0.933333");
        assertThat(langSon).containsEntry("method", "linear");
        assertThat(number(
                        termTarget(achievement(code, province(jdbc, "Cao Bằng", Indicators.today()), "as_was")),
                        "projectedShare"))
                .isEqualByComparingTo("0.9");

        // a year's target whose year is in: closed, missed by a little, off track
        long langSonId = province(jdbc, "Lạng Sơn", Indicators.today());
        target(code, langSonId, 2022, "85");
        var year = list(achievement(code, langSonId, "as_was"), "targets").stream()
                .filter(t -> Integer.valueOf(2022).equals(t.get("year")))
                .findFirst()
                .orElseThrow();
        assertThat(year).containsEntry("status", "off_track").containsEntry("lastPeriod", "2022");
        assertThat(year.get("projected")).isNull();
        assertThat(number(year, "share")).isEqualByComparingTo("0.988235");

        // compound growth: the same figures grow 2.4% a year, which reaches 90.3 rather than 90
        var trend = call(HttpMethod.PUT, "admin", "/api/indicators/" + code + "/trend", Map.of("trend", "compound"));
        assertThat(trend.getStatusCode().value()).isEqualTo(200);
        var compound = termTarget(achievement(code, langSonId, "as_was"));
        assertThat(compound).containsEntry("method", "compound").containsEntry("status", "on_track");
        assertThat(number(compound, "projected").doubleValue()).isCloseTo(90.3, within(0.1));
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM audit_log WHERE action = 'set_trend' AND detail::text LIKE '%compound%'")
                        .query(Long.class)
                        .single())
                .isPositive();

        // the provinces of 2022 by achievement: Điện Biên first, then Lạng Sơn; the others have no target
        var ranking = ok("admin", "/api/indicators/" + code + "/ranking?by=achievement&period=2022");
        assertThat(ranking).containsEntry("term", "2020-2025").containsEntry("level", "province");
        assertThat(list(ranking, "items")).hasSize(63);
        assertThat(list(ranking, "items").subList(0, 5))
                .extracting(i -> i.get("name"), i -> i.get("rank"))
                .containsExactly(
                        tuple("Tỉnh Điện Biên", 1),
                        tuple("Tỉnh Lạng Sơn", 2),
                        tuple("Tỉnh Cao Bằng", 3),
                        tuple("Tỉnh Lai Châu", 4),
                        tuple(list(ranking, "items").get(4).get("name"), null));
    }

    @Test
    void peersWithEqualFiguresShareARank() {
        String code = "so-hop-tac-xa-it-ach";
        indicator(code, "sum", "higher", "hợp tác xã");
        long langSon = province(jdbc, "Lạng Sơn", Indicators.today());
        var communes = children(jdbc, langSon, Indicators.today(), 6);
        int[] figures = {10, 30, 20, 30, 5};
        for (int i = 0; i < figures.length; i++) {
            values(code, communes.get(i), "2025=" + figures[i]);
        }
        for (String view : List.of("as_was", "as_now")) {
            var ranking =
                    ok("admin", "/api/indicators/" + code + "/ranking?period=2025&view=" + view + "&parent=" + langSon);
            assertThat(ranking).containsEntry("level", "commune").containsEntry("by", "value");
            var items = list(ranking, "items");
            var byUnit = new HashMap<Long, Map<String, Object>>();
            items.forEach(i -> byUnit.put(((Number) i.get("unit")).longValue(), i));
            assertThat(List.of(1, 3, 2, 3, 0))
                    .as("what each commune's rank should be, by its index")
                    .hasSize(5);
            assertThat(items.subList(0, 5))
                    .extracting(i -> ((Number) i.get("unit")).longValue(), i -> i.get("rank"), i -> i.get("tied"))
                    .containsExactlyInAnyOrder(
                            tuple(communes.get(1), 1, true),
                            tuple(communes.get(3), 1, true),
                            tuple(communes.get(2), 3, false),
                            tuple(communes.get(0), 4, false),
                            tuple(communes.get(4), 5, false));
            assertThat(byUnit.get(communes.get(5)).get("rank"))
                    .as("no figure, no rank")
                    .isNull();
            assertThat(items.indexOf(byUnit.get(communes.get(5)))).isGreaterThanOrEqualTo(5);
        }
    }

    @Test
    void mergedProvincesAddTheirTargetsAsTheyAreNowWhereTheRuleIsASum() {
        String code = "ho-ngheo-sap-nhap-it-ach";
        indicator(code, "sum", "lower", "hộ");
        long bacGiang = province(jdbc, "Bắc Giang", LAST_DAY);
        long bacNinhOld = province(jdbc, "Bắc Ninh", LAST_DAY);
        long bacNinhNow = province(jdbc, "Bắc Ninh", Indicators.today());
        values(code, bacGiang, "2021=1500", "2022=1300", "2023=1100");
        values(code, bacNinhOld, "2021=900", "2022=800", "2023=700");
        target(code, bacGiang, null, "1000");
        target(code, bacNinhOld, null, "800");

        var asWas = termTarget(achievement(code, bacGiang, "as_was"));
        assertThat(number(asWas, "target")).isEqualByComparingTo("1000");
        assertThat(asWas.get("targetFrom")).isEqualTo(List.of((int) bacGiang));
        // 1500, 1300, 1100: the line is at 700 by 2025, under 1000
        assertThat(asWas).containsEntry("status", "on_track");

        var asNow = achievement(code, bacNinhNow, "as_now");
        var t = termTarget(asNow);
        assertThat(number(t, "target")).isEqualByComparingTo("1800");
        assertThat(t).containsEntry("targetEstimate", false);
        assertThat((List<?>) t.get("targetFrom"))
                .map(o -> ((Number) o).longValue())
                .containsExactlyInAnyOrder(bacGiang, bacNinhOld);
        assertThat(number(t, "latest")).isEqualByComparingTo("1800");
        assertThat(t).containsEntry("status", "achieved");

        // a sum whose merged units did not all have a target: not comparable, naming whose is missing
        String partly = "ho-ngheo-thieu-chi-tieu-it-ach";
        indicator(partly, "sum", "lower", "hộ");
        target(partly, bacGiang, null, "1000");
        var missing = termTarget(achievement(partly, bacNinhNow, "as_now"));
        assertThat(missing).containsEntry("status", "not_comparable");
        assertThat(missing.get("note").toString()).contains(String.valueOf(bacNinhOld));
    }

    @Test
    void mergedProvincesAverageTheirTargetsByTheirWeightsAsTheyWereByTheMerger() {
        String weight = "dan-so-sap-nhap-it-ach";
        indicator(weight, "sum", "higher", "người");
        String rate = "thu-nhap-sap-nhap-it-ach";
        indicator(rate, "weighted_average", "higher", "triệu đồng/người/năm", weight);
        long bacGiang = province(jdbc, "Bắc Giang", LAST_DAY);
        long bacNinhOld = province(jdbc, "Bắc Ninh", LAST_DAY);
        long bacNinhNow = province(jdbc, "Bắc Ninh");
        target(rate, bacGiang, null, "60");
        target(rate, bacNinhOld, null, "65");
        // old Bắc Giang's population is its communes' (rolled up as it was) in 2024, the last year that
        // ended before the merger of 1 July 2025; its figure of 2021 is older, its figure of 2025 ends after it
        var communes = jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version v
                          JOIN org_unit_version p ON v.path <@ p.path AND p.unit_id = :bg
                                                 AND p.valid @> CAST(:last AS date)
                         WHERE v.level = 'commune' AND v.valid @> CAST(:last AS date)
                           AND v.valid @> DATE '2024-12-31'
                         ORDER BY v.unit_id LIMIT 2
                        """)
                .param("bg", bacGiang)
                .param("last", LAST_DAY)
                .query(Long.class)
                .list();
        values(weight, communes.get(0), "2024=1000000");
        values(weight, communes.get(1), "2024=900000");
        values(weight, bacGiang, "2021=1700000", "2025=5000000");
        // old Bắc Ninh has no population figure yet: nothing to average by, and the note says whose
        var unweighed = termTarget(achievement(rate, bacNinhNow, "as_now"));
        assertThat(unweighed).containsEntry("status", "not_comparable");
        assertThat(unweighed.get("target")).isNull();
        assertThat(unweighed.get("note").toString())
                .contains("[" + bacNinhOld + "] have no figure of the weight")
                .doesNotContain(String.valueOf(bacGiang));
        // its latest figure before the merger, of 2023, weighs it
        values(weight, bacNinhOld, "2023=1500000");
        values(rate, bacNinhOld, "2023=63");
        var asNow = termTarget(achievement(rate, bacNinhNow, "as_now"));
        // (60 × 1,900,000 + 65 × 1,500,000) / 3,400,000
        assertThat(number(asNow, "target")).isEqualByComparingTo("62.205882");
        assertThat(asNow).containsEntry("targetEstimate", true).containsEntry("note", null);
        assertThat((List<?>) asNow.get("targetFrom"))
                .map(o -> ((Number) o).longValue())
                .containsExactlyInAnyOrder(bacGiang, bacNinhOld);
        // the one figure carried in, old Bắc Ninh's 63 of 2023, reaches it
        assertThat(asNow).containsEntry("latestPeriod", "2023").containsEntry("status", "achieved");
        // as it was, each keeps its own
        var asWas = termTarget(achievement(rate, bacGiang, "as_was"));
        assertThat(number(asWas, "target")).isEqualByComparingTo("60");
        assertThat(asWas).containsEntry("targetEstimate", false).containsEntry("status", "no_data");
    }

    @Test
    void aTargetSetAfterTheMergerStandsAndOneSetBeforeItIsNotEnoughAlone() {
        String code = "ho-ngheo-tuyen-quang-it-ach";
        indicator(code, "sum", "lower", "hộ");
        long haGiang = province(jdbc, "Hà Giang", LAST_DAY);
        long tuyenQuangOld = province(jdbc, "Tuyên Quang", LAST_DAY);
        long tuyenQuangNow = province(jdbc, "Tuyên Quang", Indicators.today());
        // 2025-2030: the congress of 2025 set it for the merged province; Hà Giang ended before
        target(code, "2025-2030", tuyenQuangNow, null, "5000");
        var later = termTarget(achievement(code, "2025-2030", tuyenQuangNow, "as_now"));
        assertThat(number(later, "target")).isEqualByComparingTo("5000");
        assertThat((List<?>) later.get("targetFrom"))
                .map(o -> ((Number) o).longValue())
                .containsExactly(tuyenQuangNow);
        // 2020-2025: the old Tuyên Quang's target alone does not measure figures that include Hà Giang's
        target(code, tuyenQuangOld, null, "3000");
        var earlier = termTarget(achievement(code, tuyenQuangNow, "as_now"));
        assertThat(earlier).containsEntry("status", "not_comparable");
        assertThat(earlier.get("note").toString()).contains(String.valueOf(haGiang));
    }

    @Test
    void theTargetsOfSplitCommunesAreApportionedAsEstimates() {
        String code = "ho-ngheo-xa-chia-it-ach";
        indicator(code, "sum", "lower", "hộ");
        // a new commune of Tuyên Quang that received part of a split commune
        long successor = jdbc.sql("""
                        SELECT s.successor_id FROM org_succession s
                          JOIN org_unit_version v ON v.unit_id = s.successor_id AND v.valid @> CAST(:today AS date)
                          JOIN org_unit_version p ON v.path <@ p.path AND p.unit_id = :tq AND p.valid @> CAST(:today AS date)
                         WHERE s.share = 'partial' ORDER BY s.successor_id LIMIT 1
                        """)
                .param("today", Indicators.today())
                .param("tq", province(jdbc, "Tuyên Quang", Indicators.today()))
                .query(Long.class)
                .single();
        // the units that ended and went into it; the reform kept some communes as the unit the others joined
        var feeders = jdbc.sql("""
                        SELECT s.predecessor_id, s.share = 'full',
                               (SELECT count(*) FROM org_succession o WHERE o.predecessor_id = s.predecessor_id
                                  AND o.effective_date = s.effective_date)
                          FROM org_succession s WHERE s.successor_id = :s
                           AND NOT EXISTS (SELECT 1 FROM org_unit_version v
                                            WHERE v.unit_id = s.predecessor_id AND v.valid @> CAST(:today AS date))
                        """)
                .param("s", successor)
                .param("today", Indicators.today())
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getBoolean(2), rs.getLong(3)})
                .list();
        boolean stoodBefore =
                jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM org_unit_version WHERE unit_id = :s
                                          AND (lower(valid) IS NULL OR lower(valid) < DATE '2025-07-01'))
                        """).param("s", successor).query(Boolean.class).single();
        BigDecimal expected = BigDecimal.ZERO;
        if (stoodBefore) {
            target(code, successor, null, "500");
            expected = new BigDecimal("500");
        }
        for (var f : feeders) {
            target(code, (Long) f[0], null, "1200");
            BigDecimal share = (Boolean) f[1]
                    ? BigDecimal.ONE
                    : BigDecimal.ONE.divide(BigDecimal.valueOf((Long) f[2]), MathContext.DECIMAL64);
            expected = expected.add(share.multiply(new BigDecimal("1200")));
        }
        assertThat(feeders).as("a partial share among them").anyMatch(f -> !(Boolean) f[1]);
        var t = termTarget(achievement(code, successor, "as_now"));
        assertThat(t.get("target")).as(t.toString()).isNotNull();
        assertThat(number(t, "target").doubleValue()).isCloseTo(expected.doubleValue(), within(1e-5));
        assertThat(t).containsEntry("targetEstimate", true).containsEntry("status", "no_data");
        assertThat((List<?>) t.get("targetFrom")).hasSize(feeders.size() + (stoodBefore ? 1 : 0));
    }

    @Test
    void theDemoIncomeIsProjectedAsGrowthAndHasNoTargetToMeet() {
        var report = achievement("thu-nhap-binh-quan", province(jdbc, "Lạng Sơn", Indicators.today()), "as_was");
        assertThat(report).containsEntry("trend", "compound").containsEntry("betterWhen", "higher");
        assertThat(list(report, "series"))
                .singleElement()
                .satisfies(i -> assertThat(number(i, "value")).isEqualByComparingTo("49.26"));
        assertThat(list(report, "targets")).isEmpty();
        var rank = achievement("xep-hang-pci", province(jdbc, "Lạng Sơn", Indicators.today()), "as_was");
        assertThat(rank).containsEntry("betterWhen", "lower").containsEntry("trend", "linear");
    }

    @Test
    void outOfScopeReadersFindNothingAndOnlyOfficesSetTheTrend() {
        String code = "ho-ngheo-pham-vi-it-ach";
        indicator(code, "sum", "lower", "hộ");
        long langSon = province(jdbc, "Lạng Sơn", Indicators.today());
        String achievement = "/api/indicators/" + code + "/achievement?term=2020-2025&unit=" + langSon;
        assertThat(call(HttpMethod.GET, "mongcai1", achievement, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(call(HttpMethod.GET, null, achievement, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(call(
                                HttpMethod.GET,
                                "quangninh",
                                "/api/indicators/" + code + "/ranking?period=2024&parent=" + langSon,
                                Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        var whole = call(HttpMethod.GET, "quangninh", "/api/indicators/" + code + "/ranking?period=2024", Map.of());
        assertThat(whole.getStatusCode().value()).isEqualTo(400);
        assertThat(whole.getBody()).containsEntry("field", "parent");
        // Quảng Ninh's own communes are ranked for its office
        assertThat(ok(
                        "quangninh",
                        "/api/indicators/" + code + "/ranking?period=2024&view=as_now&parent="
                                + province(jdbc, "Quảng Ninh", Indicators.today())))
                .containsEntry("level", "commune");

        assertThat(call(HttpMethod.PUT, "mongcai1", "/api/indicators/" + code + "/trend", Map.of("trend", "compound"))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        var bad = call(HttpMethod.PUT, "admin", "/api/indicators/" + code + "/trend", Map.of("trend", "cubic"));
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).containsEntry("field", "trend");

        for (var e : Map.of(
                        achievement.replace("term=2020-2025&", ""),
                        "term",
                        achievement.replace("2020-2025", "2021-2026"),
                        "term",
                        achievement + "&view=today",
                        "view",
                        "/api/indicators/" + code + "/ranking?parent=" + langSon,
                        "period",
                        "/api/indicators/" + code + "/ranking?period=2024-Q1&parent=" + langSon,
                        "period",
                        "/api/indicators/" + code + "/ranking?period=2024&by=size&parent=" + langSon,
                        "by",
                        "/api/indicators/" + code + "/ranking?period=2014&by=achievement&parent=" + langSon,
                        "term")
                .entrySet()) {
            var r = call(HttpMethod.GET, "admin", e.getKey(), Map.of());
            assertThat(r.getStatusCode().value()).as(e.getKey()).isEqualTo(400);
            assertThat(r.getBody()).as(e.getKey()).containsEntry("field", e.getValue());
        }
    }

    private Map<String, Object> comparison(String code, String term, long unit, String view) {
        return ok(
                "admin",
                "/api/indicators/" + code + "/term-comparison?term=" + term + "&view=" + view + "&unit=" + unit);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> body, String key) {
        return (Map<String, Object>) body.get(key);
    }

    @Test
    void aTermIsComparedWithTheOneBeforeItAsItWasAndWithMergedProvincesAsItIsNow() {
        String code = "ho-ngheo-so-sanh-it-ach";
        indicator(code, "sum", "lower", "hộ");
        long bacGiang = province(jdbc, "Bắc Giang", LAST_DAY);
        long bacNinhOld = province(jdbc, "Bắc Ninh", LAST_DAY);
        long bacNinhNow = province(jdbc, "Bắc Ninh");
        values(code, bacGiang, "2018=2000", "2020=1600", "2022=1300", "2024=1100");
        values(code, bacNinhOld, "2019=1000", "2020=900", "2024=700");
        values(code, bacNinhNow, "2026=1650");
        target(code, "2015-2020", bacGiang, null, "1500");
        target(code, bacGiang, null, "1000");
        target(code, bacNinhOld, null, "800");
        target(code, "2025-2030", bacNinhNow, null, "1500");

        // as it was: old Bắc Giang's 2020 (the end of 2015-2020) against its 2024, 2025 not yet in
        var was = comparison(code, "2020-2025", bacGiang, "as_was");
        assertThat(was).containsEntry("betterWhen", "lower").containsEntry("view", "as_was");
        var then = map(was, "previous");
        var now = map(was, "term");
        assertThat(then).containsEntry("term", "2015-2020").containsEntry("period", "2020");
        assertThat(number(then, "value")).isEqualByComparingTo("1600");
        assertThat(now).containsEntry("term", "2020-2025").containsEntry("period", "2024");
        assertThat(number(now, "value")).isEqualByComparingTo("1100");
        // each term's targets are those the achievement API assesses, status and all
        assertThat(list(then, "targets"))
                .isEqualTo(list(achievement(code, "2015-2020", bacGiang, "as_was"), "targets"));
        assertThat(list(now, "targets")).isEqualTo(list(achievement(code, bacGiang, "as_was"), "targets"));
        assertThat(list(then, "targets"))
                .singleElement()
                .satisfies(
                        t -> assertThat(t).containsEntry("status", "off_track").containsEntry("lastPeriod", "2020"));
        var change = map(was, "change");
        assertThat(number(change, "absolute")).isEqualByComparingTo("-500");
        assertThat(number(change, "relative")).isEqualByComparingTo("-0.3125");
        assertThat(change).containsEntry("direction", "better");

        // as it is now: today's Bắc Ninh, made of both in the 2025 reform, beside what they were in 2020-2025
        var merged = comparison(code, "2025-2030", bacNinhNow, "as_now");
        var before = map(merged, "previous");
        assertThat(before).containsEntry("term", "2020-2025").containsEntry("period", "2024");
        assertThat(number(before, "value")).isEqualByComparingTo("1800");
        assertThat(list(before, "targets")).singleElement().satisfies(t -> {
            assertThat(number(t, "target")).isEqualByComparingTo("1800");
            assertThat(t).containsEntry("status", "achieved");
        });
        assertThat(list(before, "targets")).isEqualTo(list(achievement(code, bacNinhNow, "as_now"), "targets"));
        var after = map(merged, "term");
        assertThat(number(after, "value")).isEqualByComparingTo("1650");
        assertThat(list(after, "targets"))
                .singleElement()
                .satisfies(t -> assertThat(number(t, "target")).isEqualByComparingTo("1500"));
        var worse = map(merged, "change");
        assertThat(number(worse, "absolute")).isEqualByComparingTo("-150");
        assertThat(number(worse, "relative")).isEqualByComparingTo("-0.083333");
        assertThat(worse).containsEntry("direction", "better");

        // as it was, today's Bắc Ninh did not exist in 2020-2025: nothing to compare with
        var newUnit = comparison(code, "2025-2030", bacNinhNow, "as_was");
        assertThat(map(newUnit, "previous").get("value")).isNull();
        assertThat(newUnit.get("change")).isNull();
    }

    @Test
    void theDemoComparesLangSonsWaterAndLaoCaisSharedYear() {
        long langSon = province(jdbc, "Lạng Sơn");
        var water = comparison("nuoc-hop-ve-sinh-nong-thon", "2020-2025", langSon, "as_was");
        assertThat(number(map(water, "previous"), "value")).isEqualByComparingTo("95");
        assertThat(number(map(water, "term"), "value")).isEqualByComparingTo("98");
        assertThat(map(water, "change")).containsEntry("direction", "better");
        assertThat(number(map(water, "change"), "absolute")).isEqualByComparingTo("3");
        // the rank rose from nowhere: no figure before 2023, so no change
        var pci = comparison("xep-hang-pci", "2020-2025", langSon, "as_was");
        assertThat(pci.get("change")).isNull();
        assertThat(map(pci, "previous").get("period")).isNull();

        // Lào Cai city's only figure is of 2020, the year both terms hold: no change, and a note says why
        long laoCaiCity = standing(jdbc, "district", "Lào Cai", LAST_DAY);
        var shared = comparison("thu-ngan-sach", "2020-2025", laoCaiCity, "as_was");
        assertThat(map(shared, "term")).containsEntry("period", "2020");
        assertThat(map(shared, "previous")).containsEntry("period", "2020");
        assertThat(shared.get("change")).isNull();
        assertThat(list(shared, "notes").toString()).contains("2020");
    }

    @Test
    void aTermComparisonIsHeldToTheReadersScopeAndNamesBadInput() {
        long langSon = province(jdbc, "Lạng Sơn");
        String uri = "/api/indicators/nuoc-hop-ve-sinh-nong-thon/term-comparison?term=2020-2025&unit=" + langSon;
        assertThat(call(HttpMethod.GET, "mongcai1", uri, Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(call(HttpMethod.GET, "admin", uri.replace("nuoc-hop-ve-sinh-nong-thon", "khong-co"), Map.of())
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        for (var e : Map.of(
                        uri.replace("2020-2025", "2015-2020"),
                        "term",
                        uri.replace("term=2020-2025&", ""),
                        "term",
                        uri.replace("2020-2025", "2021-2026"),
                        "term",
                        uri.replace("&unit=" + langSon, ""),
                        "unit",
                        uri + "&view=today",
                        "view",
                        uri.replace("unit=" + langSon, "unit=" + province(jdbc, "Bắc Giang", LAST_DAY))
                                + "&view=as_now",
                        "unit")
                .entrySet()) {
            var r = call(HttpMethod.GET, "admin", e.getKey(), Map.of());
            assertThat(r.getStatusCode().value()).as(e.getKey()).isEqualTo(400);
            assertThat(r.getBody()).as(e.getKey()).containsEntry("field", e.getValue());
        }
    }
}
