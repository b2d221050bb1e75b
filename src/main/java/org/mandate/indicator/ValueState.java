package org.mandate.indicator;

import org.jspecify.annotations.Nullable;

/**
 * Where a reported value stands: entered (draft), submitted by the unit, approved by a leader. The
 * order is how far it got; a figure combined from several is as far as the least advanced of them.
 */
public enum ValueState {
    DRAFT("draft"),
    SUBMITTED("submitted"),
    APPROVED("approved");

    private final String code;

    ValueState(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ValueState of(String code) {
        for (ValueState s : values()) {
            if (s.code.equals(code)) {
                return s;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not one of draft, submitted, approved");
    }

    /** Why the value cannot move to {@code next}, or null when it can: one step forward at a time. */
    public @Nullable String refusal(ValueState next) {
        if (next.ordinal() == ordinal() + 1) {
            return null;
        }
        return switch (next) {
            case DRAFT -> "a value goes back to draft only by a correction";
            case SUBMITTED -> "the value is " + code + "; only a draft is submitted";
            case APPROVED -> "the value is " + code + "; only a submitted value is approved";
        };
    }

    public static ValueState leastAdvanced(ValueState a, ValueState b) {
        return a.ordinal() <= b.ordinal() ? a : b;
    }
}
