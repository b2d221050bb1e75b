package org.mandate.indicator.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.ValueState;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Repository;

/**
 * The bulk path of an import, inside the caller's transaction: the rows are streamed with COPY
 * into a temporary table, looked up against the registry and the catalogue in a few set-based
 * statements (each unit code and period once, not each row), and written with INSERT ... SELECT.
 * The temporary tables are dropped at the end of the transaction, committed or not.
 */
@Repository
public class ImportStore {
    private final JdbcClient jdbc;
    private final DataSource dataSource;

    ImportStore(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
    }

    /** A problem found in SQL: the row, the field, why. */
    public record Problem(int row, ImportField field, String reason) {}

    /** What the checks found: the first problems by row, and how many there are in all. */
    public record Problems(List<Problem> first, int total) {}

    /** A row whose unit is outside the importer's scope. */
    public record OutOfScope(int row, long unitId, String unitCode) {}

    /** What was written. */
    public record Written(int entered, int corrected, int unchanged) {}

    /** Rows streamed into the import table with COPY; {@link #close} ends the COPY. */
    public final class Staging implements ValueRows.Sink, AutoCloseable {
        private final CopyIn copy;
        private final byte[] buffer = new byte[1 << 16];
        private final StringBuilder line = new StringBuilder(256);
        private int length;
        private boolean closed;

        private Staging(CopyIn copy) {
            this.copy = copy;
        }

        @Override
        public void accept(ValueRows.Staged row) {
            line.setLength(0);
            line.append(row.row()).append('\t');
            escape(row.unitCode());
            line.append('\t');
            escape(row.period());
            line.append('\t');
            escape(row.indicator());
            line.append('\t').append(row.value()).append('\t');
            escape(row.unitOfMeasure());
            line.append('\t');
            escape(row.note());
            line.append('\n');
            byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
            if (length + bytes.length > buffer.length) {
                flush();
            }
            if (bytes.length > buffer.length) {
                write(bytes, bytes.length);
            } else {
                System.arraycopy(bytes, 0, buffer, length, bytes.length);
                length += bytes.length;
            }
        }

        /** COPY's text format: backslash escapes, \N for null. */
        private void escape(@Nullable String text) {
            if (text == null) {
                line.append("\\N");
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }

        private void flush() {
            write(buffer, length);
            length = 0;
        }

        private void write(byte[] bytes, int n) {
            try {
                copy.writeToCopy(bytes, 0, n);
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into the import table failed: " + e.getMessage(), e);
            }
        }

        /** Ends the COPY; called once every row was staged (or, when the file failed, to cancel it). */
        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            try {
                if (length > 0) {
                    flush();
                }
                copy.endCopy();
            } catch (SQLException e) {
                throw new IllegalStateException("COPY into the import table failed: " + e.getMessage(), e);
            }
        }

        /** Cancels the COPY after a failure while reading the file. */
        public void cancel() {
            if (!closed) {
                closed = true;
                try {
                    copy.cancelCopy();
                } catch (SQLException e) {
                    // the transaction is rolled back anyway
                }
            }
        }
    }

    /** Creates the import table for this transaction and starts a COPY into it. */
    public Staging stage() {
        // the joins, sorts and hashes of a million rows in memory rather than in temporary files
        jdbc.sql("SET LOCAL work_mem = '256MB'").update();
        jdbc.sql("""
                        CREATE TEMP TABLE value_import (
                            row_no int NOT NULL, unit_code text NOT NULL, period text NOT NULL, indicator text NOT NULL,
                            value numeric NOT NULL, uom text, note text) ON COMMIT DROP
                        """).update();
        Connection c = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY value_import FROM STDIN (FORMAT text)");
            return new Staging(copy);
        } catch (SQLException e) {
            throw new IllegalStateException("could not start the COPY into the import table: " + e.getMessage(), e);
        }
    }

    // the type of a period written 2024, 2024-Q3 or 2024-07
    private static final String PERIOD_TYPE =
            "CASE WHEN length(period) = 4 THEN 'year' WHEN substr(period, 6, 1) = 'Q' THEN 'quarter' ELSE 'month' END";

    /**
     * Looks every staged row up: its indicator in the catalogue, its unit by the code the unit held
     * at some time in the period (a code of digits whose leading zeros a spreadsheet dropped is
     * tried with them put back: 2, 3 and 5 digits), and the current value it would replace.
     */
    public void resolve() {
        jdbc.sql("ANALYZE value_import").update();
        // each (code, period) once: the units that held the code at some time in the period
        jdbc.sql("""
                        CREATE TEMP TABLE value_import_unit ON COMMIT DROP AS
                        SELECT c.unit_code, c.period, array_agg(DISTINCT v.unit_id) FILTER (WHERE v.unit_id IS NOT NULL) AS units
                          FROM (SELECT DISTINCT unit_code, period FROM value_import) c
                          LEFT JOIN org_unit_version v
                                 ON v.code = c.unit_code
                                AND v.valid && daterange(period_first_day(c.period), period_last_day(c.period), '[]')
                         GROUP BY c.unit_code, c.period
                        """).update();
        jdbc.sql("""
                        UPDATE value_import_unit c SET units = p.units
                          FROM (SELECT c.unit_code, c.period, array_agg(DISTINCT v.unit_id) AS units
                                  FROM value_import_unit c
                                  JOIN org_unit_version v
                                    ON v.code IN (lpad(c.unit_code, 2, '0'), lpad(c.unit_code, 3, '0'), lpad(c.unit_code, 5, '0'))
                                   AND length(v.code) > length(c.unit_code)
                                   AND v.valid && daterange(period_first_day(c.period), period_last_day(c.period), '[]')
                                 WHERE c.units IS NULL AND c.unit_code ~ '^[0-9]{1,4}$'
                                 GROUP BY c.unit_code, c.period) p
                         WHERE c.unit_code = p.unit_code AND c.period = p.period
                        """).update();
        jdbc.sql("ANALYZE value_import_unit").update();
        // one row per staged row; the current value it would replace found through indicator_value_current
        jdbc.sql("""
                        CREATE TEMP TABLE value_import_resolved ON COMMIT DROP AS
                        SELECT r.row_no, r.unit_code, r.period, r.indicator, r.value, r.uom, r.note,
                               i.id AS indicator_id, i.period_type, i.unit_of_measure, u.units,
                               CASE WHEN cardinality(u.units) = 1 THEN u.units[1] END AS unit_id,
                               iv.id AS old_id, iv.value AS old_value
                          FROM value_import r
                          JOIN value_import_unit u ON u.unit_code = r.unit_code AND u.period = r.period
                          LEFT JOIN indicator i ON i.code = r.indicator
                          LEFT JOIN indicator_value iv
                                 ON iv.indicator_id = i.id AND iv.unit_id = u.units[1] AND cardinality(u.units) = 1
                                AND iv.period = r.period AND iv.superseded_by IS NULL
                        """).update();
    }

    /**
     * The rows that break a rule of the catalogue or the registry: an unknown indicator, a period
     * of another type than the indicator's, another unit of measure, a code that named no unit or
     * several in the period; with {@code duplicates}, also a second figure for the same indicator,
     * unit and period (costly on a million rows, so asked for only when needed).
     */
    public Problems problems(int limit, boolean duplicates) {
        String sql =
                """
                SELECT row_no, field, reason, count(*) OVER () AS total FROM (
                    SELECT row_no, 'INDICATOR' AS field,
                           format('no indicator has the code ''%s'' in the catalogue', indicator) AS reason
                      FROM value_import_resolved WHERE indicator_id IS NULL
                    UNION ALL
                    SELECT row_no, 'PERIOD',
                           format('''%s'' is a %s; %s is measured by %s', period, period_type_of(period), indicator, period_type)
                      FROM value_import_resolved
                     WHERE indicator_id IS NOT NULL AND period_type <> period_type_of(period)
                    UNION ALL
                    SELECT row_no, 'UNIT_OF_MEASURE',
                           format('%s is measured in ''%s'', not ''%s''', indicator, unit_of_measure, uom)
                      FROM value_import_resolved
                     WHERE indicator_id IS NOT NULL AND uom IS NOT NULL AND uom <> unit_of_measure
                       AND lower(regexp_replace(uom, '\\s+', ' ', 'g')) <> lower(regexp_replace(unit_of_measure, '\\s+', ' ', 'g'))
                    UNION ALL
                    SELECT row_no, 'UNIT_CODE', format('no unit had the code ''%s'' in %s', unit_code, period)
                      FROM value_import_resolved WHERE units IS NULL
                    UNION ALL
                    SELECT row_no, 'UNIT_CODE',
                           format('the code ''%s'' named %s units in %s (ids %s); write the code with its leading zeros',
                                  unit_code, cardinality(units), period, array_to_string(units, ', '))
                      FROM value_import_resolved WHERE cardinality(units) > 1
                    /*DUPLICATES*/
                ) p
                ORDER BY row_no, field
                LIMIT :limit
                """.replace("period_type_of(period)", PERIOD_TYPE).replace("/*DUPLICATES*/", duplicates ? """
                    UNION ALL
                    SELECT row_no, 'PERIOD', format('a second figure of %s for unit %s in %s; row %s has the first',
                                                 indicator, unit_code, period, first)
                      FROM (SELECT row_no, indicator, unit_code, period,
                                   min(row_no) OVER (PARTITION BY indicator_id, unit_id, period) AS first
                              FROM value_import_resolved
                             WHERE indicator_id IS NOT NULL AND unit_id IS NOT NULL) d
                     WHERE row_no > first
                    """ : "");
        var first = new ArrayList<Problem>();
        int[] total = {0};
        jdbc.sql(sql)
                .param("limit", limit)
                .query((rs, n) -> {
                    total[0] = rs.getInt("total");
                    return first.add(new Problem(
                            rs.getInt("row_no"), ImportField.valueOf(rs.getString("field")), rs.getString("reason")));
                })
                .list();
        return new Problems(first, total[0]);
    }

    /**
     * The first row (by row number) whose unit no grant with the roles covers, checked once per
     * unit with the same database function as every other scope check.
     */
    public Optional<OutOfScope> firstOutOfScope(Collection<Long> roots, LocalDate today) {
        return jdbc.sql("""
                        WITH units AS (SELECT DISTINCT unnest(units) AS unit_id FROM value_import_unit WHERE cardinality(units) = 1),
                             outside AS (SELECT unit_id FROM units
                                          WHERE NOT unit_covered(unit_id, CAST(:roots AS bigint[]), CAST(:today AS date)))
                        SELECT r.row_no, r.unit_id, r.unit_code FROM value_import_resolved r
                         WHERE r.unit_id IN (SELECT unit_id FROM outside)
                         ORDER BY r.row_no LIMIT 1
                        """)
                .param("roots", roots.toArray(Long[]::new))
                .param("today", today)
                .query((rs, n) -> new OutOfScope(rs.getInt("row_no"), rs.getLong("unit_id"), rs.getString("unit_code")))
                .optional();
    }

    /**
     * Writes the figures (in the order of the indexes' keys, so that each index is filled page by
     * page rather than at random: a quarter less time on a million rows): a new draft for each (indicator, unit, period) without a current value;
     * for one whose figure differs, a correction (the current row points at a new draft, as
     * {@code ValueStore.correct} does, so the earlier figure stays on record); an equal figure is
     * left as it is.
     *
     * @throws DuplicateKeyException when two rows (or a value entered meanwhile) hold the same
     *     indicator, unit and period
     */
    public Written write(String actor) {
        // the import writes in several statements, each raising the epochs of the (indicator,
        // period) it touches (V16) and so locking their rows: all of those it will write first, in
        // key order, as every writer of values does (ValueStore.raiseEpochs), so that writers queue
        // rather than deadlock; figures left unchanged raise nothing
        jdbc.sql(ValueStore.raiseEpochs("""
                        SELECT indicator_id, period_first_day(period) AS period_start FROM value_import_resolved
                         WHERE old_id IS NULL OR value <> old_value
                        """)).update();
        int corrected = jdbc.sql("""
                        CREATE TEMP TABLE value_import_correction ON COMMIT DROP AS
                        SELECT nextval(pg_get_serial_sequence('indicator_value', 'id')) AS new_id, old_id, row_no
                          FROM value_import_resolved WHERE old_id IS NOT NULL AND value <> old_value
                        """).update();
        if (corrected > 0) {
            int marked = jdbc.sql("""
                            UPDATE indicator_value iv SET superseded_by = c.new_id
                              FROM value_import_correction c WHERE iv.id = c.old_id AND iv.superseded_by IS NULL
                            """).update();
            if (marked != corrected) {
                // two rows correcting one value, or a correction made meanwhile
                throw new DuplicateKeyException("a current value was corrected twice");
            }
            jdbc.sql("""
                            INSERT INTO indicator_value (id, indicator_id, unit_id, period, value, note, entered_by)
                            OVERRIDING SYSTEM VALUE
                            SELECT c.new_id, r.indicator_id, r.unit_id, r.period, r.value, r.note, :actor
                              FROM value_import_correction c JOIN value_import_resolved r ON r.row_no = c.row_no
                            """).param("actor", actor).update();
        }
        int entered = jdbc.sql("""
                        INSERT INTO indicator_value (indicator_id, unit_id, period, value, note, entered_by)
                        SELECT indicator_id, unit_id, period, value, note, :actor
                          FROM value_import_resolved WHERE old_id IS NULL
                         ORDER BY indicator_id, unit_id, period
                        """).param("actor", actor).update();
        int unchanged = jdbc.sql(
                        "SELECT count(*) FROM value_import_resolved WHERE old_id IS NOT NULL AND value = old_value")
                .query(Integer.class)
                .single();
        return new Written(entered, corrected, unchanged);
    }

    /**
     * Moves the values this import wrote (new and corrected, all drafts) to {@code to}: submitted,
     * or approved (which records the submission too). Returns how many moved.
     */
    public int moveWritten(ValueState to, String actor) {
        String approved = to == ValueState.APPROVED ? ", approved_by = :actor, approved_at = now()" : "";
        return jdbc.sql("""
                        UPDATE indicator_value iv
                           SET state = :to, submitted_by = :actor, submitted_at = now()%s
                          FROM value_import_resolved r
                         WHERE iv.indicator_id = r.indicator_id AND iv.unit_id = r.unit_id AND iv.period = r.period
                           AND iv.superseded_by IS NULL AND iv.state = 'draft'
                           AND (r.old_id IS NULL OR r.value <> r.old_value)
                        """.formatted(approved))
                .param("to", to.code())
                .param("actor", actor)
                .update();
    }

    /** The codes of the indicators the import touched, and its single unit when it has one. */
    public record Touched(List<String> indicators, @Nullable Long unit) {}

    public Touched touched() {
        var codes = jdbc.sql("SELECT DISTINCT indicator FROM value_import_resolved ORDER BY indicator LIMIT 100")
                .query(String.class)
                .list();
        var units = jdbc.sql("SELECT DISTINCT unit_id FROM value_import_resolved LIMIT 2")
                .query(Long.class)
                .list();
        return new Touched(codes, units.size() == 1 ? units.getFirst() : null);
    }

    /** Savepoints around the write, so that a duplicate can be reported by row after it failed. */
    public void savepoint() {
        jdbc.sql("SAVEPOINT value_import_write").update();
    }

    public void rollbackToSavepoint() {
        jdbc.sql("ROLLBACK TO SAVEPOINT value_import_write").update();
    }
}
