package org.mandate.indicator.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.NewValue;
import org.mandate.indicator.ValueRecord;
import org.mandate.indicator.ValueState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of reported values: entry in bulk, corrections, state changes (the roll-up is {@link RollUpQuery}). */
@Repository
public class ValueStore {
    private final JdbcClient jdbc;

    ValueStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The index (0-based) of the first value whose unit did not exist at any time in its period, or -1. */
    public int firstUnitAbsentInPeriod(List<NewValue> values) {
        return jdbc.sql("""
                        SELECT x.i - 1
                          FROM unnest(CAST(:units AS bigint[]), CAST(:periods AS text[])) WITH ORDINALITY AS x(unit, period, i)
                         WHERE NOT EXISTS (SELECT 1 FROM org_unit_version v
                                            WHERE v.unit_id = x.unit
                                              AND v.valid && daterange(period_first_day(x.period), period_last_day(x.period), '[]'))
                         ORDER BY x.i LIMIT 1
                        """)
                .param("units", values.stream().map(NewValue::unitId).toArray(Long[]::new))
                .param("periods", values.stream().map(NewValue::period).toArray(String[]::new))
                .query(Integer.class)
                .optional()
                .orElse(-1);
    }

    /** The current values among these units and periods that already exist: (unit, period) -> id. */
    public Map<String, Long> existing(long indicatorId, List<NewValue> values) {
        var found = new HashMap<String, Long>();
        jdbc.sql("""
                        SELECT iv.id, iv.unit_id, iv.period
                          FROM unnest(CAST(:units AS bigint[]), CAST(:periods AS text[])) AS x(unit, period)
                          JOIN indicator_value iv ON iv.indicator_id = :indicator AND iv.unit_id = x.unit
                                                 AND iv.period = x.period AND iv.superseded_by IS NULL
                        """)
                .param("indicator", indicatorId)
                .param("units", values.stream().map(NewValue::unitId).toArray(Long[]::new))
                .param("periods", values.stream().map(NewValue::period).toArray(String[]::new))
                .query((rs, n) -> found.put(rs.getLong("unit_id") + "/" + rs.getString("period"), rs.getLong("id")))
                .list();
        return found;
    }

    /**
     * Raises the epochs (V16) of the (indicator, period) pairs the query yields (columns
     * indicator_id, period_start), in key order. Every writer of values does this first, before it
     * touches a value: the statement triggers raise them again after each write, and a writer that
     * locked a value before its epoch could deadlock with one that locked the epoch first (an
     * import); this way they queue on the epochs.
     */
    static String raiseEpochs(String pairs) {
        return """
                INSERT INTO indicator_value_epoch (indicator_id, period_start, epoch)
                SELECT DISTINCT indicator_id, period_start, 1 FROM (%s) k ORDER BY 1, 2
                    ON CONFLICT (indicator_id, period_start) DO UPDATE SET epoch = indicator_value_epoch.epoch + 1
                """.formatted(pairs);
    }

    /** The epochs of the indicator's periods, before an entry. */
    public void raiseEpochs(long indicatorId, List<NewValue> values) {
        jdbc.sql(raiseEpochs("SELECT CAST(:indicator AS bigint) AS indicator_id, period_first_day(p) AS period_start"
                        + " FROM unnest(CAST(:periods AS text[])) p"))
                .param("indicator", indicatorId)
                .param("periods", values.stream().map(NewValue::period).toArray(String[]::new))
                .update();
    }

    /** The epoch of a value's (indicator, period), before it is corrected, submitted or approved. */
    public void raiseEpochOf(long valueId) {
        jdbc.sql(raiseEpochs("SELECT indicator_id, period_start FROM indicator_value WHERE id = :id"))
                .param("id", valueId)
                .update();
    }

    /** Inserts the values as drafts in one statement; returns their ids in the order given. */
    public List<Long> insert(long indicatorId, List<NewValue> values, String actor) {
        return jdbc.sql("""
                        INSERT INTO indicator_value (indicator_id, unit_id, period, value, note, entered_by)
                        SELECT :indicator, x.unit, x.period, x.value, x.note, :actor
                          FROM unnest(CAST(:units AS bigint[]), CAST(:periods AS text[]),
                                      CAST(CAST(:values AS text[]) AS numeric[]), CAST(:notes AS text[]))
                               WITH ORDINALITY AS x(unit, period, value, note, i)
                         ORDER BY x.i
                        RETURNING id
                        """)
                .param("indicator", indicatorId)
                .param("units", values.stream().map(NewValue::unitId).toArray(Long[]::new))
                .param("periods", values.stream().map(NewValue::period).toArray(String[]::new))
                .param(
                        "values",
                        values.stream().map(v -> v.value().toPlainString()).toArray(String[]::new))
                .param("notes", values.stream().map(NewValue::note).toArray(String[]::new))
                .param("actor", actor)
                .query(Long.class)
                .list();
    }

    public Optional<ValueRecord> byId(long id) {
        return jdbc.sql(RECORD + " WHERE iv.id = :id")
                .param("id", id)
                .query(ValueStore::record)
                .optional();
    }

    /** Locks the value for a change of state or a correction. */
    public Optional<ValueRecord> lock(long id) {
        return jdbc.sql(RECORD + " WHERE iv.id = :id FOR UPDATE OF iv")
                .param("id", id)
                .query(ValueStore::record)
                .optional();
    }

    /**
     * A correction: a new draft with the same indicator, unit and period; the old row points at
     * it (the foreign key is checked at commit, so the old row is marked first and the partial
     * unique index never sees two current rows).
     */
    public long correct(long oldId, BigDecimal value, @Nullable String note, String actor) {
        long id = jdbc.sql("SELECT nextval(pg_get_serial_sequence('indicator_value', 'id'))")
                .query(Long.class)
                .single();
        jdbc.sql("UPDATE indicator_value SET superseded_by = :new WHERE id = :old AND superseded_by IS NULL")
                .param("new", id)
                .param("old", oldId)
                .update();
        jdbc.sql("""
                        INSERT INTO indicator_value (id, indicator_id, unit_id, period, value, note, entered_by)
                        OVERRIDING SYSTEM VALUE
                        SELECT :id, indicator_id, unit_id, period, :value, :note, :actor FROM indicator_value WHERE id = :old
                        """)
                .param("id", id)
                .param("value", value)
                .param("note", note)
                .param("actor", actor)
                .param("old", oldId)
                .update();
        return id;
    }

    /** Moves a current value from one state to the next; false when it was not in that state. */
    public boolean move(long id, ValueState from, ValueState to, String actor) {
        String who = to == ValueState.SUBMITTED ? "submitted" : "approved";
        return jdbc.sql("""
                        UPDATE indicator_value SET state = :to, %1$s_by = :actor, %1$s_at = now()
                         WHERE id = :id AND state = :from AND superseded_by IS NULL
                        """.formatted(who))
                        .param("to", to.code())
                        .param("from", from.code())
                        .param("actor", actor)
                        .param("id", id)
                        .update()
                == 1;
    }

    public @Nullable String snapshot(long id) {
        return jdbc.sql("SELECT to_jsonb(v)::text FROM indicator_value v WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    /** Every value ever entered for the unit, corrections included, oldest first. */
    public List<ValueRecord> history(long indicatorId, long unitId, @Nullable String period) {
        return jdbc.sql(RECORD + """
                         WHERE iv.indicator_id = :indicator AND iv.unit_id = :unit
                           AND (CAST(:period AS text) IS NULL OR iv.period = :period)
                         ORDER BY iv.period_start, iv.id
                        """)
                .param("indicator", indicatorId)
                .param("unit", unitId)
                .param("period", period)
                .query(ValueStore::record)
                .list();
    }

    /** The path of the unit on the day, if it stood then. */
    public Optional<String> pathOn(long unit, LocalDate day) {
        return jdbc.sql("SELECT path::text FROM org_unit_version WHERE unit_id = :u AND valid @> CAST(:day AS date)")
                .param("u", unit)
                .param("day", day)
                .query(String.class)
                .optional();
    }

    private static final String RECORD = """
            SELECT iv.id, i.code AS indicator, iv.unit_id, iv.period, iv.value, iv.state, iv.note, iv.entered_by,
                   iv.entered_at, iv.submitted_by, iv.approved_by, iv.superseded_by
              FROM indicator_value iv JOIN indicator i ON i.id = iv.indicator_id
            """;

    private static ValueRecord record(ResultSet rs, int n) throws SQLException {
        return new ValueRecord(
                rs.getLong("id"),
                rs.getString("indicator"),
                rs.getLong("unit_id"),
                rs.getString("period"),
                rs.getBigDecimal("value"),
                rs.getString("state"),
                rs.getString("note"),
                rs.getString("entered_by"),
                rs.getObject("entered_at", OffsetDateTime.class),
                rs.getString("submitted_by"),
                rs.getString("approved_by"),
                rs.getObject("superseded_by", Long.class));
    }
}
