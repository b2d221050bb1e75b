package org.mandate.indicator.web;

import static org.mandate.indicator.web.WebParams.blankToNull;
import static org.mandate.indicator.web.WebParams.parse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.AchievementReport;
import org.mandate.indicator.Achievements;
import org.mandate.indicator.PeerRankings;
import org.mandate.indicator.RankingReport;
import org.mandate.indicator.TermComparison;
import org.mandate.indicator.TermComparisons;
import org.mandate.shared.InputProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Achievement against targets, projections and peer rankings over HTTP; held to the caller's scope. */
@RestController
class AchievementApi {
    private final Achievements achievements;
    private final PeerRankings rankings;
    private final TermComparisons comparisons;

    AchievementApi(Achievements achievements, PeerRankings rankings, TermComparisons comparisons) {
        this.achievements = achievements;
        this.rankings = rankings;
        this.comparisons = comparisons;
    }

    @GetMapping("/api/indicators/{code}/achievement")
    @Operation(
            summary = "A unit's targets for a term assessed: share reached, trend projected to the end of the term,"
                    + " status (achieved, on_track, at_risk, off_track, no_data, not_comparable); as it was, or as"
                    + " it is now with the targets of merged units combined")
    AchievementReport achievement(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String term,
            @RequestParam(defaultValue = "as_was") String view) {
        requireUnitAndTerm(unit, term);
        return achievements.achievement(code, unit, term, WebParams.view(view));
    }

    @GetMapping("/api/indicators/{code}/term-comparison")
    @Operation(
            summary = "A unit's figure and targets in a term beside the term before it (the one ending in the year"
                    + " it starts, or the latest before): each term's last figure and its targets assessed as the"
                    + " achievement API does, and the change (absolute, relative, better or worse)")
    TermComparison termComparison(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String term,
            @RequestParam(defaultValue = "as_was") String view) {
        requireUnitAndTerm(unit, term);
        return comparisons.compare(code, unit, term, WebParams.view(view));
    }

    @GetMapping("/api/indicators/{code}/ranking")
    @Operation(
            summary = "Peer units (one level under one parent, as of the period's last day as it was, or today as"
                    + " it is now) ranked by their figure for the period or by the share of their term's target"
                    + " reached by then; equal figures share a rank (1, 2, 2, 4)")
    RankingReport ranking(
            @PathVariable String code,
            @Parameter(description = "the peers' parent; absent: the top level (whole-country readers)")
                    @RequestParam(required = false)
                    @Nullable
                    Long parent,
            @RequestParam(required = false) @Nullable String period,
            @Parameter(description = "value or achievement") @RequestParam(defaultValue = "value") String by,
            @Parameter(description = "the term of the targets (by achievement); absent: the one the period is in")
                    @RequestParam(required = false)
                    @Nullable
                    String term,
            @RequestParam(defaultValue = "as_was") String view,
            @Parameter(description = "the peers' level; absent: the level most of the parent's children have")
                    @RequestParam(required = false)
                    @Nullable
                    String level) {
        if (period == null || period.isBlank()) {
            throw InputProblem.field("period", "missing: the period ranked, such as 2024");
        }
        return rankings.rank(
                code,
                parent,
                period.strip(),
                parse("by", by, PeerRankings.By::of),
                blankToNull(term),
                WebParams.view(view),
                blankToNull(level));
    }

    record TrendRequest(@Nullable String trend) {}

    @PutMapping("/api/indicators/{code}/trend")
    @Operation(
            summary = "How the indicator's trend is projected to the end of a term: linear (least squares) or"
                    + " compound (constant growth rate); an office or administrator")
    Map<String, String> setTrend(@PathVariable String code, @RequestBody TrendRequest r) {
        // the role is checked before the body, so an outsider learns nothing from the reply
        String trend = r.trend() == null ? "" : r.trend().strip();
        return Map.of("code", code, "trend", achievements.setTrend(code, trend).code());
    }

    /** Both are needed: the unit, and the term assessed. */
    private static void requireUnitAndTerm(@Nullable Long unit, @Nullable String term) {
        if (unit == null) {
            throw InputProblem.field("unit", "missing: the unit whose targets are assessed");
        }
        if (term == null || term.isBlank()) {
            throw InputProblem.field("term", "missing: the congress term, such as 2020-2025");
        }
    }
}
