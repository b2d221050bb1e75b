package org.mandate.indicator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Ranks peers by a figure, best first, the way league tables do ("1, 2, 2, 4"): equal figures
 * share the better rank and the next rank skips as many places as were shared. Figures are
 * compared at six decimals, so 2/3 and 4/6 tie. Peers without a figure are not ranked and come
 * last, in the order they were given.
 */
public final class Ranking {
    private static final int SCALE = 6;

    private Ranking() {}

    /** @param rank null for a peer without a figure; {@code tied} when another peer shares the rank */
    public record Ranked<T>(T item, @Nullable Integer rank, boolean tied) {}

    public static <T> List<Ranked<T>> of(List<T> peers, Function<T, @Nullable BigDecimal> figure, boolean higherFirst) {
        record Keyed<T>(T item, BigDecimal key, int order) {}
        var keyed = new ArrayList<Keyed<T>>();
        var unranked = new ArrayList<Ranked<T>>();
        for (int i = 0; i < peers.size(); i++) {
            T peer = peers.get(i);
            BigDecimal f = figure.apply(peer);
            if (f == null) {
                unranked.add(new Ranked<>(peer, null, false));
            } else {
                keyed.add(new Keyed<>(peer, f.setScale(SCALE, RoundingMode.HALF_EVEN), i));
            }
        }
        Comparator<Keyed<T>> byKey = Comparator.comparing(Keyed::key);
        keyed.sort((higherFirst ? byKey.reversed() : byKey).thenComparingInt(Keyed::order));
        var ranked = new ArrayList<Ranked<T>>(peers.size());
        int rank = 0;
        for (int i = 0; i < keyed.size(); i++) {
            var k = keyed.get(i);
            boolean sameAsBefore = i > 0 && keyed.get(i - 1).key().compareTo(k.key()) == 0;
            boolean sameAsNext = i + 1 < keyed.size() && keyed.get(i + 1).key().compareTo(k.key()) == 0;
            if (!sameAsBefore) {
                rank = i + 1;
            }
            ranked.add(new Ranked<>(k.item(), rank, sameAsBefore || sameAsNext));
        }
        ranked.addAll(unranked);
        return ranked;
    }
}
