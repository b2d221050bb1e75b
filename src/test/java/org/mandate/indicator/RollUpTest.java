package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.indicator.RollUp.Figure;
import org.mandate.indicator.RollUp.Placed;

class RollUpTest {
    private static final Period Y2024 = Period.parse("2024");
    private static final Period Y2023 = Period.parse("2023");

    private static Placed at(List<Long> path, String value) {
        return new Placed(path, Y2024, new BigDecimal(value), null, false, ValueState.APPROVED, path.getLast());
    }

    private static Placed at(List<Long> path, String value, String weight, ValueState state) {
        return new Placed(
                path,
                Y2024,
                new BigDecimal(value),
                weight == null ? null : new BigDecimal(weight),
                false,
                state,
                path.getLast());
    }

    // province 1 > districts 2, 3 > communes 4, 5 (under 2) and 6 (under 3)
    private static final List<Placed> HOUSEHOLDS =
            List.of(at(List.of(1L, 2L, 4L), "10"), at(List.of(1L, 2L, 5L), "5"), at(List.of(1L, 3L, 6L), "7"));

    @Test
    void aSumRollsUpEveryLevelOfTheSubtree() {
        var r = RollUp.of(Rollup.SUM, HOUSEHOLDS, 1L, true);
        assertThat(r.figures())
                .extracting(Figure::unitId, f -> f.value().intValue(), Figure::depth)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, 22, 1),
                        org.assertj.core.groups.Tuple.tuple(2L, 15, 2),
                        org.assertj.core.groups.Tuple.tuple(3L, 7, 2),
                        org.assertj.core.groups.Tuple.tuple(4L, 10, 3),
                        org.assertj.core.groups.Tuple.tuple(5L, 5, 3),
                        org.assertj.core.groups.Tuple.tuple(6L, 7, 3));
    }

    @Test
    void withoutSubtreeOnlyWhatWasPlacedAtTheUnitItself() {
        assertThat(RollUp.of(Rollup.SUM, HOUSEHOLDS, 1L, false).figures()).isEmpty();
        assertThat(RollUp.of(Rollup.SUM, HOUSEHOLDS, 4L, false).figures())
                .singleElement()
                .satisfies(f -> assertThat(f.value()).isEqualByComparingTo("10"));
        // a district's subtree: the district and its communes, nothing above or beside it
        assertThat(RollUp.of(Rollup.SUM, HOUSEHOLDS, 2L, true).figures())
                .extracting(Figure::unitId)
                .containsExactly(2L, 4L, 5L);
    }

    @Test
    void aWeightedAverageWeighsEachFigureAndSaysWhichWeightIsMissing() {
        var incomes = List.of(
                at(List.of(1L, 2L, 4L), "60", "1000", ValueState.APPROVED),
                at(List.of(1L, 2L, 5L), "30", "2000", ValueState.SUBMITTED),
                at(List.of(1L, 3L, 6L), "50", null, ValueState.APPROVED));
        var r = RollUp.of(Rollup.WEIGHTED_AVERAGE, incomes, 1L, true);
        var byUnit = r.figures().stream().collect(java.util.stream.Collectors.toMap(Figure::unitId, f -> f));
        assertThat(byUnit.get(2L).value()).isEqualByComparingTo("40");
        assertThat(byUnit.get(2L).state()).isEqualTo(ValueState.SUBMITTED);
        // district 3 has one figure: its average is that figure, weight or no weight
        assertThat(byUnit.get(3L).value()).isEqualByComparingTo("50");
        // the province needs commune 6's weight, which is missing: no guess
        assertThat(byUnit.get(1L).value()).isNull();
        assertThat(r.missingWeights()).containsEntry(Y2024, java.util.Set.of(6L));
    }

    @Test
    void ruleNoneShowsOnlyEachUnitsOwnFigure() {
        var ranks = List.of(at(List.of(1L), "15"), at(List.of(1L, 2L), "3"));
        var r = RollUp.of(Rollup.NONE, ranks, 1L, true);
        assertThat(r.figures())
                .extracting(Figure::unitId, f -> f.value().intValue())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1L, 15), org.assertj.core.groups.Tuple.tuple(2L, 3));
    }

    @Test
    void anEstimateAnywhereBelowMakesTheRollUpAnEstimateAndPeriodsStayApart() {
        var figures = List.of(
                new Placed(List.of(1L, 4L), Y2024, BigDecimal.ONE, null, true, ValueState.DRAFT, 9),
                new Placed(List.of(1L, 5L), Y2024, BigDecimal.TEN, null, false, ValueState.APPROVED, 5),
                new Placed(List.of(1L, 5L), Y2023, BigDecimal.TEN, null, false, ValueState.APPROVED, 5));
        var r = RollUp.of(Rollup.SUM, figures, null, true);
        assertThat(r.figures())
                .extracting(f -> f.period().toString(), Figure::unitId, Figure::estimate)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("2023", 1L, false),
                        org.assertj.core.groups.Tuple.tuple("2023", 5L, false),
                        org.assertj.core.groups.Tuple.tuple("2024", 1L, true),
                        org.assertj.core.groups.Tuple.tuple("2024", 4L, true),
                        org.assertj.core.groups.Tuple.tuple("2024", 5L, false));
    }
}
