package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class PeriodTest {
    @Test
    void readsTheThreeFormsWithTheirDays() {
        assertThat(Period.parse("2024").lastDay()).isEqualTo(LocalDate.of(2024, 12, 31));
        assertThat(Period.parse("2024-Q3").firstDay()).isEqualTo(LocalDate.of(2024, 7, 1));
        assertThat(Period.parse("2024-Q3").lastDay()).isEqualTo(LocalDate.of(2024, 9, 30));
        assertThat(Period.parse("2024-02").lastDay()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.parse(" 2024-07 ").toString()).isEqualTo("2024-07");
    }

    @Test
    void refusesOtherFormsAndTheWrongType() {
        for (String bad : new String[] {"24", "2024-13", "2024-Q5", "2024-7", "2024Q1", "năm 2024", ""}) {
            assertThatThrownBy(() -> Period.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> Period.parse("2024-Q1", PeriodType.YEAR)).hasMessageContaining("measured by year");
    }

    @Test
    void statesMoveOneStepForward() {
        assertThat(ValueState.DRAFT.refusal(ValueState.SUBMITTED)).isNull();
        assertThat(ValueState.SUBMITTED.refusal(ValueState.APPROVED)).isNull();
        assertThat(ValueState.DRAFT.refusal(ValueState.APPROVED)).contains("only a submitted value");
        assertThat(ValueState.APPROVED.refusal(ValueState.SUBMITTED)).contains("only a draft");
        assertThat(ValueState.leastAdvanced(ValueState.APPROVED, ValueState.DRAFT))
                .isEqualTo(ValueState.DRAFT);
    }

    @Property
    void writtenPeriodsReadBackAndFollowEachOther(
            @ForAll @IntRange(min = 1900, max = 2199) int year, @ForAll @IntRange(min = 1, max = 12) int month) {
        Period m = new Period(PeriodType.MONTH, year, month);
        assertThat(Period.parse(m.toString())).isEqualTo(m);
        assertThat(m.firstDay()).isBeforeOrEqualTo(m.lastDay());
        Period q = new Period(PeriodType.QUARTER, year, (month - 1) / 3 + 1);
        assertThat(Period.parse(q.toString())).isEqualTo(q);
        assertThat(q.firstDay()).isBeforeOrEqualTo(m.firstDay());
        assertThat(q.lastDay()).isAfterOrEqualTo(m.lastDay());
        assertThat(m.lastDay().plusDays(1).getDayOfMonth()).isEqualTo(1);
    }

    @Test
    void theLatestPeriodEndingByADay() {
        LocalDate merger = LocalDate.of(2025, 6, 30);
        assertThat(Period.endingBy(PeriodType.YEAR, merger)).hasToString("2024");
        assertThat(Period.endingBy(PeriodType.QUARTER, merger)).hasToString("2025-Q2");
        assertThat(Period.endingBy(PeriodType.MONTH, merger)).hasToString("2025-06");
        assertThat(Period.endingBy(PeriodType.YEAR, LocalDate.of(2024, 12, 31))).hasToString("2024");
        assertThat(Period.endingBy(PeriodType.MONTH, LocalDate.of(2025, 3, 1))).hasToString("2025-02");
    }

    @Property
    void theLatestPeriodEndingByADayEndsByItAndTheNextDoesNot(
            @ForAll @IntRange(min = 1901, max = 2198) int year,
            @ForAll @IntRange(min = 0, max = 364) int dayOfYear,
            @ForAll PeriodType type) {
        LocalDate day = LocalDate.of(year, 1, 1).plusDays(dayOfYear);
        Period p = Period.endingBy(type, day);
        assertThat(p.type()).isEqualTo(type);
        assertThat(p.lastDay()).isBeforeOrEqualTo(day);
        assertThat(Period.containing(type, p.lastDay().plusDays(1)).lastDay()).isAfter(day);
    }
}
