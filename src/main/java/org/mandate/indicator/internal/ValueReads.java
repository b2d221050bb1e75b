package org.mandate.indicator.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.Apportioning;
import org.mandate.indicator.Indicator;
import org.mandate.indicator.Period;
import org.mandate.indicator.RollUp;
import org.mandate.indicator.RollUp.Placed;
import org.mandate.indicator.Rollup;
import org.springframework.stereotype.Component;

/**
 * Places the stored values in the hierarchy of the view and rolls them up: "as it was" each value
 * sits where its unit stood in its period; "as it is now" each is carried to today's units first.
 */
@Component
public class ValueReads {
    /** Pieces of apportioned values are kept to six decimals; the last piece takes the remainder. */
    static final int SCALE = 6;

    private final ValueStore store;

    ValueReads(ValueStore store) {
        this.store = store;
    }

    /** The roll-up and, per period, how many figures could not be carried to a unit standing today. */
    public record Read(RollUp.Result result, Map<Period, Integer> notCarried) {}

    public Read asWas(
            Indicator indicator,
            @Nullable Long weightId,
            Period from,
            Period to,
            @Nullable Long unit,
            boolean subtree) {
        var placed = new ArrayList<Placed>();
        for (var row : store.asWas(indicator.id(), weightId, from.firstDay(), to.firstDay(), unit, subtree)) {
            placed.add(new Placed(
                    path(row.path()),
                    Period.parse(row.period()),
                    row.value(),
                    row.weight(),
                    false,
                    row.state(),
                    row.unitId()));
        }
        return new Read(RollUp.of(indicator.rollup(), placed, unit, subtree), Map.of());
    }

    public Read asNow(
            Indicator indicator,
            @Nullable Long weightId,
            Period from,
            Period to,
            @Nullable Long unit,
            boolean subtree,
            LocalDate today) {
        var rows = store.feeding(indicator.id(), weightId, from.firstDay(), to.firstDay(), unit, today);
        var units = rows.stream().map(ValueStore.Row::unitId).distinct().toList();
        var standing = new java.util.HashMap<>(store.standing(units, today));
        var ended = units.stream().filter(u -> !standing.containsKey(u)).toList();
        var links = ended.isEmpty() ? List.<Apportioning.Link>of() : store.linksFrom(ended);
        var successors =
                links.stream().map(Apportioning.Link::successor).distinct().toList();
        standing.putAll(store.standing(successors, today));
        var apportioning = new Apportioning(links, standing.keySet());
        var placed = new ArrayList<Placed>();
        var notCarried = new TreeMap<Period, Integer>();
        for (var row : rows) {
            Period period = Period.parse(row.period());
            // a figure that does not add up (a rank, a rate alone) is not split or merged
            var parts = indicator.rollup() == Rollup.NONE && !standing.containsKey(row.unitId())
                    ? List.<Apportioning.Part>of()
                    : apportioning.carry(row.unitId());
            if (parts.isEmpty()) {
                notCarried.merge(period, 1, Integer::sum);
                continue;
            }
            // a sum carries pieces of the value; an average carries the rate with pieces of its weight
            boolean sum = indicator.rollup() == Rollup.SUM;
            var values = sum ? Apportioning.apportion(row.value(), parts, SCALE) : null;
            var weights = !sum && row.weight() != null ? Apportioning.apportion(row.weight(), parts, SCALE) : null;
            for (int i = 0; i < parts.size(); i++) {
                var part = parts.get(i);
                BigDecimal value = values != null ? values.get(i) : row.value();
                BigDecimal weight = weights != null ? weights.get(i) : null;
                placed.add(new Placed(
                        path(standing.get(part.unitId())),
                        period,
                        value,
                        weight,
                        !part.exact(),
                        row.state(),
                        row.unitId()));
            }
        }
        return new Read(RollUp.of(indicator.rollup(), placed, unit, subtree), notCarried);
    }

    static List<Long> path(@Nullable String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalStateException("a value's unit has no path in the registry");
        }
        return Arrays.stream(path.split("\\.")).map(Long::valueOf).toList();
    }
}
