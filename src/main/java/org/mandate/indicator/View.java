package org.mandate.indicator;

/**
 * The hierarchy figures are read in: the one that stood in their period ({@code as_was}), or
 * today's, with the figures of units that ended carried through the succession ({@code as_now}).
 */
public enum View {
    AS_WAS("as_was"),
    AS_NOW("as_now");

    private final String code;

    View(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static View of(String code) {
        for (View v : values()) {
            if (v.code.equals(code)) {
                return v;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not one of as_was, as_now");
    }
}
