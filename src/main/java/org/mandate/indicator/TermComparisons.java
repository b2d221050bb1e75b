package org.mandate.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import org.mandate.shared.InputProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "How does it compare with last term?": a unit's figure and targets in a term beside the term
 * before it. Each term is read and assessed by {@link Achievements#achievement}, so the figures,
 * the targets (combined as it is now) and the scope rules are those of the achievement API.
 */
@Service
public class TermComparisons {
    private static final int SHARE_SCALE = 6;

    private final IndicatorCatalogue catalogue;
    private final Achievements achievements;

    TermComparisons(IndicatorCatalogue catalogue, Achievements achievements) {
        this.catalogue = catalogue;
        this.achievements = achievements;
    }

    /** The unit's term beside the term before it; 400 naming {@code term} when there is none before. */
    @Transactional(readOnly = true)
    public TermComparison compare(String code, long unitId, String termCode, View view) {
        Term term = achievements.term(termCode);
        if (previous(term).isEmpty()) {
            throw noneBefore(term);
        }
        return compare(achievements.achievement(code, unitId, term.code(), view));
    }

    /** The term of a report (already read for the reader) beside the term before it. */
    @Transactional(readOnly = true)
    public TermComparison compare(AchievementReport current) {
        Term term = achievements.term(current.term());
        Term before = previous(term).orElseThrow(() -> noneBefore(term));
        var earlier =
                achievements.achievement(current.indicator(), current.unit(), before.code(), View.of(current.view()));
        var now = figure(current);
        var then = figure(earlier);
        var notes = new LinkedHashSet<String>(earlier.notes());
        notes.addAll(current.notes());
        TermComparison.Change change = null;
        if (now.value() != null && then.value() != null) {
            if (now.period().equals(then.period())) {
                notes.add("The latest figure of both terms is that of " + now.period() + ", the year they share: "
                        + term.code() + " has no figure of its own yet");
            } else {
                change = change(current.betterWhen().equals("higher"), then.value(), now.value());
            }
        }
        return new TermComparison(
                current.indicator(),
                current.unit(),
                current.view(),
                current.betterWhen(),
                now,
                then,
                change,
                new ArrayList<>(notes));
    }

    /** The term whose end year is this one's start year, or else the latest that ended before it. */
    @Transactional(readOnly = true)
    public Optional<Term> previous(Term term) {
        var terms = catalogue.terms();
        return terms.stream()
                .filter(t -> t.endYear() == term.startYear())
                .findFirst()
                .or(() -> terms.stream()
                        .filter(t -> t.endYear() < term.startYear())
                        .reduce((a, b) -> b.endYear() >= a.endYear() ? b : a));
    }

    private static InputProblem noneBefore(Term term) {
        return InputProblem.field("term", "there is no term before " + term.code() + " to compare it with");
    }

    /** The term's last figure in its window, with its targets as assessed. */
    private static TermComparison.TermFigure figure(AchievementReport report) {
        ValueItem last = report.series().stream()
                .filter(i -> i.value() != null)
                .reduce((a, b) -> b)
                .orElse(null);
        return last == null
                ? new TermComparison.TermFigure(report.term(), null, null, false, null, report.targets())
                : new TermComparison.TermFigure(
                        report.term(), last.period(), last.value(), last.estimate(), last.state(), report.targets());
    }

    /**
     * From one figure to the next: the difference, the difference as a share of the first (none
     * from 0), and whether it moved the way the indicator is better ({@link
     * Achievement#higherIsBetter}: a rank is better lower).
     */
    static TermComparison.Change change(boolean higherBetter, BigDecimal from, BigDecimal to) {
        BigDecimal absolute = Achievement.plain(to.subtract(from));
        BigDecimal relative = from.signum() == 0
                ? null
                : Achievement.plain(absolute.divide(from.abs(), MathContext.DECIMAL64)
                        .setScale(SHARE_SCALE, RoundingMode.HALF_EVEN));
        String direction =
                absolute.signum() == 0 ? "same" : (absolute.signum() > 0) == higherBetter ? "better" : "worse";
        return new TermComparison.Change(absolute, relative, direction);
    }
}
