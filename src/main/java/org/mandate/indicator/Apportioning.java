package org.mandate.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Carries a figure of a unit that no longer stands to the units standing today, through the
 * succession. The rule, one step at a time, on the successions of the unit's last day:
 *
 * <ul>
 *   <li>a {@code full} share takes the whole figure, exactly (two full shares, which the registry
 *       does not hold, would split it equally and be an estimate);
 *   <li>otherwise the {@code partial} shares split it: by their weights when every one has a
 *       weight (normalised to add up to 1), else equally; the parts are estimates.
 * </ul>
 *
 * A successor that no longer stands either is followed on; the fractions multiply. Each step's
 * fractions add up to exactly 1 (the last takes the remainder), so nothing is lost or doubled.
 */
public final class Apportioning {
    private static final MathContext FRACTIONS = MathContext.DECIMAL64;
    private static final int MAX_STEPS = 10;

    /** A row of org_succession. */
    public record Link(
            long predecessor,
            long successor,
            LocalDate effective,
            boolean full,
            @Nullable BigDecimal weight) {}

    /** The fraction of a figure that lands at a standing unit; exact when only full shares led there. */
    public record Part(long unitId, BigDecimal fraction, boolean exact) {}

    private final Map<Long, List<Link>> lastLinks = new HashMap<>();
    private final Set<Long> standing;

    public Apportioning(Collection<Link> links, Set<Long> standing) {
        this.standing = Set.copyOf(standing);
        var byPredecessor = new HashMap<Long, List<Link>>();
        links.forEach(l -> byPredecessor
                .computeIfAbsent(l.predecessor(), k -> new ArrayList<>())
                .add(l));
        byPredecessor.forEach((unit, ls) -> {
            LocalDate last = ls.stream()
                    .map(Link::effective)
                    .max(Comparator.naturalOrder())
                    .orElseThrow();
            lastLinks.put(
                    unit,
                    ls.stream()
                            .filter(l -> l.effective().equals(last))
                            .sorted(Comparator.comparingLong(Link::successor))
                            .toList());
        });
    }

    /** Whether the unit stands today (its figures stay with it). */
    public boolean stands(long unitId) {
        return standing.contains(unitId);
    }

    /** Where a figure of the unit lands today; empty when its succession leads to no standing unit. */
    public List<Part> carry(long unitId) {
        var parts = new LinkedHashMap<Long, Part>();
        carry(unitId, BigDecimal.ONE, true, 0, new HashSet<>(), parts);
        return List.copyOf(parts.values());
    }

    private void carry(
            long unit, BigDecimal fraction, boolean exact, int steps, Set<Long> seen, Map<Long, Part> parts) {
        if (standing.contains(unit)) {
            parts.merge(
                    unit,
                    new Part(unit, fraction, exact),
                    (a, b) -> new Part(unit, a.fraction().add(b.fraction()), a.exact() && b.exact()));
            return;
        }
        if (steps >= MAX_STEPS || !seen.add(unit)) {
            return;
        }
        for (Part step : split(lastLinks.getOrDefault(unit, List.of()))) {
            carry(
                    step.unitId(),
                    fraction.multiply(step.fraction()),
                    exact && step.exact(),
                    steps + 1,
                    new HashSet<>(seen),
                    parts);
        }
    }

    /** One step of the rule: how one unit's successions on one day share its figure. */
    static List<Part> split(List<Link> links) {
        var full = links.stream().filter(Link::full).toList();
        if (full.size() == 1) {
            return List.of(new Part(full.getFirst().successor(), BigDecimal.ONE, true));
        }
        var sharing = full.isEmpty() ? links : full;
        if (sharing.isEmpty()) {
            return List.of();
        }
        boolean weighted = full.isEmpty() && sharing.stream().allMatch(l -> l.weight() != null);
        BigDecimal total = weighted
                ? sharing.stream().map(Link::weight).reduce(BigDecimal.ZERO, BigDecimal::add)
                : BigDecimal.valueOf(sharing.size());
        var parts = new ArrayList<Part>();
        BigDecimal given = BigDecimal.ZERO;
        for (int i = 0; i < sharing.size(); i++) {
            Link l = sharing.get(i);
            BigDecimal f = i == sharing.size() - 1
                    ? BigDecimal.ONE.subtract(given)
                    : (weighted ? l.weight() : BigDecimal.ONE).divide(total, FRACTIONS);
            given = given.add(f);
            parts.add(new Part(l.successor(), f, false));
        }
        return parts;
    }
}
