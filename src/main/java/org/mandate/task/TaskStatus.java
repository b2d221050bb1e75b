package org.mandate.task;

import java.util.Locale;
import org.mandate.shared.InputProblem;

/**
 * A task's status on a given day, as the Government's task tracking counts it, plus ongoing (no
 * deadline). Never stored on the task: it is computed from the dates ({@link TaskTimeline}).
 */
public enum TaskStatus {
    IN_PROGRESS,
    OVERDUE,
    DONE_ON_TIME,
    DONE_LATE,
    ONGOING;

    @com.fasterxml.jackson.annotation.JsonValue
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean done() {
        return this == DONE_ON_TIME || this == DONE_LATE;
    }

    public static TaskStatus of(String code) {
        for (TaskStatus s : values()) {
            if (s.code().equalsIgnoreCase(code.strip())) {
                return s;
            }
        }
        throw InputProblem.field(
                "status",
                "'" + code + "' is not one of in_progress, overdue, done_on_time, done_late, ongoing, due_soon");
    }
}
