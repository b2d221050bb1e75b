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
 *
 * <p>Name search has two stages. First the folded query (no tone marks, lower case, đ = d) where
 * a word of the folded names, English name or code begins: "mong cai" finds "Thành phố Móng
 * Cái", "2620" finds code 26200 (the keys of V14, one B-tree range scan however common the words
 * are). Only when nothing matches so does the typo-tolerant stage run: the query is corrected word by word against the
 * vocabulary of names ({@link NameCorrections}: "mong kai" -> "mong cai", "mong hai", ...) and the
 * corrected phrases are searched literally, ranked by trigram similarity of the name to what was
 * typed. Running the fuzzy match only when the literal one finds nothing puts literal matches
 * first, as people expect of a search box; both stages are served by the B-tree of the name
 * keys, so neither compares the query with every name (see docs/DECISIONS.md).
 */
@Repository
public class UnitSearch {
    /** The length of the keys of org_unit_name_key (V14): a longer query is checked against the text. */
    static final int KEY_LENGTH = 48;

    /** Words of the names, code or English name beginning with the query: one range of the keys' B-tree. */
    private static final String LITERAL =
            " AND v.id IN (SELECT version_id FROM org_unit_name_key WHERE " + startsWith(":k") + ")";

    private static final String LONG_LITERAL = LITERAL + " AND v.search_text LIKE '%' || :f || '%'";
    private static final String LEVEL_ORDER =
            "array_position(ARRAY['central','province','district','commune'], v.level)";
    /** Literal matches: the name itself equal to the query, then starting with it, then by level and name. */
    private static final String LITERAL_RANK =
            " ORDER BY (v.name_folded = :f) DESC, (v.name_folded LIKE :f || '%') DESC, " + LEVEL_ORDER
                    + ", v.name_folded, v.code";

    private static final String FUZZY_RANK =
            " ORDER BY greatest(similarity(v.name_folded, :f), similarity(v.full_name_folded, :f)) DESC, " + LEVEL_ORDER
                    + ", v.name_folded, v.code";
    private static final String PLAIN_ORDER = " ORDER BY " + LEVEL_ORDER + ", v.code";

    private final JdbcClient jdbc;
    private final NameCorrections corrections;

    UnitSearch(JdbcClient jdbc, NameCorrections corrections) {
        this.jdbc = jdbc;
        this.corrections = corrections;
    }

    /** @param rootPath restrict to units strictly below this path (the parent as of the same date) */
    @Transactional(readOnly = true)
    public PageOf<UnitVersion> find(UnitQuery query, @Nullable String rootPath) {
        StringBuilder where = new StringBuilder(" WHERE v.valid @> :asOf");
        String from = " FROM org_unit_version v";
        if (rootPath != null) {
            // subtree as of the date: one scan of the (path, valid) GiST index; a path lies in one
            // hierarchy, so no join to org_unit is needed
            where.append(" AND v.path <@ :root::ltree AND v.path <> :root::ltree");
        } else {
            from += " JOIN org_unit u ON u.id = v.unit_id";
            where.append(" AND u.hierarchy = :hierarchy");
        }
        if (query.level() != null) {
            where.append(" AND v.level = :level");
        }
        String folded = query.text() == null || query.text().isBlank() ? null : fold(query.text());
        if (folded == null) {
            return page(query, rootPath, null, List.of(), from + where, PLAIN_ORDER);
        }
        var literal = page(query, rootPath, folded, List.of(), from + where + literal(folded), LITERAL_RANK);
        if (literal.total() > 0) {
            return literal;
        }
        var phrases = corrections.phrases(folded);
        if (phrases.isEmpty()) {
            return literal;
        }
        return page(query, rootPath, folded, phrases, from + where + fuzzy(phrases), FUZZY_RANK);
    }

    /**
     * One page and the total in one statement: the window count is taken over all matching rows
     * before the page is cut; names of parents and localities are joined onto the page's rows only.
     */
    private PageOf<UnitVersion> page(
            UnitQuery query,
            @Nullable String rootPath,
            @Nullable String folded,
            List<String> phrases,
            String fromWhere,
            String order) {
        String sql = "SELECT " + VERSION_COLUMNS + ", v.total FROM (SELECT v.*, count(*) OVER () AS total" + fromWhere
                + order + " LIMIT :size OFFSET :offset) v " + VERSION_JOINS + order;
        long[] total = {0};
        var items = bind(jdbc.sql(sql), query, rootPath, folded, phrases)
                .param("size", query.size())
                .param("offset", (long) query.page() * query.size())
                .query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return VERSION.mapRow(rs, n);
                })
                .list();
        if (items.isEmpty() && query.page() > 0) { // past the last page: the total still counts
            total[0] = bind(jdbc.sql("SELECT count(*)" + fromWhere), query, rootPath, folded, phrases)
                    .query(Long.class)
                    .single();
        }
        return new PageOf<>(total[0], items);
    }

    /** Units whose name ever matched, each in its latest matching version, best first. */
    @Transactional(readOnly = true)
    public List<UnitVersion> acrossTime(String text, int limit) {
        String folded = fold(text);
        var literal = acrossTime(folded, List.of(), limit, literal(folded), LITERAL_RANK);
        if (!literal.isEmpty()) {
            return literal;
        }
        var phrases = corrections.phrases(folded);
        return phrases.isEmpty() ? literal : acrossTime(folded, phrases, limit, fuzzy(phrases), FUZZY_RANK);
    }

    private List<UnitVersion> acrossTime(String folded, List<String> phrases, int limit, String match, String order) {
        String sql = "SELECT " + VERSION_COLUMNS + " FROM (SELECT DISTINCT ON (v.unit_id) v.* FROM org_unit_version v"
                + " WHERE true" + match + " ORDER BY v.unit_id, upper(v.valid) DESC NULLS FIRST) v " + VERSION_JOINS
                + order.replace("ORDER BY ", "ORDER BY (upper(v.valid) IS NULL) DESC, ") + " LIMIT :limit";
        return phrases(jdbc.sql(sql), phrases)
                .param("f", folded)
                .param("k", key(folded))
                .param("limit", limit)
                .query(VERSION)
                .list();
    }

    /**
     * The query folded the way the indexed columns are, once, so the plans see a plain value; runs
     * of spaces count as one, as in the names.
     */
    private String fold(String text) {
        return jdbc.sql("SELECT fold_text(:q)")
                .param("q", text.strip().replaceAll("\\s+", " "))
                .query(String.class)
                .single();
    }

    private static String literal(String folded) {
        return folded.length() > KEY_LENGTH ? LONG_LITERAL : LITERAL;
    }

    /** The part of a query the keys hold. */
    private static String key(String folded) {
        return folded.length() > KEY_LENGTH ? folded.substring(0, KEY_LENGTH) : folded;
    }

    /**
     * The keys beginning with a parameter, as a range (in the keys' "C" collation the longest
     * code point sorts after every text that begins with the parameter), which a B-tree serves
     * with a generic plan too, unlike LIKE with a parameter.
     */
    private static String startsWith(String param) {
        return "key >= " + param + " AND key < " + param + " || chr(1114111)";
    }

    /** A word beginning with any of the corrected phrases: one range of the keys per phrase. */
    private static String fuzzy(List<String> phrases) {
        var any = new StringBuilder(" AND v.id IN (SELECT version_id FROM org_unit_name_key WHERE ");
        for (int i = 0; i < phrases.size(); i++) {
            any.append(i == 0 ? "" : " OR ")
                    .append('(')
                    .append(startsWith(":p" + i))
                    .append(')');
        }
        return any.append(')').toString();
    }

    private static JdbcClient.StatementSpec phrases(JdbcClient.StatementSpec spec, List<String> phrases) {
        for (int i = 0; i < phrases.size(); i++) {
            spec = spec.param("p" + i, key(phrases.get(i)));
        }
        return spec;
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec,
            UnitQuery query,
            @Nullable String rootPath,
            @Nullable String folded,
            List<String> phrases) {
        spec = phrases(spec, phrases);
        spec = spec.param("asOf", query.asOf());
        if (rootPath != null) {
            spec = spec.param("root", rootPath);
        } else {
            spec = spec.param("hierarchy", query.hierarchy().code());
        }
        if (query.level() != null) {
            spec = spec.param("level", query.level());
        }
        if (folded != null) {
            spec = spec.param("f", folded).param("k", key(folded));
        }
        return spec;
    }
}
