package org.mandate.document;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Infers from the words before each reference how the citing document stands to the cited one:
 * "để triển khai thực hiện Kết luận..." implements it, "tiếp tục" continues, "sửa đổi, bổ sung"
 * amends, "thay thế" replaces, anything else cites. Only the words between the start of the
 * sentence (or the previous reference) and the reference count. Words after a previous reference
 * and "về"/"on" belong to that document's title ("Kết luận 96-KL/TW về tiếp tục thực hiện Nghị
 * quyết 45-NQ/TW": the conclusion continues the resolution; the citing text only cites it). A
 * reference that follows another with only a conjunction between ("thực hiện Nghị quyết 01/NQ-CP
 * và Nghị quyết 02/NQ-CP") takes the relation of the one before.
 */
public final class Relations {
    private static final int WINDOW = 160;

    private record Cue(String words, Relation relation) {}

    /** Most specific first: "tiếp tục thực hiện" continues, it does not merely implement. */
    private static final List<Cue> CUES = List.of(
            new Cue("thay thế", Relation.REPLACES),
            new Cue("replac", Relation.REPLACES),
            new Cue("supersed", Relation.REPLACES),
            new Cue("sửa đổi", Relation.AMENDS),
            new Cue("bổ sung", Relation.AMENDS),
            new Cue("amend", Relation.AMENDS),
            new Cue("tiếp tục", Relation.CONTINUES),
            new Cue("continu", Relation.CONTINUES),
            new Cue("triển khai", Relation.IMPLEMENTS),
            new Cue("thực hiện", Relation.IMPLEMENTS),
            new Cue("thi hành", Relation.IMPLEMENTS),
            new Cue("implement", Relation.IMPLEMENTS));

    private static final List<String> TITLE_WORDS = List.of(" về ", " on ", " regarding ");

    private Relations() {}

    /** The relation for each reference, in the same order. */
    public static List<Relation> infer(String text, List<Reference> refs) {
        var out = new ArrayList<Relation>(refs.size());
        for (int i = 0; i < refs.size(); i++) {
            Reference ref = refs.get(i);
            int sentence = sentenceStart(text, ref.start());
            @Nullable Reference previous = i > 0 ? refs.get(i - 1) : null;
            boolean afterPrevious = previous != null && previous.end() > sentence;
            int from = afterPrevious ? previous.end() : sentence;
            String window = " " + text.substring(from, ref.start()).toLowerCase(Locale.ROOT) + " ";
            Relation cue = cue(window);
            if (afterPrevious && TITLE_WORDS.stream().anyMatch(window::contains)) {
                out.add(Relation.CITES);
            } else if (cue != null) {
                out.add(cue);
            } else if (afterPrevious && onlyJoins(window)) {
                out.add(out.get(i - 1));
            } else {
                out.add(Relation.CITES);
            }
        }
        return out;
    }

    private static @Nullable Relation cue(String window) {
        for (Cue c : CUES) {
            if (window.contains(c.words())) {
                return c.relation();
            }
        }
        return null;
    }

    /** Only a conjunction, a kind word, "số"/"No." and a date between two references. */
    private static boolean onlyJoins(String window) {
        String rest = window.replaceAll("ngày|dated|\\d+|[/.,;&()-]", " ")
                .replaceAll("(?U)\\b(và|and|or|hoặc|số|no|nos)\\b", " ");
        return rest.strip().split("\\s+").length <= 3;
    }

    private static int sentenceStart(String text, int at) {
        int limit = Math.max(0, at - WINDOW);
        for (int i = at - 1; i >= limit; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == ';' || c == '.' && endsSentence(text, i)) {
                return i + 1;
            }
        }
        return limit;
    }

    /** A full stop followed by a space, and not the one of "No." / "Nos.". */
    private static boolean endsSentence(String text, int dot) {
        if (dot + 1 >= text.length() || !Character.isWhitespace(text.charAt(dot + 1))) {
            return false;
        }
        return !(Text.endsWithWord(text, dot, "no") || Text.endsWithWord(text, dot, "nos"));
    }
}
