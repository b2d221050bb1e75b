package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergedTargetsTest {
    private static final Apportioning.Part WHOLE = new Apportioning.Part(1, BigDecimal.ONE, true);
    private static final Apportioning.Part HALF = new Apportioning.Part(1, new BigDecimal("0.5"), false);

    @Test
    void withNothingMergedInTheUnitsOwnTargetStands() {
        var c = MergedTargets.combine(Rollup.NONE, 1, new BigDecimal("100"), true, Map.of(), Map.of());
        assertThat(c.value()).isEqualByComparingTo("100");
        assertThat(c.from()).containsExactly(1L);
    }

    @Test
    void aSumAddsTheTargetsOfWhatWasMergedInAndItsOwn() {
        var c = MergedTargets.combine(
                Rollup.SUM,
                1,
                new BigDecimal("100"),
                true,
                Map.of(2L, WHOLE, 3L, HALF),
                Map.of(2L, new BigDecimal("40"), 3L, new BigDecimal("30")));
        assertThat(c.value()).isEqualByComparingTo("155");
        assertThat(c.estimate()).isTrue();
        assertThat(c.from()).containsExactly(1L, 2L, 3L);
        // a unit established by the merger has no figures of its own before it: its own target is not added
        var established = MergedTargets.combine(
                Rollup.SUM, 1, new BigDecimal("999"), false, Map.of(2L, WHOLE), Map.of(2L, new BigDecimal("40")));
        assertThat(established.value()).isEqualByComparingTo("40");
        assertThat(established.estimate()).isFalse();
    }

    @Test
    void aMissingTargetOrARuleThatDoesNotAddUpIsNotComparable() {
        var missing =
                MergedTargets.combine(Rollup.SUM, 1, null, true, Map.of(2L, WHOLE), Map.of(2L, new BigDecimal("40")));
        assertThat(missing.value()).isNull();
        assertThat(missing.notComparable()).contains("[1]");
        // its own target alone does not measure figures that now include the merged unit's
        var ownOnly = MergedTargets.combine(Rollup.SUM, 1, new BigDecimal("100"), true, Map.of(2L, WHOLE), Map.of());
        assertThat(ownOnly.value()).isNull();
        assertThat(ownOnly.notComparable()).contains("[2]");
        var rate = MergedTargets.combine(
                Rollup.WEIGHTED_AVERAGE,
                1,
                new BigDecimal("90"),
                true,
                Map.of(2L, WHOLE),
                Map.of(2L, new BigDecimal("80")));
        assertThat(rate.value()).isNull();
        assertThat(rate.notComparable()).contains("does not add up");
        var none = MergedTargets.combine(Rollup.SUM, 1, null, false, Map.of(2L, WHOLE), Map.of());
        assertThat(none.value()).isNull();
        assertThat(none.notComparable())
                .as("no target anywhere: nothing to compare")
                .isNull();
    }

    @Test
    void aRankKeepsItsOwnTargetForTheFiguresOfMergedUnitsAreNotCarried() {
        var rank = MergedTargets.combine(
                Rollup.NONE, 1, new BigDecimal("10"), true, Map.of(2L, WHOLE), Map.of(2L, new BigDecimal("20")));
        assertThat(rank.value()).isEqualByComparingTo("10");
        assertThat(rank.from()).containsExactly(1L);
    }
}
