package org.mandate.organization.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Spelling correction of a folded search query against the words that names are made of
 * ({@code name_word}, {@code name_pair}, kept by a trigger). Each word is replaced by the words
 * of the vocabulary within a small edit distance (one letter; two for words of 7 letters or
 * more), or split in two ("mongcai" -> "mong cai"); a phrase is kept only when each pair of
 * adjacent words occurs in some name. The result, best first, are phrases that can be searched
 * literally. This costs a few lookups in a vocabulary of thousands of words, whatever the
 * number of units, where trigram similarity over the names compares the query with a large
 * share of all versions.
 */
@Component
class NameCorrections {
    /** Corrected phrases searched at most; the best by total edits are kept. */
    static final int MAX_PHRASES = 16;

    /** Partial phrases carried from one word to the next. */
    private static final int MAX_PARTIAL = 64;

    private static final int MAX_WORDS = 8;

    private static final String NEAR_WORDS = """
            SELECT q.n, d.word, levenshtein_less_equal(d.word, q.w, q.k) AS edits
            FROM (SELECT w, n, CASE WHEN length(w) >= 7 THEN 2 ELSE 1 END AS k
                  FROM unnest(:words::text[]) WITH ORDINALITY AS u(w, n)) q
            JOIN name_word d ON length(d.word) BETWEEN length(q.w) - q.k AND length(q.w) + q.k
             AND levenshtein_less_equal(d.word, q.w, q.k) <= q.k
            """;

    private static final String SPLITS = """
            SELECT first || ' ' || second FROM name_pair
            WHERE (first, second) IN (SELECT * FROM unnest(:lefts::text[], :rights::text[]))
            """;

    private static final String PAIRS = """
            SELECT first || ' ' || second FROM name_pair
            WHERE first = ANY(:firsts::text[]) AND second = ANY(:seconds::text[])
            """;

    private final JdbcClient jdbc;

    NameCorrections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Phrases close to the folded query that occur in names, fewest edits first; may be empty. */
    List<String> phrases(String folded) {
        String[] words = folded.strip().split("\\s+");
        if (folded.isBlank() || words.length > MAX_WORDS) {
            return List.of();
        }
        List<List<Phrase>> options = alternatives(words);
        List<Phrase> phrases = options.get(0);
        for (int i = 1; i < words.length && !phrases.isEmpty(); i++) {
            phrases = join(phrases, options.get(i));
        }
        return best(phrases, MAX_PHRASES).stream()
                .filter(p -> p.edits() > 0) // unchanged, it is what the literal search did not find
                .map(Phrase::text)
                .toList();
    }

    /** For each word of the query, the words or split pairs it may have been meant as. */
    private List<List<Phrase>> alternatives(String[] words) {
        List<List<Phrase>> options = new ArrayList<>();
        for (int i = 0; i < words.length; i++) {
            options.add(new ArrayList<>());
        }
        jdbc.sql(NEAR_WORDS)
                .param("words", words)
                .query((rs, n) -> {
                    options.get(rs.getInt("n") - 1).add(new Phrase(rs.getString("word"), rs.getInt("edits")));
                    return null;
                })
                .list();
        List<String> lefts = new ArrayList<>();
        List<String> rights = new ArrayList<>();
        for (String word : words) {
            for (int cut = 1; cut < word.length(); cut++) {
                lefts.add(word.substring(0, cut));
                rights.add(word.substring(cut));
            }
        }
        Set<String> splits = new HashSet<>(jdbc.sql(SPLITS)
                .param("lefts", lefts.toArray(String[]::new))
                .param("rights", rights.toArray(String[]::new))
                .query(String.class)
                .list());
        for (int i = 0; i < words.length; i++) {
            for (int cut = 1; cut < words[i].length(); cut++) {
                String split = words[i].substring(0, cut) + " " + words[i].substring(cut);
                if (splits.contains(split)) {
                    options.get(i).add(new Phrase(split, 1));
                }
            }
        }
        return options.stream().map(o -> best(o, Integer.MAX_VALUE)).toList();
    }

    /** Every phrase followed by every next option, where the two words that meet occur together. */
    private List<Phrase> join(List<Phrase> phrases, List<Phrase> next) {
        if (next.isEmpty()) {
            return List.of();
        }
        Set<String> pairs = new HashSet<>(jdbc.sql(PAIRS)
                .param("firsts", phrases.stream().map(Phrase::last).distinct().toArray(String[]::new))
                .param("seconds", next.stream().map(Phrase::first).distinct().toArray(String[]::new))
                .query(String.class)
                .list());
        List<Phrase> joined = new ArrayList<>();
        for (Phrase phrase : phrases) {
            for (Phrase word : next) {
                if (pairs.contains(phrase.last() + " " + word.first())) {
                    joined.add(new Phrase(phrase.text() + " " + word.text(), phrase.edits() + word.edits()));
                }
            }
        }
        return best(joined, MAX_PARTIAL);
    }

    private static List<Phrase> best(List<Phrase> phrases, int limit) {
        Map<String, Phrase> unique = new LinkedHashMap<>();
        phrases.stream()
                .sorted(Comparator.comparingInt(Phrase::edits).thenComparing(Phrase::text))
                .forEach(p -> unique.putIfAbsent(p.text(), p));
        return unique.values().stream().limit(limit).toList();
    }

    private record Phrase(String text, int edits) {
        String first() {
            int space = text.indexOf(' ');
            return space < 0 ? text : text.substring(0, space);
        }

        String last() {
            return text.substring(text.lastIndexOf(' ') + 1);
        }
    }
}
