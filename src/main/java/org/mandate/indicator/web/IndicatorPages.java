package org.mandate.indicator.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scopes;
import org.mandate.indicator.AchievementReport;
import org.mandate.indicator.Achievements;
import org.mandate.indicator.Indicator;
import org.mandate.indicator.IndicatorCatalogue;
import org.mandate.indicator.Indicators;
import org.mandate.indicator.PeerRankings;
import org.mandate.indicator.Period;
import org.mandate.indicator.RankingReport;
import org.mandate.indicator.TargetAchievement;
import org.mandate.indicator.Term;
import org.mandate.indicator.TermComparisons;
import org.mandate.indicator.ValueItem;
import org.mandate.indicator.View;
import org.mandate.organization.UnitCatalog;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The indicator pages: the catalogue, and an indicator for a unit: its series against its target,
 * the units under it side by side, and their achievement, as it was or as it is now.
 */
@Controller
class IndicatorPages {
    private final IndicatorCatalogue catalogue;
    private final Achievements achievements;
    private final PeerRankings rankings;
    private final TermComparisons comparisons;
    private final UnitCatalog units;
    private final Scopes scopes;

    IndicatorPages(
            IndicatorCatalogue catalogue,
            Achievements achievements,
            PeerRankings rankings,
            TermComparisons comparisons,
            UnitCatalog units,
            Scopes scopes) {
        this.catalogue = catalogue;
        this.achievements = achievements;
        this.rankings = rankings;
        this.comparisons = comparisons;
        this.units = units;
        this.scopes = scopes;
    }

    @GetMapping("/indicators")
    String list(Model model, Locale locale) {
        model.addAttribute("indicators", catalogue.all());
        model.addAttribute("unit", defaultUnit());
        model.addAttribute("english", locale.getLanguage().equals("en"));
        return "indicators/list";
    }

    /** The first unit of the reader's grants; null for a whole-country reader (the provinces are shown). */
    private @Nullable Long defaultUnit() {
        var scope = scopes.current();
        return scope.readsEverything() || scope.readRoots().isEmpty()
                ? null
                : scope.readRoots().stream().sorted().findFirst().orElse(null);
    }

    @GetMapping("/indicators/{code}")
    String indicator(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String term,
            @RequestParam(defaultValue = "as_was") String view,
            @RequestParam(required = false) @Nullable String period,
            Model model,
            Locale locale) {
        Indicator indicator = catalogue.get(code);
        View v = WebParams.view(view);
        Long shown = unit != null ? unit : defaultUnit();
        List<Term> terms = catalogue.terms();
        boolean termGiven = term != null && !term.isBlank();
        Term chosen = termGiven ? term(terms, term) : defaultTerm(terms);
        model.addAttribute("indicator", indicator);
        model.addAttribute(
                "name",
                locale.getLanguage().equals("en") && indicator.nameEn() != null
                        ? indicator.nameEn()
                        : indicator.nameVi());
        model.addAttribute("terms", terms);
        model.addAttribute("view", v.code());
        model.addAttribute("unit", shown);
        model.addAttribute("unitName", shown == null ? null : name(shown));
        AchievementReport report = null;
        if (shown != null) {
            try {
                report = achievements.achievement(code, shown, chosen.code(), v);
                // no term asked for: the latest term in which the unit has figures
                for (Term t : terms.reversed()) {
                    if (termGiven
                            || !report.series().isEmpty()
                            || t.equals(chosen)
                            || t.startYear() > Indicators.today().getYear()) {
                        continue;
                    }
                    var earlier = achievements.achievement(code, shown, t.code(), v);
                    if (!earlier.series().isEmpty()) {
                        report = earlier;
                        chosen = t;
                    }
                }
            } catch (InputProblem ended) {
                // as it is now, a unit that ended has no figures of its own: point to where it went
                if (v != View.AS_NOW || !"unit".equals(ended.field())) {
                    throw ended;
                }
                model.addAttribute("ended", ended.getMessage());
                model.addAttribute("successors", units.whereItWent(shown).ends());
            }
        }
        model.addAttribute("term", chosen.code());
        model.addAttribute("report", report);
        var shownReport = report;
        model.addAttribute(
                "comparison",
                report == null
                        ? null
                        : comparisons
                                .previous(chosen)
                                .map(before -> comparisons.compare(shownReport))
                                .orElse(null));
        var periods = periods(indicator, chosen);
        Period at = period == null || period.isBlank() ? defaultPeriod(report, periods) : period(indicator, period);
        model.addAttribute("period", at.toString());
        model.addAttribute("series", report == null ? null : seriesChart(report, periods));
        if (model.getAttribute("ended") == null) {
            RankingReport side = rankings.rank(code, shown, at.toString(), PeerRankings.By.VALUE, null, v, null);
            RankingReport achieved = at.year() >= chosen.startYear() && at.year() <= chosen.endYear()
                    ? rankings.rank(code, shown, at.toString(), PeerRankings.By.ACHIEVEMENT, chosen.code(), v, null)
                    : null;
            model.addAttribute("side", side);
            model.addAttribute(
                    "sideShown",
                    side.items().stream().filter(r -> r.value() != null).toList());
            model.addAttribute(
                    "sideBlank",
                    side.items().stream().filter(r -> r.value() == null).toList());
            model.addAttribute("achieved", achieved);
            model.addAttribute(
                    "achievedShown",
                    achieved == null
                            ? List.of()
                            : achieved.items().stream()
                                    .filter(r -> r.achievement() != null)
                                    .toList());
            model.addAttribute(
                    "achievedBlank",
                    achieved == null
                            ? List.of()
                            : achieved.items().stream()
                                    .filter(r -> r.achievement() == null)
                                    .toList());
        }
        return "indicators/indicator";
    }

    private String name(long unit) {
        return UnitNames.name(units, unit);
    }

    /** The periods of the term, in order: the chart's axis. */
    private static List<String> periods(Indicator indicator, Term term) {
        var list = new ArrayList<String>();
        for (int y = term.startYear(); y <= term.endYear(); y++) {
            switch (indicator.periodType()) {
                case YEAR -> list.add(Integer.toString(y));
                case QUARTER -> {
                    for (int q = 1; q <= 4; q++) {
                        list.add(y + "-Q" + q);
                    }
                }
                case MONTH -> {
                    for (int m = 1; m <= 12; m++) {
                        list.add("%d-%02d".formatted(y, m));
                    }
                }
            }
        }
        return list;
    }

    /** The latest period with a figure of the unit; else the last period of the term not after last year. */
    private static Period defaultPeriod(@Nullable AchievementReport report, List<String> periods) {
        if (report != null && !report.series().isEmpty()) {
            return Period.parse(report.series().getLast().period());
        }
        int lastYear = Indicators.today().getYear() - 1;
        String last = periods.stream()
                .filter(p -> Period.parse(p).year() <= lastYear)
                .reduce((a, b) -> b)
                .orElse(periods.getFirst());
        return Period.parse(last);
    }

    /**
     * The series chart's data: per period of the term the figure, the target line (the year's
     * target where one is set, else the term's) and the projection from the latest figure.
     */
    private static Map<String, Object> seriesChart(AchievementReport report, List<String> periods) {
        var values = new HashMap<String, ValueItem>();
        report.series().forEach(i -> values.put(i.period(), i));
        TargetAchievement termTarget = report.targets().stream()
                .filter(t -> t.year() == null)
                .findFirst()
                .orElse(null);
        var yearTargets = new HashMap<String, TargetAchievement>();
        report.targets().stream().filter(t -> t.year() != null).forEach(t -> yearTargets.put(t.lastPeriod(), t));
        var figures = new ArrayList<Object>();
        var target = new ArrayList<Object>();
        var projection = new ArrayList<Object>();
        for (String p : periods) {
            var v = values.get(p);
            figures.add(v == null ? null : v.value());
            var yt = yearTargets.get(p);
            target.add(
                    yt != null && yt.target() != null ? yt.target() : termTarget == null ? null : termTarget.target());
            Object projected = null;
            if (termTarget != null && termTarget.projected() != null) {
                if (p.equals(termTarget.latestPeriod())) {
                    projected = termTarget.latest();
                } else if (p.equals(termTarget.lastPeriod())) {
                    projected = termTarget.projected();
                }
            }
            projection.add(projected);
        }
        var chart = new LinkedHashMap<String, Object>();
        chart.put("periods", periods);
        chart.put("values", figures);
        chart.put("target", target);
        chart.put("projection", projection);
        return chart;
    }

    private static Term defaultTerm(List<Term> terms) {
        int year = Indicators.today().getYear();
        return terms.stream()
                .filter(t -> t.startYear() < year && year <= t.endYear())
                .findFirst()
                .or(() -> terms.stream().reduce((a, b) -> b))
                .orElseThrow(() -> new NotFound("There are no congress terms yet"));
    }

    private static Term term(List<Term> terms, String code) {
        return terms.stream()
                .filter(t -> t.code().equals(code.strip()))
                .findFirst()
                .orElseThrow(() -> InputProblem.field("term", "there is no term '" + code + "'"));
    }

    private static Period period(Indicator indicator, String text) {
        try {
            return Period.parse(text.strip(), indicator.periodType());
        } catch (IllegalArgumentException e) {
            throw InputProblem.field("period", e.getMessage());
        }
    }
}
