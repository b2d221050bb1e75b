package org.mandate.indicator;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Peer units ranked: the units of one level under one parent as of a date (the last day of the
 * period as it was; today as it is now), by their figure for the period or by the share of their
 * term's target reached by then.
 *
 * @param parent null: the top level (the provinces)
 * @param by {@code value} or {@code achievement}
 * @param term the term whose targets are assessed (ranked by achievement)
 */
public record RankingReport(
        String indicator,
        @Nullable Long parent,
        String period,
        String view,
        String by,
        @Nullable String term,
        LocalDate asOf,
        @Nullable String level,
        List<RankedUnit> items,
        List<String> notes) {}
