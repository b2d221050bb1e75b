package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.mandate.indicator.Ranking.Ranked;

class RankingTest {
    private static final Map<String, BigDecimal> FIGURES = new HashMap<>();

    static {
        FIGURES.put("a", new BigDecimal("10"));
        FIGURES.put("b", new BigDecimal("30"));
        FIGURES.put("c", new BigDecimal("20"));
        FIGURES.put("d", new BigDecimal("30.0"));
        FIGURES.put("e", new BigDecimal("5"));
    }

    @Test
    void equalFiguresShareTheBetterRankAndTheNextSkips() {
        var ranked = Ranking.of(List.of("a", "b", "c", "d", "e", "none"), FIGURES::get, true);
        assertThat(ranked)
                .extracting(Ranked::item, Ranked::rank, Ranked::tied)
                .containsExactly(
                        tuple("b", 1, true),
                        tuple("d", 1, true),
                        tuple("c", 3, false),
                        tuple("a", 4, false),
                        tuple("e", 5, false),
                        tuple("none", null, false));
    }

    @Test
    void lowerFirstForWhatIsBetterLow() {
        var ranked = Ranking.of(List.of("a", "b", "c", "d", "e"), FIGURES::get, false);
        assertThat(ranked).extracting(Ranked::item, Ranked::rank).startsWith(tuple("e", 1), tuple("a", 2));
        assertThat(ranked).extracting(Ranked::rank).endsWith(4, 4);
    }

    @Test
    void sharesEqualAtSixDecimalsTie() {
        var shares = Map.of("x", new BigDecimal("0.6666666"), "y", new BigDecimal("0.66666667"));
        assertThat(Ranking.of(List.of("x", "y"), shares::get, true))
                .extracting(Ranked::rank)
                .containsExactly(1, 1);
    }

    @Property
    void ranksAreCompetitionRanks(@ForAll @Size(max = 30) List<@IntRange(min = 0, max = 5) Integer> figures) {
        var items = new ArrayList<Integer>();
        for (int i = 0; i < figures.size(); i++) {
            items.add(i);
        }
        var ranked = Ranking.of(items, i -> BigDecimal.valueOf(figures.get(i)), true);
        for (var r : ranked) {
            long better =
                    figures.stream().filter(f -> f > figures.get(r.item())).count();
            long same = figures.stream()
                    .filter(f -> f.equals(figures.get(r.item())))
                    .count();
            assertThat(r.rank()).isEqualTo((int) better + 1);
            assertThat(r.tied()).isEqualTo(same > 1);
        }
    }
}
