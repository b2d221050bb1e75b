package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class TermComparisonTest {
    private static TermComparison.Change change(boolean higherBetter, String from, String to) {
        return TermComparisons.change(higherBetter, new BigDecimal(from), new BigDecimal(to));
    }

    @Test
    void aRiseIsBetterWhenHigherIsBetter() {
        var c = change(true, "95", "98");
        assertThat(c.absolute()).isEqualByComparingTo("3");
        assertThat(c.relative()).isEqualByComparingTo("0.031579");
        assertThat(c.direction()).isEqualTo("better");
        assertThat(change(true, "98", "95").direction()).isEqualTo("worse");
    }

    @Test
    void aFallIsBetterWhenLowerIsBetterAsForARank() {
        var c = change(false, "15", "10");
        assertThat(c.absolute()).isEqualByComparingTo("-5");
        assertThat(c.relative()).isEqualByComparingTo("-0.333333");
        assertThat(c.direction()).isEqualTo("better");
        assertThat(change(false, "1100", "1650").direction()).isEqualTo("worse");
    }

    @Test
    void fromZeroThereIsNoRelativeChangeAndAnEqualFigureIsTheSame() {
        var fromZero = change(false, "0", "4");
        assertThat(fromZero.relative()).isNull();
        assertThat(fromZero.direction()).isEqualTo("worse");
        var same = change(true, "2680", "2680.0");
        assertThat(same.absolute()).isEqualByComparingTo("0");
        assertThat(same.relative()).isEqualByComparingTo("0");
        assertThat(same.direction()).isEqualTo("same");
        // a fall from a negative figure is measured against its size
        assertThat(change(true, "-2", "-3").relative()).isEqualByComparingTo("-0.5");
    }
}
