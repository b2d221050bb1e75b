package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Units.communes;
import static org.mandate.support.Units.province;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mandate.access.Scopes;
import org.mandate.indicator.internal.RollUpPlaces;
import org.mandate.indicator.internal.RollUpReady;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The roll-ups kept ready (V16): a whole-country read of the provinces gives the same figures
 * whether it is served from them or computed, and a roll-up kept ready is used only while it is
 * current: values, weights, states or places changed since make the read compute it again. To see
 * which path served a read, the test alters a kept roll-up's figures (the product never does): a
 * read that returns the altered figure was served from it.
 */
@MandateIT
class RollUpReadyIT {
    private static final String LAST_DAY = "2025-06-30";

    @Autowired
    Indicators indicators;

    @Autowired
    IndicatorCatalogue catalogue;

    @Autowired
    RollUpReady ready;

    @Autowired
    RollUpPlaces places;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    private AutoCloseable system;

    @BeforeEach
    void asSystem() {
        system = Scopes.asSystem("test");
    }

    @AfterEach
    void done() throws Exception {
        system.close();
    }

    private void create(String code, Rollup rollup, String weight) {
        catalogue.create(new NewIndicator(
                code, "Chỉ tiêu " + code, null, "người", "higher", PeriodType.YEAR, rollup, weight, null));
    }

    /** Every commune of the province (standing on 30 June 2025) reports a figure for 2024. */
    private List<Long> enter(String code, String province, int salt) {
        var communes = communes(jdbc, province(jdbc, province, LAST_DAY), LAST_DAY);
        var values = new ArrayList<NewValue>();
        for (long c : communes) {
            values.add(new NewValue(c, "2024", BigDecimal.valueOf(c % 89 + salt, 1), null));
        }
        return indicators.enter(code, values);
    }

    private ValueSeries provinces(String code, View view) {
        return indicators.values(code, null, true, "2024", "2024", view, 1);
    }

    private int keptReady(String code) {
        return jdbc.sql("""
                        SELECT count(*) FROM indicator_rollup_ready r JOIN indicator i ON i.id = r.indicator_id
                         WHERE i.code = :code
                        """).param("code", code).query(Integer.class).single();
    }

    /** Alters the kept figures of the indicator: every province's total becomes 777 (a sum). */
    private void alterKept(String code) {
        jdbc.sql("""
                        UPDATE indicator_rollup_ready r
                           SET groups = (SELECT jsonb_agg(jsonb_set(g, '{total}', CAST('777' AS jsonb)))
                                           FROM jsonb_array_elements(r.groups) g)
                          FROM indicator i WHERE i.id = r.indicator_id AND i.code = :code
                        """).param("code", code).update();
    }

    private static boolean allAltered(ValueSeries series) {
        return !series.items().isEmpty()
                && series.items().stream()
                        .allMatch(i -> i.value() != null && i.value().compareTo(new BigDecimal("777")) == 0);
    }

    @Test
    void theProvincesReadTheSameFromTheRollUpsKeptReadyAsComputed() {
        create("ready-dan-so", Rollup.SUM, null);
        create("ready-thu-nhap", Rollup.WEIGHTED_AVERAGE, "ready-dan-so");
        // Hà Giang: five communes were split between two new ones (estimates as it is now); Bắc
        // Ninh's whole; one commune of Bắc Ninh without its population, so its province's average is
        // missing and the notes name it
        for (String province : List.of("Hà Giang", "Bắc Ninh")) {
            enter("ready-thu-nhap", province, 300);
        }
        var people = enter("ready-dan-so", "Hà Giang", 10);
        var bacNinh = enter("ready-dan-so", "Bắc Ninh", 10);
        assertThat(people).isNotEmpty();
        assertThat(bacNinh).hasSizeGreaterThan(1);
        // (values are never deleted by Mandate: a test may, to leave one weight missing)
        jdbc.sql("DELETE FROM indicator_value WHERE id = :id")
                .param("id", bacNinh.getFirst())
                .update();

        var computed = new ArrayList<ValueSeries>();
        for (String code : List.of("ready-dan-so", "ready-thu-nhap")) {
            for (View view : View.values()) {
                computed.add(provinces(code, view));
            }
        }
        assertThat(keptReady("ready-dan-so")).isZero();
        var filled = ready.fillAll();
        assertThat(filled.periods()).isGreaterThanOrEqualTo(4);
        assertThat(keptReady("ready-dan-so")).isEqualTo(2);
        assertThat(keptReady("ready-thu-nhap")).isEqualTo(2);
        var served = new ArrayList<ValueSeries>();
        for (String code : List.of("ready-dan-so", "ready-thu-nhap")) {
            for (View view : View.values()) {
                served.add(provinces(code, view));
            }
        }
        assertThat(served).isEqualTo(computed);
        // the average of Bắc Ninh's province cannot be computed without that weight, in either path
        assertThat(computed.get(2).notes()).singleElement().asString().contains("ready-dan-so");
        assertThat(computed.get(2).items()).anyMatch(i -> i.value() == null);
        // the figures are there: the sums of both views add up the same, some parts estimated
        assertThat(computed.get(0).items()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(computed.get(1).items()).anyMatch(ValueItem::estimate);
        assertThat(computed.get(0).items().stream().map(ValueItem::value).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(computed.get(1).items().stream()
                        .map(ValueItem::value)
                        .reduce(BigDecimal.ZERO, BigDecimal::add));
        // a second fill has nothing left to do
        assertThat(ready.fillAll().periods()).isZero();
    }

    @Test
    void aRollUpKeptReadyServesReadsOnlyWhileItsValuesWeightsAndPlacesStand() {
        create("ready-ho-ngheo", Rollup.SUM, null);
        var ids = enter("ready-ho-ngheo", "Tuyên Quang", 20);
        var computed = provinces("ready-ho-ngheo", View.AS_NOW);
        ready.fillAll();
        alterKept("ready-ho-ngheo");
        assertThat(allAltered(provinces("ready-ho-ngheo", View.AS_NOW)))
                .as("served from the roll-up kept ready")
                .isTrue();
        assertThat(allAltered(provinces("ready-ho-ngheo", View.AS_WAS))).isTrue();

        // a value submitted: its state is part of the figure, so the kept roll-up is no longer current
        indicators.submit("ready-ho-ngheo", ids.getFirst());
        var afterSubmit = provinces("ready-ho-ngheo", View.AS_NOW);
        assertThat(allAltered(afterSubmit)).isFalse();
        assertThat(afterSubmit.items().stream().map(ValueItem::value).toList())
                .isEqualTo(computed.items().stream().map(ValueItem::value).toList());

        // filled again, then a correction: read as computed again, with the corrected value
        ready.fillAll();
        alterKept("ready-ho-ngheo");
        assertThat(allAltered(provinces("ready-ho-ngheo", View.AS_NOW))).isTrue();
        indicators.correct("ready-ho-ngheo", ids.get(1), new BigDecimal("100000"), "sửa số liệu");
        var corrected = provinces("ready-ho-ngheo", View.AS_NOW);
        assertThat(allAltered(corrected)).isFalse();
        assertThat(total(corrected)).isGreaterThan(total(computed));

        // the places rebuilt (a restructuring): the kept roll-ups go with them
        ready.fillAll();
        alterKept("ready-ho-ngheo");
        assertThat(allAltered(provinces("ready-ho-ngheo", View.AS_NOW))).isTrue();
        tx.executeWithoutResult(s -> places.rebuild(Indicators.today()));
        assertThat(keptReady("ready-ho-ngheo")).isZero();
        assertThat(provinces("ready-ho-ngheo", View.AS_NOW)).isEqualTo(corrected);
    }

    @Test
    void aWeightCorrectedMakesTheAverageKeptReadyComputedAgain() {
        create("ready-nguoi", Rollup.SUM, null);
        create("ready-luong", Rollup.WEIGHTED_AVERAGE, "ready-nguoi");
        enter("ready-luong", "Lạng Sơn", 500);
        enter("ready-nguoi", "Lạng Sơn", 40);
        ready.fillAll();
        jdbc.sql("""
                        UPDATE indicator_rollup_ready r
                           SET groups = (SELECT jsonb_agg(jsonb_set(jsonb_set(g, '{weighted}', CAST('777' AS jsonb)),
                                                                    '{weights}', CAST('1' AS jsonb)))
                                           FROM jsonb_array_elements(r.groups) g)
                          FROM indicator i WHERE i.id = r.indicator_id AND i.code = 'ready-luong'
                        """).update();
        assertThat(allAltered(provinces("ready-luong", View.AS_WAS))).isTrue();
        // a weight corrected: the average's own values did not change, its weights did
        var weights = jdbc.sql("""
                        SELECT v.id FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
                         WHERE i.code = 'ready-nguoi' AND v.superseded_by IS NULL ORDER BY v.id LIMIT 1
                        """).query(Long.class).single();
        indicators.correct("ready-nguoi", weights, new BigDecimal("123456"), null);
        assertThat(allAltered(provinces("ready-luong", View.AS_WAS))).isFalse();
    }

    /** Only the top level of a whole-country read is kept: a read of a unit's subtree is computed. */
    @Test
    void aReadOfOneProvinceIsAlwaysComputed() {
        create("ready-tinh", Rollup.SUM, null);
        enter("ready-tinh", "Cao Bằng", 30);
        ready.fillAll();
        alterKept("ready-tinh");
        assertThat(allAltered(provinces("ready-tinh", View.AS_WAS))).isTrue();
        long caoBang = province(jdbc, "Cao Bằng", LAST_DAY);
        var subtree = indicators.values("ready-tinh", caoBang, true, "2024", "2024", View.AS_WAS, 1);
        assertThat(subtree.items()).isNotEmpty().noneMatch(i -> i.value().compareTo(new BigDecimal("777")) == 0);
        var twoLevels = indicators.values("ready-tinh", null, true, "2024", "2024", View.AS_WAS, 2);
        assertThat(twoLevels.items()).noneMatch(i -> i.value().compareTo(new BigDecimal("777")) == 0);
    }

    private static BigDecimal total(ValueSeries series) {
        return series.items().stream().map(ValueItem::value).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
