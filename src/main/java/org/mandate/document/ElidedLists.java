package org.mandate.document;

import java.util.ArrayList;
import java.util.List;

/**
 * Lists that write the shared part of a symbol once: "Nghị quyết số 01, 02/NQ-CP", "Decrees
 * Nos. 01 and 02/2020/NĐ-CP". Each bare number before the full symbol is a reference of its own
 * with the type, year and issuer of that symbol; its raw text is the number alone.
 */
final class ElidedLists {
    private static final int MAX_DIGITS = 6;

    private ElidedLists() {}

    static void addBefore(String text, Reference full, int lastEnd, List<Reference> found) {
        var numbers = new ArrayList<int[]>();
        int pos = full.start();
        while (true) {
            int q = Text.skipSpaceBack(text, pos);
            int beforeSeparator;
            if (q > lastEnd && (text.charAt(q - 1) == ',' || text.charAt(q - 1) == '&')) {
                beforeSeparator = q - 1;
            } else if (Text.endsWithWord(text, q, "và") || Text.endsWithWord(text, q, "and")) {
                beforeSeparator = q - (Text.endsWithWord(text, q, "và") ? 2 : 3);
            } else {
                break;
            }
            int r = Text.skipSpaceBack(text, beforeSeparator);
            int s = r;
            while (s > lastEnd && Text.isDigit(text.charAt(s - 1))) {
                s--;
            }
            if (s == r || r - s > MAX_DIGITS || s <= lastEnd) {
                break;
            }
            char before = s > 0 ? text.charAt(s - 1) : ' ';
            if (Character.isLetterOrDigit(before) || before == '/' || before == '.' || Text.isDash(before)) {
                break;
            }
            numbers.addFirst(new int[] {s, r});
            pos = s;
        }
        if (numbers.isEmpty() || !KindWords.introducesNumber(text, numbers.getFirst()[0])) {
            return;
        }
        for (int[] span : numbers) {
            String digits = text.substring(span[0], span[1]);
            found.add(new Reference(
                    digits, span[0], span[1], digits, full.year(), full.type(), full.issuer(), null, full.style()));
        }
    }
}
