package org.mandate.document.internal;

import java.time.LocalDate;
import java.util.Collection;
import org.jspecify.annotations.Nullable;
import org.mandate.document.DocumentQuery;
import org.mandate.document.DocumentSummary;
import org.mandate.shared.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists and searches documents within what the reader may see. */
@Repository
public class DocumentSearch {
    private final JdbcClient jdbc;

    DocumentSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Documents the reader sees: national ones, those of units in the reader's scope, and those of
     * units above it (documents flow down). With a text, a match of the number in any spelling
     * comes first (index document_number), then full-text matches by rank (GIN document_search).
     *
     * @param all the reader's scope is the whole country
     * @param roots the units of the reader's grants
     */
    public PageOf<DocumentSummary> find(DocumentQuery q, boolean all, Collection<Long> roots, LocalDate today) {
        String text = q.text() == null || q.text().isBlank() ? null : q.text().strip();
        NumberQuery number = text == null ? null : NumberQuery.parse(text);
        String numberMatch = number == null ? "false" : "(d.number_key = :num AND d.codes @> CAST(:codes AS text[]))";
        String textMatch =
                text == null ? "true" : "(" + numberMatch + " OR d.search @@ plainto_tsquery('simple', fold_text(:q)))";
        String sql = "SELECT " + DocumentStore.SUMMARY_COLUMNS + ", count(*) OVER () AS total FROM document d"
                + " WHERE (:known OR d.registered) AND (CAST(:type AS text) IS NULL OR d.type = :type)"
                + " AND (:all OR d.unit_id IS NULL OR unit_covered(d.unit_id, CAST(:roots AS bigint[]), :today)"
                + "      OR EXISTS (SELECT 1 FROM unnest(CAST(:roots AS bigint[])) r"
                + "                  WHERE unit_covered(r, ARRAY[d.unit_id], :today)))"
                + " AND " + textMatch
                + " ORDER BY " + (number == null ? "" : numberMatch + " DESC, ")
                + (text == null ? "" : "ts_rank(d.search, plainto_tsquery('simple', fold_text(:q))) DESC, ")
                + "d.registered DESC, d.issued_on DESC NULLS LAST, d.id DESC LIMIT :size OFFSET :offset";
        var spec = jdbc.sql(sql)
                .param("known", q.includeKnownByNumber())
                .param("type", blankToNull(q.type()))
                .param("all", all)
                .param("roots", roots.toArray(Long[]::new))
                .param("today", today)
                .param("size", q.size())
                .param("offset", (long) q.page() * q.size());
        if (text != null) {
            spec = spec.param("q", text);
        }
        if (number != null) {
            spec = spec.param("num", number.numberKey())
                    .param("codes", number.codes().toArray(String[]::new));
        }
        long[] total = {0};
        var items = spec.query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return DocumentStore.summary(rs, n);
                })
                .list();
        return new PageOf<>(total[0], items);
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
