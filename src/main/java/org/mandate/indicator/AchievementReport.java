package org.mandate.indicator;

import java.util.List;

/**
 * A unit's figures over a term in a view, and each of its targets for the term assessed.
 *
 * @param betterWhen {@code higher} or {@code lower} (always lower for a rank)
 * @param trend how the trend is projected: {@code linear} or {@code compound}
 * @param series the unit's figures of the term's periods (rolled up when the indicator adds up)
 * @param targets the term's target first, then the years'
 */
public record AchievementReport(
        String indicator,
        long unit,
        String term,
        String view,
        String betterWhen,
        String trend,
        List<ValueItem> series,
        List<TargetAchievement> targets,
        List<String> notes) {}
