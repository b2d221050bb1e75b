package org.mandate.task;

import java.util.Locale;
import org.mandate.shared.InputProblem;

public enum Priority {
    HIGH,
    NORMAL,
    LOW;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Priority of(String code) {
        for (Priority p : values()) {
            if (p.code().equalsIgnoreCase(code.strip())) {
                return p;
            }
        }
        throw InputProblem.field("priority", "'" + code + "' is not one of high, normal, low");
    }
}
