package org.mandate.document;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** The words that name a kind of document before its number ("Nghị quyết số", "Resolution No."). */
final class KindWords {
    private KindWords() {}

    private record Kind(String word, String type) {}

    /** Kinds whose symbols carry no type code; the word before the number gives it. */
    private static final List<Kind> UNTYPED_KINDS = List.of(
            new Kind("nghị quyết", "NQ"),
            new Kind("resolutions", "NQ"),
            new Kind("resolution", "NQ"),
            new Kind("luật", "LUẬT"),
            new Kind("laws", "LUẬT"),
            new Kind("law", "LUẬT"),
            new Kind("code", "LUẬT"),
            new Kind("pháp lệnh", "PL"),
            new Kind("ordinances", "PL"),
            new Kind("ordinance", "PL"));

    /** Every kind word, for deciding that a bare number starts a list ("Nghị định 01, 02/2020/NĐ-CP"). */
    private static final List<String> ANY_KIND = List.of(
            "nghị quyết",
            "kết luận",
            "chỉ thị",
            "quyết định",
            "nghị định",
            "thông tư",
            "thông tư liên tịch",
            "kế hoạch",
            "chương trình",
            "quy định",
            "thông báo",
            "báo cáo",
            "hướng dẫn",
            "công văn",
            "luật",
            "pháp lệnh",
            "resolutions",
            "resolution",
            "conclusions",
            "conclusion",
            "directives",
            "directive",
            "decisions",
            "decision",
            "decrees",
            "decree",
            "circulars",
            "circular",
            "plans",
            "plan",
            "programmes",
            "programme",
            "programs",
            "program",
            "regulations",
            "regulation",
            "notices",
            "notice",
            "laws",
            "law",
            "code",
            "ordinances",
            "ordinance");

    /** How far back the kind word of a clause is looked for. */
    private static final int CLAUSE = 120;

    private static final List<String> NUMBER_WORDS = List.of("số:", "số", "nos.", "no.", "nos", "no", "number");

    /**
     * The type named by the kind word of the clause a symbol without a type code stands in, if
     * that word names an untyped kind: "Luật Đầu tư công số 49/2014/QH13" is a law, "Nghị quyết
     * số 35/2021/QH15" a resolution, "Quyết định số 355/TTg" has no type to give. The last kind
     * word before the number counts; the clause ends at a semicolon, a line end or a bracket.
     */
    static @Nullable String typeBefore(String text, int numberStart) {
        int from = clauseStart(text, numberStart);
        int best = -1;
        String type = null;
        for (String word : ANY_KIND) {
            int at = lastWord(text, from, numberStart, word);
            if (at > best) {
                best = at;
                type = untypedKind(word);
            }
        }
        return type;
    }

    private static @Nullable String untypedKind(String word) {
        for (Kind kind : UNTYPED_KINDS) {
            if (kind.word().equals(word)) {
                return kind.type();
            }
        }
        return null;
    }

    private static int clauseStart(String text, int at) {
        int limit = Math.max(0, at - CLAUSE);
        for (int i = at - 1; i >= limit; i--) {
            char c = text.charAt(i);
            if (c == ';' || c == '\n' || c == '(' || c == ')') {
                return i + 1;
            }
        }
        return limit;
    }

    /** Where the last whole-word occurrence (any case) of {@code word} in [from, to) starts, or -1. */
    private static int lastWord(String text, int from, int to, String word) {
        for (int i = to - word.length(); i >= from; i--) {
            if (text.regionMatches(true, i, word, 0, word.length())
                    && (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)))
                    && (i + word.length() >= text.length() || !Character.isLetter(text.charAt(i + word.length())))) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the number at {@code numberStart} follows "số", "No." or a kind word. */
    static boolean introducesNumber(String text, int numberStart) {
        int end = Text.skipSpaceBack(text, numberStart);
        for (String word : NUMBER_WORDS) {
            if (Text.endsWithWord(text, end, word)) {
                return true;
            }
        }
        for (String word : ANY_KIND) {
            if (Text.endsWithWord(text, end, word)) {
                return true;
            }
        }
        return false;
    }
}
