package org.mandate.indicator;

/**
 * How an indicator's values combine up the hierarchy: added up (persons, households, tourists),
 * averaged weighted by another indicator of the same units and periods (income per person by
 * population), or not at all (a rank, a rate without its denominator).
 */
public enum Rollup {
    SUM("sum"),
    WEIGHTED_AVERAGE("weighted_average"),
    NONE("none");

    private final String code;

    Rollup(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static Rollup of(String code) {
        for (Rollup r : values()) {
            if (r.code.equals(code)) {
                return r;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not one of sum, weighted_average, none");
    }
}
