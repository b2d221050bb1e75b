package org.mandate.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scope;
import org.mandate.access.Scopes;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.indicator.internal.TargetReads;
import org.mandate.shared.InputProblem;
import org.springframework.boot.json.JsonWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Achievement against targets: a unit's targets for a term assessed against its figures in a view
 * ({@link Achievement}, {@link Projection}), the targets of merged units combined as it is now
 * ({@link MergedTargets}, averaged by {@link MergerWeights}), and peers ranked ({@link PeerRankings}). Reads go through
 * {@link Indicators#values}, so they are held to the reader's scope the same way.
 */
@Service
public class Achievements {
    /** The key of the whole term's target among the years'. */
    static final int TERM = 0;

    private final IndicatorCatalogue catalogue;
    private final Indicators indicators;
    private final TargetReads reads;
    private final Scopes scopes;
    private final AuditLog audit;
    private final MergerWeights mergerWeights;

    Achievements(
            IndicatorCatalogue catalogue,
            Indicators indicators,
            TargetReads reads,
            Scopes scopes,
            AuditLog audit,
            MergerWeights mergerWeights) {
        this.catalogue = catalogue;
        this.indicators = indicators;
        this.reads = reads;
        this.scopes = scopes;
        this.audit = audit;
        this.mergerWeights = mergerWeights;
    }

    /** The unit's figures over the term and each of its targets for the term, assessed. */
    @Transactional(readOnly = true)
    public AchievementReport achievement(String code, long unitId, String termCode, View view) {
        Indicator indicator = catalogue.get(code);
        scopes.requireRead(unitId, "Unit " + unitId);
        Term term = term(termCode);
        var read = indicators.values(
                code,
                unitId,
                indicator.rollup() != Rollup.NONE,
                first(indicator, term.startYear()).toString(),
                last(indicator, term.endYear()).toString(),
                view);
        var series = read.items().stream().filter(i -> i.unit() == unitId).toList();
        var targets = targets(indicator, term, List.of(unitId), view).getOrDefault(unitId, Map.of());
        var method = reads.trend(indicator.id());
        var assessed = new ArrayList<TargetAchievement>();
        targets.forEach((year, target) -> assessed.add(assess(indicator, term, year, target, series, null, method)));
        return new AchievementReport(
                code,
                unitId,
                term.code(),
                view.code(),
                Achievement.higherIsBetter(indicator) ? "higher" : "lower",
                method.code(),
                series,
                assessed,
                read.notes());
    }

    /** How the indicator's trend is projected. */
    @Transactional(readOnly = true)
    public Projection.Method trend(String code) {
        return reads.trend(catalogue.get(code).id());
    }

    /** Sets how the indicator's trend is projected (an office or an administrator, audited). */
    @Transactional
    public Projection.Method setTrend(String code, String method) {
        Scope scope = catalogue.requireOffice("change how indicators are projected");
        Indicator indicator = catalogue.get(code);
        Projection.Method m;
        try {
            m = Projection.Method.of(method);
        } catch (IllegalArgumentException e) {
            throw InputProblem.field("trend", e.getMessage());
        }
        String before = reads.trendSnapshot(indicator.id());
        reads.setTrend(indicator.id(), m);
        audit.record(new AuditRecord(
                Indicators.actor(scope),
                "set_trend",
                "indicator",
                indicator.id(),
                null,
                JsonWriter.standard().writeToString(Map.of("trend", m.code())),
                before,
                reads.trendSnapshot(indicator.id())));
        return m;
    }

    Term term(String code) {
        return catalogue.terms().stream()
                .filter(t -> t.code().equals(code.strip()))
                .findFirst()
                .orElseThrow(() -> InputProblem.field("term", "there is no term '" + code + "' (such as 2020-2025)"));
    }

    /** The term a period is assessed in: the one it falls in after its first year, else the one it starts. */
    Term termOf(Period period) {
        var terms = catalogue.terms();
        return terms.stream()
                .filter(t -> t.startYear() < period.year() && period.year() <= t.endYear())
                .findFirst()
                .or(() -> terms.stream()
                        .filter(t -> t.startYear() == period.year())
                        .findFirst())
                .orElseThrow(() -> InputProblem.field("term", "no term holds " + period + "; say which term"));
    }

    static Period first(Indicator indicator, int year) {
        return Period.containing(indicator.periodType(), LocalDate.of(year, 1, 1));
    }

    static Period last(Indicator indicator, int year) {
        return Period.containing(indicator.periodType(), LocalDate.of(year, 12, 31));
    }

    /**
     * Assesses one target (the term's, or a year's) against the unit's figures from the start of
     * the term to the target's last period, none after {@code until}.
     */
    TargetAchievement assess(
            Indicator indicator,
            Term term,
            int year,
            MergedTargets.Combined target,
            List<ValueItem> series,
            @Nullable Period until,
            Projection.Method method) {
        Period last = last(indicator, year == TERM ? term.endYear() : year);
        Integer y = year == TERM ? null : year;
        if (target.value() == null) {
            return new TargetAchievement(
                    y,
                    null,
                    false,
                    target.from(),
                    last.toString(),
                    null,
                    null,
                    false,
                    null,
                    null,
                    null,
                    null,
                    Achievement.Status.NOT_COMPARABLE.code(),
                    target.notComparable());
        }
        var observed = new ArrayList<Achievement.Observed>();
        for (ValueItem i : series) {
            Period p = Period.parse(i.period());
            if (i.value() != null && p.compareTo(last) <= 0 && (until == null || p.compareTo(until) <= 0)) {
                observed.add(new Achievement.Observed(p, i.value(), i.estimate()));
            }
        }
        var a = Achievement.assess(
                Achievement.higherIsBetter(indicator),
                target.value(),
                observed,
                last,
                method,
                Achievement.Bounds.of(indicator, observed));
        return new TargetAchievement(
                y,
                target.value(),
                target.estimate(),
                target.from(),
                last.toString(),
                a.latestPeriod() == null ? null : a.latestPeriod().toString(),
                a.latest(),
                a.latestEstimate(),
                a.share(),
                a.projected(),
                a.projectedShare(),
                a.method() == null ? null : a.method().code(),
                a.status().code(),
                null);
    }

    /**
     * The units' targets for the term by year ({@link #TERM} for the whole term's): as it was, each
     * unit's own; as it is now, combined with those of the units merged into it
     * ({@link MergedTargets}).
     */
    Map<Long, Map<Integer, MergedTargets.Combined>> targets(
            Indicator indicator, Term term, Collection<Long> units, View view) {
        // the congress that sets a term's targets sits in its first year: units that ended before the
        // next year began were merged before the targets were set for what they became
        LocalDate afterCongress = LocalDate.of(term.startYear() + 1, 1, 1);
        LocalDate termLast = LocalDate.of(term.endYear(), 12, 31);
        LocalDate today = Indicators.today();
        Map<Long, Set<Long>> feeders = view == View.AS_NOW && indicator.rollup() != Rollup.NONE
                ? reads.endedFeeders(units, afterCongress, termLast, today)
                : Map.of();
        var all = new HashSet<>(units);
        feeders.values().forEach(all::addAll);
        var byUnit = new HashMap<Long, Map<Integer, BigDecimal>>();
        for (var t : reads.targets(indicator.id(), term.id(), all)) {
            byUnit.computeIfAbsent(t.unitId(), k -> new TreeMap<>()).put(t.year() == null ? TERM : t.year(), t.value());
        }
        Apportioning apportioning = null;
        Set<Long> stoodBefore = Set.of();
        if (!feeders.isEmpty()) {
            var ended = feeders.values().stream().flatMap(Set::stream).collect(Collectors.toSet());
            var links = reads.linksFrom(ended);
            var reached = new HashSet<>(units);
            links.forEach(l -> reached.add(l.successor()));
            apportioning = new Apportioning(links, reads.standing(reached, today));
            stoodBefore = reads.stoodBeforeMergers(feeders.keySet(), afterCongress);
        }
        var carriedInto = new HashMap<Long, Map<Long, Apportioning.Part>>();
        for (long unit : units) {
            var carried = new HashMap<Long, Apportioning.Part>();
            for (long p : feeders.getOrDefault(unit, Set.of())) {
                apportioning.carry(p).stream()
                        .filter(part -> part.unitId() == unit)
                        .findFirst()
                        .ifPresent(part -> carried.put(p, part));
            }
            carriedInto.put(unit, carried);
        }
        // a weighted average's targets are averaged by weights, read only where there are targets to average
        Map<Long, Map<Long, BigDecimal>> weights = Map.of();
        if (indicator.rollup() == Rollup.WEIGHTED_AVERAGE) {
            var weighed = new HashMap<Long, Set<Long>>();
            carriedInto.forEach((unit, carried) -> {
                if (!carried.isEmpty()
                        && (byUnit.containsKey(unit)
                                || carried.keySet().stream().anyMatch(byUnit::containsKey))) {
                    weighed.put(unit, carried.keySet());
                }
            });
            weights = weighed.isEmpty() ? Map.of() : mergerWeights.of(indicator, term, weighed, stoodBefore);
        }
        var result = new HashMap<Long, Map<Integer, MergedTargets.Combined>>();
        for (long unit : units) {
            var own = byUnit.getOrDefault(unit, Map.of());
            var carried = carriedInto.get(unit);
            var years = new java.util.TreeSet<>(own.keySet());
            carried.keySet()
                    .forEach(p -> years.addAll(byUnit.getOrDefault(p, Map.of()).keySet()));
            var combined = new TreeMap<Integer, MergedTargets.Combined>();
            for (int year : years) {
                var targets = new HashMap<Long, BigDecimal>();
                carried.keySet().stream()
                        .filter(p -> byUnit.getOrDefault(p, Map.of()).containsKey(year))
                        .forEach(p -> targets.put(p, byUnit.get(p).get(year)));
                combined.put(
                        year,
                        MergedTargets.combine(
                                indicator.rollup(),
                                unit,
                                own.get(year),
                                stoodBefore.contains(unit),
                                carried,
                                targets,
                                weights.getOrDefault(unit, Map.of())));
            }
            result.put(unit, combined);
        }
        return result;
    }
}
