package org.mandate.organization.internal;

import static org.mandate.organization.internal.UnitRepository.VERSION;
import static org.mandate.organization.internal.UnitRepository.VERSION_COLUMNS;
import static org.mandate.organization.internal.UnitRepository.VERSION_JOINS;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.UnitQuery;
import org.mandate.organization.UnitVersion;
import org.mandate.shared.PageOf;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finds units as of a date by level, place in the tree and name. The SQL is assembled only from
 * the fixed fragments below, chosen by which filters are present; every value is a bind parameter.
 */
@Repository
public class UnitSearch {
    /**
     * Name match: folded text (no tone marks, lower case, đ = d) containing the folded query, or
     * close to it word by word (pg_trgm word similarity, for typos). Served by the trigram GIN index.
     * The query is folded once, in a sub-select: once the driver prepares the statement (generic
     * plan), a bare fold_text(:q) was recomputed for every candidate row.
     */
    private static final String TEXT_MATCH =
            " AND (v.search_text LIKE '%' || (SELECT fold_text(:q)) || '%' OR (SELECT fold_text(:q)) <% v.search_text)";
    /** Best first: the name itself equal to the query, then starting with it, then closeness. */
    private static final String TEXT_RANK = """
             ORDER BY (fold_text(v.name) = (SELECT fold_text(:q))) DESC,
                      (fold_text(v.name) LIKE (SELECT fold_text(:q)) || '%') DESC,
                      word_similarity((SELECT fold_text(:q)), v.search_text) DESC,
                      array_position(ARRAY['central','province','district','commune'], v.level),
                      fold_text(v.name), v.code
            """;

    private final JdbcClient jdbc;

    UnitSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param rootPath restrict to units strictly below this path (the parent as of the same date) */
    @Transactional(readOnly = true)
    public PageOf<UnitVersion> find(UnitQuery query, @Nullable String rootPath) {
        StringBuilder where = new StringBuilder(" WHERE v.valid @> :asOf AND u.hierarchy = :hierarchy");
        if (query.level() != null) {
            where.append(" AND v.level = :level");
        }
        if (rootPath != null) {
            // subtree as of the date: one scan of the (path, valid) GiST index
            where.append(" AND v.path <@ :root::ltree AND v.path <> :root::ltree");
        }
        String text = query.text() == null || query.text().isBlank()
                ? null
                : query.text().strip();
        if (text != null) {
            jdbc.sql("SET LOCAL pg_trgm.word_similarity_threshold = 0.5").update();
            where.append(TEXT_MATCH);
        }
        // filter, count, sort and cut the page on the versions alone; only the page's rows are then
        // joined to their parent and locality names (joining first made every read hash the table)
        String from = " FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id" + where;
        var count = bind(jdbc.sql("SELECT count(*)" + from), query, rootPath, text);
        long total = count.query(Long.class).single();
        if (total == 0) {
            return new PageOf<>(0, List.of());
        }
        String order = text != null
                ? TEXT_RANK
                : " ORDER BY array_position(ARRAY['central','province','district','commune'], v.level), v.code";
        var items = bind(
                        jdbc.sql("SELECT " + VERSION_COLUMNS + " FROM (SELECT v.*" + from + order
                                + " LIMIT :size OFFSET :offset) v " + VERSION_JOINS + order),
                        query,
                        rootPath,
                        text)
                .param("size", query.size())
                .param("offset", (long) query.page() * query.size())
                .query(VERSION)
                .list();
        return new PageOf<>(total, items);
    }

    /** Units whose name ever matched, each in its latest matching version, best first. */
    @Transactional(readOnly = true)
    public List<UnitVersion> acrossTime(String text, int limit) {
        jdbc.sql("SET LOCAL pg_trgm.word_similarity_threshold = 0.5").update();
        return jdbc.sql("""
                        SELECT * FROM (
                            SELECT DISTINCT ON (v.unit_id) %s,
                                   (fold_text(v.name) = fold_text(:q)) AS exact,
                                   (fold_text(v.name) LIKE fold_text(:q) || '%%') AS prefix,
                                   word_similarity(fold_text(:q), v.search_text) AS closeness
                              FROM org_unit_version v %s
                             WHERE (v.search_text LIKE '%%' || fold_text(:q) || '%%' OR fold_text(:q) <%% v.search_text)
                             ORDER BY v.unit_id, upper(v.valid) DESC NULLS FIRST
                        ) found
                        ORDER BY exact DESC, prefix DESC, closeness DESC, (valid_to IS NULL) DESC,
                                 array_position(ARRAY['central','province','district','commune'], level), fold_text(name), code
                        LIMIT :limit
                        """.formatted(VERSION_COLUMNS, VERSION_JOINS))
                .param("q", text.strip())
                .param("limit", limit)
                .query(VERSION)
                .list();
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec, UnitQuery query, @Nullable String rootPath, @Nullable String text) {
        spec = spec.param("asOf", query.asOf())
                .param("hierarchy", query.hierarchy().code());
        if (query.level() != null) {
            spec = spec.param("level", query.level());
        }
        if (rootPath != null) {
            spec = spec.param("root", rootPath);
        }
        if (text != null) {
            spec = spec.param("q", text);
        }
        return spec;
    }
}
