package org.mandate.indicator;

/** How often an indicator is measured; a value's period is written to match. */
public enum PeriodType {
    YEAR("year", "2024"),
    QUARTER("quarter", "2024-Q3"),
    MONTH("month", "2024-07");

    private final String code;
    private final String example;

    PeriodType(String code, String example) {
        this.code = code;
        this.example = example;
    }

    public String code() {
        return code;
    }

    public String example() {
        return example;
    }

    public static PeriodType of(String code) {
        for (PeriodType t : values()) {
            if (t.code.equals(code)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not one of year, quarter, month");
    }
}
