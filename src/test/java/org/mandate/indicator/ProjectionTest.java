package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.mandate.indicator.Projection.Method;
import org.mandate.indicator.Projection.Point;

class ProjectionTest {
    private static List<Point> yearly(double... ys) {
        var points = new ArrayList<Point>();
        for (int i = 0; i < ys.length; i++) {
            points.add(new Point(Projection.time(new Period(PeriodType.YEAR, 2020 + i, 0)), ys[i]));
        }
        return points;
    }

    private static final double END_2025 = Projection.time(Period.parse("2025"));

    @Test
    void aStraightLineIsCarriedOnToTheEndOfTheTerm() {
        // 2020..2023: 80, 82, 84, 86 -> 2025: 90
        assertThat(Projection.project(Method.LINEAR, yearly(80, 82, 84, 86), END_2025))
                .isEqualTo(new Projection.Projected(90, Method.LINEAR));
    }

    @Test
    void leastSquaresThroughScatteredFigures() {
        // x = 1..4 (2020..2023 end at 2021..2024), y = 1, 3, 2, 5: slope 1.1, intercept at mean (2.5, 2.75)
        var p = Projection.project(Method.LINEAR, yearly(1, 3, 2, 5), END_2025);
        assertThat(p.value()).isCloseTo(2.75 + 1.1 * (2026 - 2022.5), within(1e-9));
    }

    @Test
    void compoundGrowthKeepsTheRateOfGrowth() {
        // 10% a year from 100: 2025 is 100 * 1.1^5
        var p = Projection.project(Method.COMPOUND, yearly(100, 110, 121, 133.1), END_2025);
        assertThat(p.method()).isEqualTo(Method.COMPOUND);
        assertThat(p.value()).isCloseTo(100 * Math.pow(1.1, 5), within(1e-6));
    }

    @Test
    void compoundFallsBackToALineWhenAFigureIsZero() {
        var p = Projection.project(Method.COMPOUND, yearly(0, 2, 4), END_2025);
        assertThat(p.method()).isEqualTo(Method.LINEAR);
        assertThat(p.value()).isCloseTo(10, within(1e-9));
    }

    @Test
    void oneFigureGivesNoTrendSoItStays() {
        assertThat(Projection.project(Method.LINEAR, yearly(74.8), END_2025).value())
                .isEqualTo(74.8);
    }

    @Test
    void periodsEndAtTheirLastDay() {
        assertThat(Projection.time(Period.parse("2024"))).isEqualTo(2025.0);
        assertThat(Projection.time(Period.parse("2024-Q3"))).isEqualTo(2024.75);
        assertThat(Projection.time(Period.parse("2024-06"))).isEqualTo(2024.5);
    }

    @Property
    void anyLineIsProjectedExactly(
            @ForAll @DoubleRange(min = -1e6, max = 1e6) double intercept,
            @ForAll @DoubleRange(min = -1e4, max = 1e4) double slope,
            @ForAll @IntRange(min = 2, max = 15) int years) {
        var points = new ArrayList<Point>();
        for (int i = 0; i < years; i++) {
            points.add(new Point(2000 + i, intercept + slope * i));
        }
        double at = 2000 + years + 3;
        assertThat(Projection.project(Method.LINEAR, points, at).value())
                .isCloseTo(
                        intercept + slope * (years + 3),
                        within(1e-6 * (1 + Math.abs(intercept) + Math.abs(slope) * 20)));
    }

    @Property
    void shiftingTheFiguresShiftsTheLinearProjection(
            @ForAll @DoubleRange(min = 0, max = 1000) double a,
            @ForAll @DoubleRange(min = 0, max = 1000) double b,
            @ForAll @DoubleRange(min = 0, max = 1000) double c,
            @ForAll @DoubleRange(min = -1000, max = 1000) double shift) {
        double base =
                Projection.project(Method.LINEAR, yearly(a, b, c), END_2025).value();
        double shifted = Projection.project(Method.LINEAR, yearly(a + shift, b + shift, c + shift), END_2025)
                .value();
        assertThat(shifted).isCloseTo(base + shift, within(1e-6));
    }

    @Property
    void aConstantRateOfGrowthIsProjectedExactly(
            @ForAll @DoubleRange(min = 1, max = 1e7) double start,
            @ForAll @DoubleRange(min = -0.5, max = 1.0) double rate,
            @ForAll @IntRange(min = 2, max = 6) int years) {
        var ys = new double[years];
        for (int i = 0; i < years; i++) {
            ys[i] = start * Math.pow(1 + rate, i);
        }
        double expected = start * Math.pow(1 + rate, 5);
        assertThat(Projection.project(Method.COMPOUND, yearly(ys), END_2025).value())
                .isCloseTo(expected, within(expected * 1e-9));
    }

    @Property
    void aRisingSeriesIsNotProjectedBelowItsLastFigure(
            @ForAll @DoubleRange(min = 0, max = 1000) double first,
            @ForAll @DoubleRange(min = 0, max = 100) double step) {
        var ys = yearly(first, first + step, first + 2 * step, first + 3 * step);
        assertThat(Projection.project(Method.LINEAR, ys, END_2025).value())
                .isGreaterThanOrEqualTo(first + 3 * step - 1e-9);
    }
}
