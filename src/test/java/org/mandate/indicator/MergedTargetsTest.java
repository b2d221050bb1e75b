package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MergedTargetsTest {
    private static final Apportioning.Part WHOLE = new Apportioning.Part(1, BigDecimal.ONE, true);
    private static final Apportioning.Part HALF = new Apportioning.Part(1, new BigDecimal("0.5"), false);

    @Test
    void withNothingMergedInTheUnitsOwnTargetStands() {
        var c = MergedTargets.combine(Rollup.NONE, 1, new BigDecimal("100"), true, Map.of(), Map.of(), Map.of());
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
                Map.of(2L, new BigDecimal("40"), 3L, new BigDecimal("30")),
                Map.of());
        assertThat(c.value()).isEqualByComparingTo("155");
        assertThat(c.estimate()).isTrue();
        assertThat(c.from()).containsExactly(1L, 2L, 3L);
        // a unit established by the merger has no figures of its own before it: its own target is not added
        var established = MergedTargets.combine(
                Rollup.SUM,
                1,
                new BigDecimal("999"),
                false,
                Map.of(2L, WHOLE),
                Map.of(2L, new BigDecimal("40")),
                Map.of());
        assertThat(established.value()).isEqualByComparingTo("40");
        assertThat(established.estimate()).isFalse();
    }

    @Test
    void aMissingTargetIsNotComparable() {
        var missing = MergedTargets.combine(
                Rollup.SUM, 1, null, true, Map.of(2L, WHOLE), Map.of(2L, new BigDecimal("40")), Map.of());
        assertThat(missing.value()).isNull();
        assertThat(missing.notComparable()).contains("[1]");
        // its own target alone does not measure figures that now include the merged unit's
        var ownOnly = MergedTargets.combine(
                Rollup.SUM, 1, new BigDecimal("100"), true, Map.of(2L, WHOLE), Map.of(), Map.of());
        assertThat(ownOnly.value()).isNull();
        assertThat(ownOnly.notComparable()).contains("[2]");
        var none = MergedTargets.combine(Rollup.SUM, 1, null, false, Map.of(2L, WHOLE), Map.of(), Map.of());
        assertThat(none.value()).isNull();
        assertThat(none.notComparable())
                .as("no target anywhere: nothing to compare")
                .isNull();
    }

    @Test
    void aRankKeepsItsOwnTargetForTheFiguresOfMergedUnitsAreNotCarried() {
        var rank = MergedTargets.combine(
                Rollup.NONE,
                1,
                new BigDecimal("10"),
                true,
                Map.of(2L, WHOLE),
                Map.of(2L, new BigDecimal("20")),
                Map.of());
        assertThat(rank.value()).isEqualByComparingTo("10");
        assertThat(rank.from()).containsExactly(1L);
    }

    @Test
    void anAverageWeighsEachTargetByItsUnitsWeightAndTheShareCarried() {
        // its own 90 weighed 1000, all of unit 2 (80, weighed 3000) and half of unit 3 (70, weighed 2000)
        var c = MergedTargets.combine(
                Rollup.WEIGHTED_AVERAGE,
                1,
                new BigDecimal("90"),
                true,
                Map.of(2L, WHOLE, 3L, HALF),
                Map.of(2L, new BigDecimal("80"), 3L, new BigDecimal("70")),
                Map.of(1L, new BigDecimal("1000"), 2L, new BigDecimal("3000"), 3L, new BigDecimal("2000")));
        // (90 × 1000 + 80 × 3000 + 70 × 1000) / 5000
        assertThat(c.value()).isEqualByComparingTo("80");
        assertThat(c.estimate()).as("weights shift over a term").isTrue();
        assertThat(c.from()).containsExactly(1L, 2L, 3L);
        // established by the merger: its own target and weight are not looked at
        var established = MergedTargets.combine(
                Rollup.WEIGHTED_AVERAGE,
                1,
                new BigDecimal("999"),
                false,
                Map.of(2L, WHOLE, 3L, WHOLE),
                Map.of(2L, new BigDecimal("60"), 3L, new BigDecimal("65")),
                Map.of(2L, new BigDecimal("1900000"), 3L, new BigDecimal("1500000")));
        assertThat(established.value()).isEqualByComparingTo("62.205882");
        assertThat(established.estimate()).isTrue();
        assertThat(established.from()).containsExactly(2L, 3L);
    }

    @Test
    void anAverageNeedsEveryTargetAndEveryWeight() {
        var targets = Map.of(2L, new BigDecimal("80"), 3L, new BigDecimal("70"));
        var noWeight = MergedTargets.combine(
                Rollup.WEIGHTED_AVERAGE,
                1,
                new BigDecimal("90"),
                true,
                Map.of(2L, WHOLE, 3L, HALF),
                targets,
                Map.of(2L, new BigDecimal("3000")));
        assertThat(noWeight.value()).isNull();
        assertThat(noWeight.notComparable()).contains("units [1, 3] have no figure of the weight");
        assertThat(noWeight.notComparable()).doesNotContain("no target");
        var noTarget = MergedTargets.combine(
                Rollup.WEIGHTED_AVERAGE,
                1,
                null,
                true,
                Map.of(2L, WHOLE, 3L, HALF),
                Map.of(2L, new BigDecimal("80")),
                Map.of(1L, BigDecimal.ONE, 2L, BigDecimal.ONE));
        assertThat(noTarget.notComparable())
                .contains("units [1, 3] have no target for the term")
                .contains("units [3] have no figure of the weight");
        var zero = MergedTargets.combine(
                Rollup.WEIGHTED_AVERAGE,
                1,
                null,
                false,
                Map.of(2L, WHOLE, 3L, HALF),
                targets,
                Map.of(2L, BigDecimal.ZERO, 3L, BigDecimal.ZERO));
        assertThat(zero.value()).isNull();
        assertThat(zero.notComparable()).contains("add up to 0");
    }

    @Property
    void anAverageOfTargetsLiesBetweenTheLeastAndTheGreatest(
            @ForAll @Size(min = 2, max = 6) List<@IntRange(min = 0, max = 1_000_000) Integer> targets,
            @ForAll @Size(min = 6, max = 6) List<@IntRange(min = 1, max = 10_000_000) Integer> weights,
            @ForAll @Size(min = 6, max = 6) List<@IntRange(min = 1, max = 1000) Integer> thousandths,
            @ForAll boolean ownCounts) {
        var carried = new HashMap<Long, Apportioning.Part>();
        var byUnit = new HashMap<Long, BigDecimal>();
        var weightOf = new HashMap<Long, BigDecimal>();
        // unit 0 is the unit itself: its target is the first
        for (int i = 0; i < targets.size(); i++) {
            long unit = i;
            BigDecimal target = BigDecimal.valueOf(targets.get(i), 2);
            weightOf.put(unit, BigDecimal.valueOf(weights.get(i)));
            if (i > 0) {
                byUnit.put(unit, target);
                carried.put(unit, new Apportioning.Part(0, BigDecimal.valueOf(thousandths.get(i), 3), false));
            }
        }
        BigDecimal own = BigDecimal.valueOf(targets.getFirst(), 2);
        var c = MergedTargets.combine(Rollup.WEIGHTED_AVERAGE, 0, own, ownCounts, carried, byUnit, weightOf);
        var counted = new ArrayList<>(byUnit.values());
        if (ownCounts) {
            counted.add(own);
        }
        assertThat(c.value()).isNotNull();
        assertThat(c.value()).isBetween(Collections.min(counted), Collections.max(counted));
        assertThat(c.estimate()).isTrue();
    }
}
