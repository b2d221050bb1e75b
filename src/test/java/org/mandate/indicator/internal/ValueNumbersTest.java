package org.mandate.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class ValueNumbersTest {
    private static BigDecimal read(String text) {
        return new BigDecimal(ValueNumbers.parse(text));
    }

    @Test
    void figuresAsVietnameseAndEnglishOfficesWriteThem() {
        assertThat(read("74,8")).isEqualByComparingTo("74.8");
        assertThat(read("74.8")).isEqualByComparingTo("74.8");
        assertThat(read("1.234.567")).isEqualByComparingTo("1234567");
        assertThat(read("1,234,567")).isEqualByComparingTo("1234567");
        assertThat(read("1.234,5")).isEqualByComparingTo("1234.5");
        assertThat(read("1,234.5")).isEqualByComparingTo("1234.5");
        assertThat(read(" 3 962 000 ")).isEqualByComparingTo("3962000");
        assertThat(read("-0,5")).isEqualByComparingTo("-0.5");
        assertThat(read("0")).isEqualByComparingTo("0");
        assertThat(ValueNumbers.parse("87,20")).isEqualTo("87.2");
    }

    @Test
    void whatIsNotAFigureIsRefusedWithTheWayToWriteIt() {
        for (String bad :
                new String[] {"abc", "12,3,4", "1.23.4", "1,234.5.6", "1.234,5,6", "--1", "7%", "1.2.3,4", ""}) {
            assertThatThrownBy(() -> ValueNumbers.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> ValueNumbers.parse("12,3,4")).hasMessageContaining("1234,5");
    }

    @Property
    void aPlainFigureReadsBackAsItself(@ForAll @BigRange(min = "-1e12", max = "1e12") @Scale(4) BigDecimal value) {
        assertThat(read(value.toPlainString())).isEqualByComparingTo(value);
    }

    @Property
    void aFigureFormattedTheVietnameseWayReadsBack(
            @ForAll @BigRange(min = "-1e12", max = "1e12") @Scale(3) BigDecimal value) {
        // always a decimal mark: a whole number of thousands written "6.818" is, by the documented rule,
        // six point eight one eight (one mark once), which the property hit at random
        var vi = new DecimalFormat("#,##0.0##", DecimalFormatSymbols.getInstance(Locale.forLanguageTag("vi-VN")));
        vi.setParseBigDecimal(true);
        String written = vi.format(value);
        assertThat(read(written)).as(written).isEqualByComparingTo(value);
    }
}
