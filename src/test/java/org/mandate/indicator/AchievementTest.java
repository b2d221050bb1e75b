package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.indicator.Achievement.Assessment;
import org.mandate.indicator.Achievement.Bounds;
import org.mandate.indicator.Achievement.Observed;
import org.mandate.indicator.Achievement.Status;
import org.mandate.indicator.Projection.Method;

class AchievementTest {
    private static final Period END = Period.parse("2025");

    /** Figures from 2020 on, one a year. */
    private static List<Observed> from2020(String... values) {
        var list = new ArrayList<Observed>();
        for (int i = 0; i < values.length; i++) {
            list.add(new Observed(new Period(PeriodType.YEAR, 2020 + i, 0), new BigDecimal(values[i]), false));
        }
        return list;
    }

    private static Assessment higher(String target, String... values) {
        return Achievement.assess(true, new BigDecimal(target), from2020(values), END, Method.LINEAR, Bounds.NONE);
    }

    private static Assessment lower(String target, String... values) {
        return Achievement.assess(false, new BigDecimal(target), from2020(values), END, Method.LINEAR, Bounds.NONE);
    }

    @Test
    void reachingTheTargetExactlyIsAchieved() {
        var a = higher("90", "80", "85", "90");
        assertThat(a.status()).isEqualTo(Status.ACHIEVED);
        assertThat(a.share()).isEqualByComparingTo("1");
        assertThat(a.projected()).isNull();
    }

    @Test
    void theProjectionDecidesBetweenOnTrackAtRiskAndOffTrack() {
        // 80, 82, 84 (2020-2022): the line reaches 90 in 2025
        assertThat(higher("90", "80", "82", "84").status()).isEqualTo(Status.ON_TRACK);
        assertThat(higher("90", "80", "82", "84").projected()).isEqualByComparingTo("90");
        // just above: 90 is 90/90.0001 of the target... at risk while at least 90% of it
        assertThat(higher("90.0001", "80", "82", "84").status()).isEqualTo(Status.AT_RISK);
        assertThat(higher("100", "80", "82", "84").status())
                .as("90 of 100: exactly 90%")
                .isEqualTo(Status.AT_RISK);
        assertThat(higher("100.0001", "80", "82", "84").status()).isEqualTo(Status.OFF_TRACK);
    }

    @Test
    void theLastPeriodsFigureClosesTheTarget() {
        var missed = higher("90", "80", "82", "84", "86", "88", "89");
        assertThat(missed.closed()).isTrue();
        assertThat(missed.status())
                .as("missed by a little, but nothing is left to project")
                .isEqualTo(Status.OFF_TRACK);
        assertThat(missed.projected()).isNull();
        assertThat(missed.share()).isEqualByComparingTo("0.988889");
    }

    @Test
    void lowerIsBetterTurnsTheShareAround() {
        // poor households 40 -> 30 -> 20: the line reaches 0 in 2024, and does not go below 0 for a count
        var a = Achievement.assess(
                false, new BigDecimal("5"), from2020("40", "30", "20"), END, Method.LINEAR, new Bounds(0.0, null));
        assertThat(a.status()).isEqualTo(Status.ON_TRACK);
        assertThat(a.projected()).isEqualByComparingTo("0");
        assertThat(a.share()).isEqualByComparingTo("0.25");
        // a rank: 15th against a target of 10th; stuck at 15 is 10/15 of the way: off track
        var rank = lower("10", "15", "15");
        assertThat(rank.share()).isEqualByComparingTo("0.666667");
        assertThat(rank.status()).isEqualTo(Status.OFF_TRACK);
        assertThat(lower("10", "12", "11").status())
                .as("one place a year: 7th by 2025")
                .isEqualTo(Status.ON_TRACK);
        assertThat(lower("0", "0").status()).isEqualTo(Status.ACHIEVED);
        assertThat(lower("0", "0").share()).isEqualByComparingTo("1");
        assertThat(lower("0", "3").share())
                .as("any household is none of the way to 0")
                .isEqualByComparingTo("0");
    }

    @Test
    void noShareWhereARatioMeansNothing() {
        // growth of -1% against a target of 0%: no ratio, only reached or not
        assertThat(Achievement.share(true, new BigDecimal("0"), new BigDecimal("-1")))
                .isNull();
        assertThat(Achievement.share(false, new BigDecimal("5"), new BigDecimal("0")))
                .isNull();
        assertThat(Achievement.reached(false, new BigDecimal("5"), new BigDecimal("0")))
                .isTrue();
    }

    @Test
    void noFigureIsNoData() {
        assertThat(higher("90").status()).isEqualTo(Status.NO_DATA);
    }

    @Test
    void aPercentageIsNotProjectedPastAHundredNorARankAboveFirst() {
        var income = new Indicator(1, "x", "x", null, "%", "higher", PeriodType.YEAR, Rollup.NONE, null, null);
        var rank = new Indicator(2, "r", "r", null, "hạng/63", "higher", PeriodType.YEAR, Rollup.NONE, null, null);
        var a = Achievement.assess(
                true,
                new BigDecimal("101"),
                from2020("90", "95", "99"),
                END,
                Method.LINEAR,
                Bounds.of(income, from2020("90")));
        assertThat(a.projected()).isEqualByComparingTo("100");
        assertThat(Achievement.higherIsBetter(rank))
                .as("a rank is better lower, whatever it says")
                .isFalse();
        var r = Achievement.assess(
                false,
                new BigDecimal("1"),
                from2020("9", "5", "3"),
                END,
                Method.LINEAR,
                Bounds.of(rank, from2020("9")));
        assertThat(r.projected()).isEqualByComparingTo("1");
        assertThat(r.status()).isEqualTo(Status.ON_TRACK);
    }
}
