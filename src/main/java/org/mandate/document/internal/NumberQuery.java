package org.mandate.document.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A search text read as a document number in any spelling: "1026 kl tu", "1026-KL/TU" and
 * "1026/KL-TU" all give number 1026 with codes KL and TU; "35/2021/QH15" gives 35 with 2021 and
 * QH15. Matched against {@code document.number_key} and {@code document.codes}.
 */
public record NumberQuery(String numberKey, List<String> codes) {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");
    private static final Set<String> NOISE = Set.of("SO", "SỐ", "NO", "NOS");
    private static final int MAX_TOKENS = 6;
    private static final int MAX_CODE_LENGTH = 12;

    /** Null when the text is not a number with short codes (then it is only a full-text search). */
    public static @Nullable NumberQuery parse(String text) {
        var m = TOKEN.matcher(text);
        String number = null;
        var codes = new ArrayList<String>();
        int tokens = 0;
        while (m.find()) {
            String token = fold(m.group());
            if (NOISE.contains(token)) {
                continue;
            }
            if (++tokens > MAX_TOKENS || token.length() > MAX_CODE_LENGTH) {
                return null;
            }
            if (number == null && token.chars().allMatch(Character::isDigit)) {
                number = numberKey(token);
            } else {
                codes.add(token);
            }
        }
        return number == null ? null : new NumberQuery(number, List.copyOf(codes));
    }

    /** Upper case, Đ as D: the form of {@code document.codes}. */
    public static String fold(String code) {
        return code.toUpperCase(Locale.ROOT).replace('Đ', 'D');
    }

    public static String numberKey(String digits) {
        String stripped = digits.replaceFirst("^0+(?=\\d)", "");
        return stripped;
    }
}
