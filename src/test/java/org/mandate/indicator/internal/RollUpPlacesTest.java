package org.mandate.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.mandate.indicator.Apportioning;
import org.mandate.indicator.Apportioning.Part;

class RollUpPlacesTest {

    @Test
    void partsThatMakeTheWholeFigureEndWithOneThatTakesTheRest() {
        var third = BigDecimal.ONE.divide(BigDecimal.valueOf(3), java.math.MathContext.DECIMAL64);
        var cuts = RollUpPlaces.cuts(List.of(
                new Part(1, third, false),
                new Part(2, third, false),
                new Part(3, BigDecimal.ONE.subtract(third).subtract(third), false)));
        assertThat(cuts.get(0)).containsExactly(BigDecimal.ZERO, third);
        assertThat(cuts.get(1)).containsExactly(third, third.add(third));
        assertThat(cuts.get(2)[0]).isEqualByComparingTo(third.add(third));
        assertThat(cuts.get(2)[1]).isNull();
    }

    @Test
    void partsOfAChainThatLostABranchKeepTheirEnds() {
        var half = new BigDecimal("0.5");
        var cuts = RollUpPlaces.cuts(List.of(new Part(1, half, false)));
        assertThat(cuts.getFirst()).containsExactly(BigDecimal.ZERO, half);
    }

    @Test
    void aFigureSplitEquallyInThreeIsCutIntoPiecesThatAddUpToItExactly() {
        var links = List.of(partial(10), partial(11), partial(12));
        var parts = new Apportioning(links, java.util.Set.of(10L, 11L, 12L)).carry(1);
        var value = new BigDecimal("100");
        assertThat(RollUpPlaces.cuts(parts).stream().map(c -> piece(value, c[0], c[1])))
                .containsExactly(new BigDecimal("33.333333"), new BigDecimal("33.333334"), new BigDecimal("33.333333"));
    }

    @Test
    void aUnitWhoseOtherSuccessorNoLongerStandsCarriesOnlyItsShare() {
        // split in two, one of the two ended without successor: half the figure lands, nothing invented
        var parts = new Apportioning(List.of(partial(10), partial(11)), java.util.Set.of(10L)).carry(1);
        var cut = RollUpPlaces.cuts(parts).getFirst();
        assertThat(piece(new BigDecimal("10"), cut[0], cut[1])).isEqualByComparingTo("5");
    }

    private static Apportioning.Link partial(long successor) {
        return new Apportioning.Link(1, successor, java.time.LocalDate.parse("2025-07-01"), false, null);
    }

    /**
     * The pieces the roll-up computes from the cuts (indicator_piece, V11, here in Java) add up to
     * the value exactly, however a split cuts it: nothing lost, nothing doubled. IndicatorPieceIT
     * holds the database's function itself to the same.
     */
    @Property
    void thePiecesOfAValueAddUpToIt(
            @ForAll @LongRange(min = -10_000_000, max = 10_000_000) long cents,
            @ForAll @IntRange(min = 1, max = 7) int successors,
            @ForAll @IntRange(min = 0, max = 2) int weighted) {
        BigDecimal value = BigDecimal.valueOf(cents, 2);
        var links = new ArrayList<Apportioning.Link>();
        for (int i = 0; i < successors; i++) {
            links.add(new Apportioning.Link(
                    1,
                    10 + i,
                    java.time.LocalDate.parse("2025-07-01"),
                    false,
                    weighted == 1 ? BigDecimal.valueOf(i + 1, 1) : null));
        }
        var standing = new java.util.HashSet<Long>();
        links.forEach(l -> standing.add(l.successor()));
        var parts = new Apportioning(links, standing).carry(1);
        BigDecimal sum = BigDecimal.ZERO;
        for (BigDecimal[] cut : RollUpPlaces.cuts(parts)) {
            sum = sum.add(piece(value, cut[0], cut[1]));
        }
        assertThat(sum).isEqualByComparingTo(value);
    }

    private static BigDecimal piece(BigDecimal v, BigDecimal from, BigDecimal to) {
        BigDecimal start = v.multiply(from).setScale(6, RoundingMode.HALF_UP);
        return to == null
                ? v.subtract(start)
                : v.multiply(to).setScale(6, RoundingMode.HALF_UP).subtract(start);
    }
}
