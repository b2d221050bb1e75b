package org.mandate.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mandate.indicator.Indicator;
import org.mandate.indicator.Period;
import org.mandate.indicator.PeriodType;
import org.mandate.indicator.RollUp.Figure;
import org.mandate.indicator.Rollup;
import org.mandate.indicator.ValueState;
import org.mandate.indicator.internal.RollUpQuery.Group;

/**
 * The groups of the roll-up's GROUP BY made figures by the indicator's rule (the rules the SQL
 * leaves to Java); the sums over each level of a subtree are checked on the database by
 * IndicatorIT.
 */
class ValueReadsTest {
    private static final LocalDate Y2024 = LocalDate.parse("2024-01-01");
    private static final LocalDate Y2023 = LocalDate.parse("2023-01-01");

    private static Indicator indicator(Rollup rule) {
        return new Indicator(1, "x", "x", null, "hộ", "higher", PeriodType.YEAR, rule, null, null);
    }

    /** A node's group: its figures' count, sum, the one figure when alone, and the weights' sums. */
    private static Group group(
            @Nullable Long node,
            LocalDate period,
            int depth,
            long figures,
            @Nullable String total,
            @Nullable String weighted,
            @Nullable String weights,
            List<Long> unweighed,
            boolean estimate,
            ValueState state) {
        return new Group(
                node,
                period,
                depth,
                figures,
                total == null ? null : new BigDecimal(total),
                figures == 1 && total != null ? new BigDecimal(total) : null,
                weighted == null ? null : new BigDecimal(weighted),
                weights == null ? null : new BigDecimal(weights),
                unweighed,
                unweighed.size(),
                estimate,
                state.ordinal());
    }

    @Test
    void aSumIsTheGroupsTotalAndEachPeriodStaysApart() {
        var read = ValueReads.read(
                indicator(Rollup.SUM),
                List.of(
                        group(1L, Y2023, 1, 1, "10", null, null, List.of(), false, ValueState.APPROVED),
                        group(1L, Y2024, 1, 2, "11", null, null, List.of(), true, ValueState.DRAFT),
                        group(5L, Y2024, 2, 1, "10", null, null, List.of(), false, ValueState.APPROVED)),
                Map.of());
        assertThat(read.result().figures())
                .extracting(
                        f -> f.period().toString(),
                        Figure::unitId,
                        f -> f.value().intValue(),
                        Figure::estimate)
                .containsExactly(
                        tuple("2023", 1L, 10, false), tuple("2024", 1L, 11, true), tuple("2024", 5L, 10, false));
        assertThat(read.result().figures().get(1).state()).isEqualTo(ValueState.DRAFT);
    }

    @Test
    void aWeightedAverageWeighsEachFigureAndSaysWhichWeightIsMissing() {
        // district 2: communes 4 (60, weight 1000) and 5 (30, weight 2000); district 3: commune 6
        // alone (50, no weight); the province: all three, commune 6's weight missing
        var read = ValueReads.read(
                indicator(Rollup.WEIGHTED_AVERAGE),
                List.of(
                        group(2L, Y2024, 2, 2, "90", "120000", "3000", List.of(), false, ValueState.SUBMITTED),
                        group(3L, Y2024, 2, 1, "50", null, null, List.of(6L), false, ValueState.APPROVED),
                        group(1L, Y2024, 1, 3, "140", "120000", "3000", List.of(6L), false, ValueState.SUBMITTED)),
                Map.of());
        var byUnit = read.result().figures().stream().collect(Collectors.toMap(Figure::unitId, f -> f));
        assertThat(byUnit.get(2L).value()).isEqualByComparingTo("40");
        assertThat(byUnit.get(2L).state()).isEqualTo(ValueState.SUBMITTED);
        // one figure is its own average, weight or no weight
        assertThat(byUnit.get(3L).value()).isEqualByComparingTo("50");
        // no guess where a weight is missing
        assertThat(byUnit.get(1L).value()).isNull();
        assertThat(read.result().missingWeights()).containsEntry(Period.parse("2024"), Set.of(6L));
    }

    @Test
    void weightsThatAddUpToZeroGiveNoAverage() {
        var read = ValueReads.read(
                indicator(Rollup.WEIGHTED_AVERAGE),
                List.of(group(2L, Y2024, 2, 2, "90", "0", "0", List.of(), false, ValueState.APPROVED)),
                Map.of());
        assertThat(read.result().figures().getFirst().value()).isNull();
    }

    @Test
    void ruleNoneShowsOnlyAUnitsOwnFigureAndNamesTheNodesWithSeveral() {
        var read = ValueReads.read(
                indicator(Rollup.NONE),
                List.of(
                        group(1L, Y2024, 1, 1, "15", null, null, List.of(), false, ValueState.APPROVED),
                        group(2L, Y2024, 2, 2, "6", null, null, List.of(), false, ValueState.APPROVED)),
                Map.of());
        assertThat(read.result().figures())
                .extracting(
                        Figure::unitId,
                        f -> f.value() == null ? null : f.value().intValue())
                .containsExactly(tuple(1L, 15), tuple(2L, null));
        assertThat(read.result().uncombined()).containsEntry(Period.parse("2024"), Set.of(2L));
    }

    @Test
    void figuresThatCouldNotBeCarriedAreNotANode() {
        var read = ValueReads.read(
                indicator(Rollup.SUM),
                List.of(group(null, Y2024, 0, 3, "9", null, null, List.of(), true, ValueState.APPROVED)),
                Map.of(Period.parse("2024"), 3));
        assertThat(read.result().figures()).isEmpty();
        assertThat(read.notCarried()).containsEntry(Period.parse("2024"), 3);
    }
}
