package org.mandate.task.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import org.mandate.task.Priority;
import org.mandate.task.TaskStatus;

/** The Vietnamese words of the sheets for statuses and priorities, and how typed words are read. */
public final class SheetWords {
    private SheetWords() {}

    public static String status(TaskStatus status) {
        return switch (status) {
            case IN_PROGRESS -> "Đang thực hiện";
            case OVERDUE -> "Quá hạn";
            case DONE_ON_TIME -> "Hoàn thành đúng hạn";
            case DONE_LATE -> "Hoàn thành quá hạn";
            case ONGOING -> "Thường xuyên";
        };
    }

    public static String priority(Priority priority) {
        return switch (priority) {
            case HIGH -> "Cao";
            case NORMAL -> "Bình thường";
            case LOW -> "Thấp";
        };
    }

    /** A priority typed in Vietnamese or English, with or without tone marks, in any case. */
    public static Optional<Priority> priority(String typed) {
        return switch (fold(typed)) {
            case "cao", "high" -> Optional.of(Priority.HIGH);
            case "binh thuong", "normal" -> Optional.of(Priority.NORMAL);
            case "thap", "low" -> Optional.of(Priority.LOW);
            default -> Optional.empty();
        };
    }

    /**
     * Text in one form of Unicode (NFC), trimmed. Vietnamese typed with some keyboards arrives
     * decomposed (a letter, then its marks), which would not equal the same word typed with another.
     */
    public static String normalize(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC)
                .replace('\u00A0', ' ')
                .strip();
    }

    /** Lower case without tone or other marks, đ as d: for matching words typed loosely. */
    static String fold(String text) {
        return Normalizer.normalize(normalize(text).replaceAll("\\s+", " "), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .replace('đ', 'd')
                .replace('Đ', 'D')
                .toLowerCase(Locale.ROOT);
    }
}
