package org.mandate.indicator;

import java.util.List;

/**
 * Where a series is heading: a least-squares line through its points, read at the end of the
 * term. {@link Method#LINEAR} fits the values themselves (a rate, a count that grows by about as
 * much each year); {@link Method#COMPOUND} fits their logarithms, i.e. a constant rate of growth
 * (income, tourists), and needs every value above zero. One point, or points all at the same time,
 * give no trend: the projection is their mean (the figure is assumed to stay where it is).
 */
public final class Projection {
    private Projection() {}

    /** How an indicator's trend is drawn. */
    public enum Method {
        LINEAR("linear"),
        COMPOUND("compound");

        private final String code;

        Method(String code) {
            this.code = code;
        }

        public String code() {
            return code;
        }

        public static Method of(String code) {
            for (Method m : values()) {
                if (m.code.equals(code)) {
                    return m;
                }
            }
            throw new IllegalArgumentException("'" + code + "' is not one of linear, compound");
        }
    }

    /**
     * A figure at a time.
     *
     * @param x the time in years (the end of its period: 2024 ends at 2025.0, 2024-Q3 at 2024.75)
     */
    public record Point(double x, double y) {}

    /**
     * The projected value at {@code at}, and the method actually used: a compound fit falls back to
     * a linear one when a value is zero or below (no logarithm).
     */
    public record Projected(double value, Method method) {}

    public static Projected project(Method method, List<Point> points, double at) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no points to project from");
        }
        if (method == Method.COMPOUND && points.stream().allMatch(p -> p.y() > 0)) {
            var logs =
                    points.stream().map(p -> new Point(p.x(), Math.log(p.y()))).toList();
            return new Projected(Math.exp(fit(logs, at)), Method.COMPOUND);
        }
        return new Projected(fit(points, at), Method.LINEAR);
    }

    /** The least-squares line through the points, read at x = at. */
    static double fit(List<Point> points, double at) {
        int n = points.size();
        double mx = points.stream().mapToDouble(Point::x).sum() / n;
        double my = points.stream().mapToDouble(Point::y).sum() / n;
        double sxx = 0;
        double sxy = 0;
        for (Point p : points) {
            sxx += (p.x() - mx) * (p.x() - mx);
            sxy += (p.x() - mx) * (p.y() - my);
        }
        if (sxx == 0) {
            return my;
        }
        return my + sxy / sxx * (at - mx);
    }

    /** A period's time in years: the moment it ends. */
    public static double time(Period p) {
        return switch (p.type()) {
            case YEAR -> p.year() + 1.0;
            case QUARTER -> p.year() + p.part() / 4.0;
            case MONTH -> p.year() + p.part() / 12.0;
        };
    }
}
