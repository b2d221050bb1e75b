package org.mandate.indicator;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scopes;
import org.mandate.indicator.internal.TargetReads;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.UnitCatalog;
import org.mandate.organization.UnitVersion;
import org.mandate.shared.InputProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rankings of peer units: the units of one level under one parent as of a date, by their figure
 * for a period or by the share of their term's target reached by then ({@link Ranking}: ties share
 * a rank).
 */
@Service
public class PeerRankings {
    private final IndicatorCatalogue catalogue;
    private final Indicators indicators;
    private final Achievements achievements;
    private final TargetReads reads;
    private final UnitCatalog units;
    private final Scopes scopes;

    PeerRankings(
            IndicatorCatalogue catalogue,
            Indicators indicators,
            Achievements achievements,
            TargetReads reads,
            UnitCatalog units,
            Scopes scopes) {
        this.catalogue = catalogue;
        this.indicators = indicators;
        this.achievements = achievements;
        this.reads = reads;
        this.units = units;
        this.scopes = scopes;
    }

    /** What peers are ranked by. */
    public enum By {
        VALUE,
        ACHIEVEMENT;

        public static By of(String code) {
            return switch (code) {
                case "value" -> VALUE;
                case "achievement" -> ACHIEVEMENT;
                default -> throw new IllegalArgumentException("'" + code + "' is not one of value, achievement");
            };
        }

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * @param parent null: the top level, for readers of the whole country
     * @param level the peers' level (null: the level most of the parent's children have)
     * @param termCode the term of the targets, ranked by achievement (null: the term the period is in)
     */
    @Transactional(readOnly = true)
    public RankingReport rank(
            String code,
            @Nullable Long parent,
            String periodText,
            By by,
            @Nullable String termCode,
            View view,
            @Nullable String level) {
        Indicator indicator = catalogue.get(code);
        Period period = Indicators.period("period", periodText, indicator.periodType());
        if (parent == null) {
            if (!scopes.current().readsEverything()) {
                throw InputProblem.field(
                        "parent", "say which unit's children: only a whole-country grant ranks the top level");
            }
        } else {
            scopes.requireRead(parent, "Unit " + parent);
        }
        LocalDate asOf = view == View.AS_WAS ? period.lastDay() : Indicators.today();
        var notes = new ArrayList<String>();
        Hierarchy hierarchy =
                parent == null ? Hierarchy.LOCALITY : units.history(parent).hierarchy();
        var children = units.children(hierarchy, parent, asOf);
        if (children.isEmpty()) {
            notes.add("unit " + parent + " had no units under it on " + asOf);
        }
        String peerLevel = level != null ? level : commonestLevel(children);
        var peers = children.stream()
                .filter(c -> c.level().equals(peerLevel))
                .sorted(Comparator.comparing(UnitVersion::name))
                .toList();
        Term term = null;
        Period from = period;
        if (by == By.ACHIEVEMENT) {
            term = termCode == null ? achievements.termOf(period) : achievements.term(termCode);
            if (period.year() < term.startYear() || period.year() > term.endYear()) {
                throw InputProblem.field("period", period + " is not in the term " + term.code());
            }
            from = Achievements.first(indicator, term.startYear());
        }
        var read = peers.isEmpty()
                ? new ValueSeries(0, List.of(), List.of())
                // the peers are the parent's children: with no parent, the top level alone (which
                // a whole-country read serves from the roll-ups kept ready)
                : indicators.values(code, parent, true, from.toString(), period.toString(), view, 1);
        notes.addAll(read.notes());
        Map<Long, List<ValueItem>> byUnit = read.items().stream().collect(Collectors.groupingBy(ValueItem::unit));
        var ids = peers.stream().map(UnitVersion::id).toList();
        Map<Long, TargetAchievement> assessed = new HashMap<>();
        if (term != null) {
            var targets = achievements.targets(indicator, term, ids, view);
            var method = reads.trend(indicator.id());
            for (long id : ids) {
                var t = targets.getOrDefault(id, Map.of()).get(Achievements.TERM);
                if (t != null) {
                    assessed.put(
                            id,
                            achievements.assess(
                                    indicator,
                                    term,
                                    Achievements.TERM,
                                    t,
                                    byUnit.getOrDefault(id, List.of()),
                                    period,
                                    method));
                }
            }
        }
        var items = new ArrayList<RankedUnit>();
        for (UnitVersion peer : peers) {
            var at = byUnit.getOrDefault(peer.id(), List.of()).stream()
                    .filter(i -> i.period().equals(period.toString()))
                    .findFirst()
                    .orElse(null);
            items.add(new RankedUnit(
                    null,
                    false,
                    peer.id(),
                    peer.fullName(),
                    peer.level(),
                    at == null ? null : at.value(),
                    at != null && at.estimate(),
                    at == null ? null : at.state(),
                    assessed.get(peer.id())));
        }
        Function<RankedUnit, java.math.@Nullable BigDecimal> key = by == By.VALUE
                ? RankedUnit::value
                : r -> r.achievement() == null ? null : r.achievement().share();
        boolean higherFirst = by == By.ACHIEVEMENT || Achievement.higherIsBetter(indicator);
        var ranked = Ranking.of(items, key, higherFirst).stream()
                .map(r -> new RankedUnit(
                        r.rank(),
                        r.tied(),
                        r.item().unit(),
                        r.item().name(),
                        r.item().level(),
                        r.item().value(),
                        r.item().estimate(),
                        r.item().state(),
                        r.item().achievement()))
                .toList();
        return new RankingReport(
                code,
                parent,
                period.toString(),
                view.code(),
                by.code(),
                term == null ? null : term.code(),
                asOf,
                peerLevel,
                ranked,
                notes);
    }

    private static @Nullable String commonestLevel(List<UnitVersion> children) {
        return children.stream()
                .collect(Collectors.groupingBy(UnitVersion::level, Collectors.counting()))
                .entrySet()
                .stream()
                .max(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }
}
