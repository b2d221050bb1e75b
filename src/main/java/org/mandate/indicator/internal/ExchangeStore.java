package org.mandate.indicator.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads for entering and exchanging values: units with their codes and names as of a day, the
 * current values of a unit for a period, and the stored values of a subtree in bulk for export.
 */
@Repository
public class ExchangeStore {
    private static final int FETCH = 5_000;

    private final JdbcClient jdbc;
    // fetches rows in batches through a cursor (inside a transaction) instead of all at once
    private final JdbcClient streaming;

    ExchangeStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        var template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH);
        this.streaming = JdbcClient.create(template);
    }

    /** A unit as it stood on a day: its official code and full name. */
    public record Label(long unitId, String code, String name) {}

    /** A current value of a unit. */
    public record Current(long id, String indicator, long unitId, String period, BigDecimal value, String state) {}

    /** A stored current value with what an export names it by. */
    public record Stored(
            String indicator, String unitCode, String period, BigDecimal value, String state, String unitOfMeasure) {}

    /**
     * The unit on the day the period is read at: the version standing on its last day, or, for a
     * unit that ended during the period, its last version in it; empty when it did not exist then.
     */
    public Optional<Label> inPeriod(long unit, LocalDate first, LocalDate last) {
        return jdbc.sql("""
                        SELECT v.unit_id, v.code, v.full_name AS name FROM org_unit_version v
                         WHERE v.unit_id = :u AND v.valid && daterange(:first, :last, '[]')
                         ORDER BY lower(v.valid) DESC NULLS LAST LIMIT 1
                        """)
                .param("u", unit)
                .param("first", first)
                .param("last", last)
                .query(Label.class)
                .optional();
    }

    /**
     * The unit and every unit under it on the day, the unit first, then by depth and code: the rows
     * of a template for a province and its communes.
     */
    public List<Label> subtree(long unit, LocalDate day) {
        return jdbc.sql("""
                        SELECT v.unit_id, v.code, v.full_name AS name
                          FROM org_unit_version r
                          JOIN org_unit_version v ON v.path <@ r.path AND v.valid @> CAST(:day AS date)
                         WHERE r.unit_id = :u AND r.valid @> CAST(:day AS date)
                         ORDER BY nlevel(v.path), v.code, v.unit_id
                        """)
                .param("u", unit)
                .param("day", day)
                .query(Label.class)
                .list();
    }

    /**
     * Each unit's code and name on its day: the version standing then, else the nearest before
     * it, else the first one after it. Keyed by unit id and day.
     */
    public Map<String, Label> labels(List<Long> units, List<LocalDate> days) {
        var labels = new HashMap<String, Label>();
        if (units.isEmpty()) {
            return labels;
        }
        jdbc.sql("""
                        SELECT x.unit, x.day, v.code, v.full_name
                          FROM unnest(CAST(:units AS bigint[]), CAST(CAST(:days AS text[]) AS date[])) AS x(unit, day)
                          JOIN LATERAL (SELECT v.code, v.full_name FROM org_unit_version v
                                         WHERE v.unit_id = x.unit
                                         ORDER BY v.valid @> x.day DESC, lower(v.valid) <= x.day DESC,
                                                  upper(v.valid) DESC NULLS FIRST LIMIT 1) v ON true
                        """)
                .param("units", units.toArray(Long[]::new))
                .param("days", days.stream().map(LocalDate::toString).toArray(String[]::new))
                .query((rs, n) -> labels.put(
                        key(rs.getLong("unit"), rs.getObject("day", LocalDate.class)),
                        new Label(rs.getLong("unit"), rs.getString("code"), rs.getString("full_name"))))
                .list();
        return labels;
    }

    public static String key(long unit, LocalDate day) {
        return unit + "@" + day;
    }

    /** The current values of the units for the period, of every indicator. */
    public List<Current> current(Collection<Long> units, String period) {
        return jdbc.sql("""
                        SELECT iv.id, i.code AS indicator, iv.unit_id, iv.period, iv.value, iv.state
                          FROM indicator_value iv JOIN indicator i ON i.id = iv.indicator_id
                         WHERE iv.unit_id = ANY (CAST(:units AS bigint[])) AND iv.period = :period
                           AND iv.superseded_by IS NULL
                        """)
                .param("units", units.toArray(Long[]::new))
                .param("period", period)
                .query(Current.class)
                .list();
    }

    /** How many earlier figures (corrected ones) each indicator has for the unit and period. */
    public Map<String, Integer> corrections(long unit, String period) {
        var counts = new HashMap<String, Integer>();
        jdbc.sql("""
                        SELECT i.code, count(*) AS n FROM indicator_value iv JOIN indicator i ON i.id = iv.indicator_id
                         WHERE iv.unit_id = :u AND iv.period = :period AND iv.superseded_by IS NOT NULL
                         GROUP BY i.code
                        """)
                .param("u", unit)
                .param("period", period)
                .query((rs, n) -> counts.put(rs.getString("code"), rs.getInt("n")))
                .list();
        return counts;
    }

    /**
     * Every current value of the indicators (null: all) from..to, of units under {@code under} as
     * they stood in their periods (null: every unit), in the order of indicator, period, unit code;
     * each unit named by the code it held at the end of the period (its last in the period). Streams
     * the rows to the consumer, so an export of a million values holds one at a time.
     */
    public void stored(
            @Nullable List<String> indicators,
            LocalDate from,
            LocalDate to,
            @Nullable Long under,
            boolean subtree,
            Consumer<Stored> each) {
        streaming
                .sql("""
                        SELECT i.code AS indicator, p.code AS unit_code, iv.period, iv.value, iv.state,
                               i.unit_of_measure
                          FROM indicator_value iv
                          JOIN indicator i ON i.id = iv.indicator_id
                          JOIN LATERAL (SELECT v.code, v.path FROM org_unit_version v
                                         WHERE v.unit_id = iv.unit_id
                                           AND v.valid && daterange(iv.period_start, iv.period_end, '[]')
                                         ORDER BY lower(v.valid) DESC NULLS LAST LIMIT 1) p ON true
                         WHERE iv.superseded_by IS NULL
                           AND iv.period_start BETWEEN :from AND :to
                           AND (CAST(:codes AS text[]) IS NULL OR i.code = ANY (CAST(:codes AS text[])))
                           AND (CAST(:unit AS bigint) IS NULL
                                OR (NOT :subtree AND iv.unit_id = :unit)
                                OR (:subtree AND p.path ~ CAST('*.' || :unit || '.*' AS lquery)))
                         ORDER BY i.code, iv.period_start, iv.period, p.code
                        """)
                .param("from", from)
                .param("to", to)
                .param("codes", indicators == null ? null : indicators.toArray(String[]::new))
                .param("unit", under)
                .param("subtree", subtree)
                .query(rs -> {
                    each.accept(new Stored(
                            rs.getString("indicator"),
                            rs.getString("unit_code"),
                            rs.getString("period"),
                            rs.getBigDecimal("value"),
                            rs.getString("state"),
                            rs.getString("unit_of_measure")));
                });
    }
}
