package org.mandate.indicator;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How far a unit has come towards a target, and where it is heading. Plain rules, no Spring:
 *
 * <ul>
 *   <li><b>share</b> of the target reached: value / target when higher is better (target above 0),
 *       target / value when lower is better (value above 0); a value equal to the target is 1.
 *       Otherwise (a target of 0 to rise from, a value of 0 to fall to) there is no share, only
 *       reached or not.
 *   <li><b>achieved</b>: the latest figure reaches the target (at or above it, or at or below it
 *       when lower is better).
 *   <li>when the figure of the target's last period is in and falls short: <b>off track</b> (missed;
 *       nothing left to project).
 *   <li>otherwise the trend of the figures so far is projected to the end of the target's last
 *       period ({@link Projection}): <b>on track</b> when the projection reaches the target,
 *       <b>at risk</b> when it reaches at least {@link #AT_RISK_SHARE} of it, else <b>off track</b>.
 *   <li>no figure yet: <b>no data</b>.
 * </ul>
 */
public final class Achievement {
    /** A projection reaching this share of the target, but not the target, is at risk. */
    public static final BigDecimal AT_RISK_SHARE = new BigDecimal("0.9");

    private static final int SHARE_SCALE = 6;
    private static final int VALUE_SCALE = 4;

    private Achievement() {}

    public enum Status {
        ACHIEVED("achieved"),
        ON_TRACK("on_track"),
        AT_RISK("at_risk"),
        OFF_TRACK("off_track"),
        NO_DATA("no_data"),
        /** As it is now, the targets of the units merged into this one cannot be combined. */
        NOT_COMPARABLE("not_comparable");

        private final String code;

        Status(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }
    }

    /** A figure of the series being assessed. */
    public record Observed(Period period, BigDecimal value, boolean estimate) {}

    /**
     * Where a projection may go: no lower than {@code min}, no higher than {@code max} (null: no
     * bound).
     */
    public record Bounds(@Nullable Double min, @Nullable Double max) {
        public static final Bounds NONE = new Bounds(null, null);

        /**
         * A rank is at least 1; a percentage at most 100; and a series that has never been below 0
         * (counts, rates, incomes) is not projected below 0.
         */
        public static Bounds of(Indicator indicator, List<Observed> series) {
            boolean nonNegative = series.stream().allMatch(o -> o.value().signum() >= 0);
            Double min = isRank(indicator) ? Double.valueOf(1) : nonNegative ? Double.valueOf(0) : null;
            Double max = indicator.unitOfMeasure().strip().equals("%") ? Double.valueOf(100) : null;
            return new Bounds(min, max);
        }

        double clamp(double v) {
            double r = v;
            if (min != null && r < min) {
                r = min;
            }
            if (max != null && r > max) {
                r = max;
            }
            return r;
        }
    }

    /**
     * @param latest the last figure in the target's window (null: none)
     * @param share the share of the target the latest figure reaches (null: no share, see above)
     * @param projected the projection to the end of the target's last period (null when the figure
     *     of that period is in, or there is none)
     * @param method how the projection was drawn (null: no projection)
     * @param closed whether the figure of the target's last period is in
     */
    public record Assessment(
            @Nullable Period latestPeriod,
            @Nullable BigDecimal latest,
            boolean latestEstimate,
            @Nullable BigDecimal share,
            @Nullable BigDecimal projected,
            @Nullable BigDecimal projectedShare,
            Projection.@Nullable Method method,
            boolean closed,
            Status status) {}

    /** Whether lower is better: said by the direction, and always so for a rank. */
    public static boolean higherIsBetter(Indicator indicator) {
        return indicator.direction().equals("higher") && !isRank(indicator);
    }

    /** A rank (PCI, DTI...): its unit of measure says so ("hạng/63", "rank"). */
    public static boolean isRank(Indicator indicator) {
        String u = indicator.unitOfMeasure().strip().toLowerCase(Locale.ROOT);
        return u.startsWith("hạng") || u.startsWith("rank");
    }

    /**
     * Assesses the figures of a target's window (in period order, none after {@code last}) against
     * the target, {@code last} being the target's last period.
     */
    public static Assessment assess(
            boolean higherBetter,
            BigDecimal target,
            List<Observed> series,
            Period last,
            Projection.Method method,
            Bounds bounds) {
        if (series.isEmpty()) {
            return new Assessment(null, null, false, null, null, null, null, false, Status.NO_DATA);
        }
        Observed latest = series.getLast();
        if (latest.period().compareTo(last) > 0) {
            throw new IllegalArgumentException(latest.period() + " is after the target's last period " + last);
        }
        BigDecimal share = share(higherBetter, target, latest.value());
        boolean closed = latest.period().equals(last);
        if (reached(higherBetter, target, latest.value())) {
            return new Assessment(
                    latest.period(),
                    latest.value(),
                    latest.estimate(),
                    share,
                    null,
                    null,
                    null,
                    closed,
                    Status.ACHIEVED);
        }
        if (closed) {
            return new Assessment(
                    latest.period(),
                    latest.value(),
                    latest.estimate(),
                    share,
                    null,
                    null,
                    null,
                    true,
                    Status.OFF_TRACK);
        }
        var points = series.stream()
                .map(o -> new Projection.Point(
                        Projection.time(o.period()), o.value().doubleValue()))
                .toList();
        var p = Projection.project(method, points, Projection.time(last));
        BigDecimal projected =
                BigDecimal.valueOf(bounds.clamp(p.value())).setScale(VALUE_SCALE, RoundingMode.HALF_EVEN);
        BigDecimal projectedShare = share(higherBetter, target, projected);
        Status status;
        if (reached(higherBetter, target, projected)) {
            status = Status.ON_TRACK;
        } else if (projectedShare != null && projectedShare.compareTo(AT_RISK_SHARE) >= 0) {
            status = Status.AT_RISK;
        } else {
            status = Status.OFF_TRACK;
        }
        return new Assessment(
                latest.period(),
                latest.value(),
                latest.estimate(),
                share,
                plain(projected),
                projectedShare,
                p.method(),
                false,
                status);
    }

    public static boolean reached(boolean higherBetter, BigDecimal target, BigDecimal value) {
        int c = value.compareTo(target);
        return higherBetter ? c >= 0 : c <= 0;
    }

    /** The share of the target a value reaches; null where a ratio means nothing (see the class). */
    public static @Nullable BigDecimal share(boolean higherBetter, BigDecimal target, BigDecimal value) {
        if (value.compareTo(target) == 0) {
            return BigDecimal.ONE;
        }
        if (higherBetter) {
            return target.signum() > 0 ? ratio(value, target) : null;
        }
        return value.signum() > 0 && target.signum() >= 0 ? ratio(target, value) : null;
    }

    private static BigDecimal ratio(BigDecimal a, BigDecimal b) {
        return plain(a.divide(b, MathContext.DECIMAL64).setScale(SHARE_SCALE, RoundingMode.HALF_EVEN));
    }

    /** A figure without trailing zeros and never in exponent form (1E+2 is 100). */
    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
