package org.mandate.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mandate.indicator.Apportioning;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pieces the roll-up really computes: the database's {@code indicator_piece} (V11) over the
 * cuts of {@link RollUpPlaces#cuts}, which {@link RollUpPlacesTest} checks against its own Java
 * copy of the function. Here the SQL itself: a figure split in three lands as the same pieces, and
 * the pieces of any value add up to it, however a split cuts it.
 */
@MandateIT
class IndicatorPieceIT {
    @Autowired
    JdbcClient jdbc;

    private BigDecimal piece(BigDecimal value, BigDecimal from, @Nullable BigDecimal to) {
        return jdbc.sql("SELECT indicator_piece(:v, :from, CAST(:to AS numeric))")
                .param("v", value)
                .param("from", from)
                .param("to", to)
                .query(BigDecimal.class)
                .single();
    }

    private static List<BigDecimal[]> cuts(int successors, boolean weighted) {
        var links = new ArrayList<Apportioning.Link>();
        for (int i = 0; i < successors; i++) {
            links.add(new Apportioning.Link(
                    1, 10 + i, LocalDate.parse("2025-07-01"), false, weighted ? BigDecimal.valueOf(i + 1, 1) : null));
        }
        var standing = new HashSet<Long>();
        links.forEach(l -> standing.add(l.successor()));
        return RollUpPlaces.cuts(new Apportioning(links, standing).carry(1));
    }

    @Test
    void aFigureSplitEquallyInThreeLandsInTheSamePiecesInTheDatabase() {
        var value = new BigDecimal("100");
        assertThat(cuts(3, false).stream().map(c -> piece(value, c[0], c[1])))
                .containsExactly(new BigDecimal("33.333333"), new BigDecimal("33.333334"), new BigDecimal("33.333333"));
    }

    @Test
    void thePiecesOfAValueAddUpToItInTheDatabase() {
        var random = new Random(20250701);
        for (int round = 0; round < 200; round++) {
            BigDecimal value = BigDecimal.valueOf(random.nextLong(-10_000_000, 10_000_000), 2);
            int successors = 1 + random.nextInt(7);
            boolean weighted = random.nextBoolean();
            BigDecimal sum = BigDecimal.ZERO;
            for (BigDecimal[] cut : cuts(successors, weighted)) {
                sum = sum.add(piece(value, cut[0], cut[1]));
            }
            assertThat(sum)
                    .as("%s in %d parts%s", value, successors, weighted ? ", weighted" : "")
                    .isEqualByComparingTo(value);
        }
    }
}
