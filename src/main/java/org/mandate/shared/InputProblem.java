package org.mandate.shared;

import org.jspecify.annotations.Nullable;

/**
 * Input that cannot be taken as it is, with where it is wrong: the file (or request part), the
 * line, the field, and why. Web layers turn it into a 400 problem detail that names all four.
 */
public class InputProblem extends RuntimeException {
    private final @Nullable String file;
    private final int line;
    private final @Nullable String field;
    private final String reason;

    public InputProblem(@Nullable String file, int line, @Nullable String field, String reason) {
        super(describe(file, line, field, reason));
        this.file = file;
        this.line = line;
        this.field = field;
        this.reason = reason;
    }

    /** A problem with a request field rather than a file. */
    public static InputProblem field(String field, String reason) {
        return new InputProblem(null, 0, field, reason);
    }

    private static String describe(@Nullable String file, int line, @Nullable String field, String reason) {
        StringBuilder where = new StringBuilder();
        if (file != null) {
            where.append(file);
        }
        if (line > 0) {
            where.append(where.isEmpty() ? "" : ", ").append("line ").append(line);
        }
        if (field != null) {
            where.append(where.isEmpty() ? "" : ", ")
                    .append("field '")
                    .append(field)
                    .append("'");
        }
        return where.isEmpty() ? reason : where + ": " + reason;
    }

    public @Nullable String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public @Nullable String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
