package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mandate.indicator.Apportioning.Link;
import org.mandate.indicator.Apportioning.Part;

class ApportioningTest {
    private static final LocalDate REFORM = LocalDate.of(2025, 7, 1);

    private static Link full(long from, long to) {
        return new Link(from, to, REFORM, true, null);
    }

    private static Link partial(long from, long to, String weight) {
        return new Link(from, to, REFORM, false, weight == null ? null : new BigDecimal(weight));
    }

    @Test
    void aStandingUnitKeepsItsFigure() {
        var a = new Apportioning(List.of(full(1, 2)), Set.of(1L, 2L));
        assertThat(a.carry(1)).containsExactly(new Part(1, BigDecimal.ONE, true));
    }

    @Test
    void aFullShareCarriesTheWholeFigureExactlyAlongAChain() {
        var a = new Apportioning(List.of(full(1, 2), new Link(2, 3, REFORM.plusYears(1), true, null)), Set.of(3L));
        assertThat(a.carry(1)).containsExactly(new Part(3, BigDecimal.ONE, true));
    }

    @Test
    void partialSharesSplitEquallyWithoutWeightsAndAreEstimates() {
        var a = new Apportioning(
                List.of(partial(1, 10, null), partial(1, 11, null), partial(1, 12, null)), Set.of(10L, 11L, 12L));
        var parts = a.carry(1);
        assertThat(parts).extracting(Part::unitId).containsExactly(10L, 11L, 12L);
        assertThat(parts).allMatch(p -> !p.exact());
        assertThat(parts.stream().map(Part::fraction).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1");
    }

    @Test
    void partialSharesFollowTheirWeightsWhenEveryOneHasOne() {
        var weighted = new Apportioning(List.of(partial(1, 10, "0.3"), partial(1, 11, "0.6")), Set.of(10L, 11L));
        assertThat(weighted.carry(1))
                .extracting(p -> p.fraction().stripTrailingZeros().toPlainString())
                .containsExactly("0.3333333333333333", "0.6666666666666667");
        // one weight missing: equal shares rather than a guess at the other's
        var mixed = new Apportioning(List.of(partial(1, 10, "0.3"), partial(1, 11, null)), Set.of(10L, 11L));
        assertThat(mixed.carry(1))
                .extracting(p -> p.fraction().stripTrailingZeros().toPlainString())
                .containsExactly("0.5", "0.5");
    }

    @Test
    void aDistrictSplitBetweenCommunesThatMergeAgainAddsUp() {
        // 1 split into 10 and 11; 11 later merged wholly into 10
        var a = new Apportioning(
                List.of(partial(1, 10, null), partial(1, 11, null), new Link(11, 10, REFORM.plusYears(1), true, null)),
                Set.of(10L));
        assertThat(a.carry(1)).singleElement().satisfies(p -> {
            assertThat(p.unitId()).isEqualTo(10);
            assertThat(p.fraction()).isEqualByComparingTo("1");
            assertThat(p.exact()).isFalse();
        });
    }

    @Test
    void aUnitThatEndedWithoutSuccessorLeadsNowhereAndNothingIsInvented() {
        var a = new Apportioning(List.of(partial(1, 10, null), partial(1, 11, null)), Set.of(10L));
        assertThat(a.carry(1)).singleElement().satisfies(p -> {
            assertThat(p.unitId()).isEqualTo(10);
            assertThat(p.fraction()).isEqualByComparingTo("0.5");
        });
        assertThat(new Apportioning(List.of(), Set.of()).carry(5)).isEmpty();
    }

    @Test
    void onlyTheSuccessionsOfTheLastDayCount() {
        var a = new Apportioning(
                List.of(new Link(1, 9, REFORM.minusYears(3), true, null), full(1, 10)), Set.of(9L, 10L));
        assertThat(a.carry(1)).extracting(Part::unitId).containsExactly(10L);
    }
}
