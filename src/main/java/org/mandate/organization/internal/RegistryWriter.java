package org.mandate.organization.internal;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.Hierarchy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes a planned history in batches; the caller's transaction makes it all-or-nothing. */
@Repository
public class RegistryWriter {
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    RegistryWriter(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Database ids for the plan's unit and event numbers, in order. */
    public record Ids(long[] units, long[] events) {}

    public Ids write(HistoryPlan plan, Hierarchy hierarchy) {
        long[] units = allocate("org_unit", plan.unitCount());
        long[] events = allocate("org_event", plan.events().size());
        batch.batchUpdate(
                "INSERT INTO org_unit (id, hierarchy) OVERRIDING SYSTEM VALUE VALUES (?, ?)",
                plan.unitCount() == 0 ? List.of() : idRows(units, hierarchy),
                2000,
                (ps, row) -> {
                    ps.setLong(1, (Long) row[0]);
                    ps.setString(2, (String) row[1]);
                });
        batch.batchUpdate("""
                INSERT INTO org_unit_version (unit_id, valid, code, name, full_name, name_en, full_name_en,
                                              level, kind, parent_id, path)
                VALUES (?, daterange(?, ?, '[)'), ?, ?, ?, ?, ?, ?, ?, ?, ?::ltree)
                """, plan.versions(), 2000, (ps, v) -> {
            ps.setLong(1, units[v.unit()]);
            setDate(ps, 2, v.from());
            setDate(ps, 3, v.to());
            ps.setString(4, v.code());
            ps.setString(5, v.name());
            ps.setString(6, v.fullName());
            ps.setString(7, blankToNull(v.nameEn()));
            ps.setString(8, blankToNull(v.fullNameEn()));
            ps.setString(9, v.level());
            ps.setString(10, v.kind());
            if (v.parent() == null) {
                ps.setNull(11, Types.BIGINT);
            } else {
                ps.setLong(11, units[v.parent()]);
            }
            ps.setString(12, v.path().stream().map(p -> Long.toString(units[p])).collect(Collectors.joining(".")));
        });
        batch.batchUpdate("""
                INSERT INTO org_event (id, kind, effective_date, legal_basis, subject_id, note)
                OVERRIDING SYSTEM VALUE VALUES (?, ?, ?, ?, ?, ?)
                """, plan.events(), 2000, (ps, e) -> {
            ps.setLong(1, events[e.number()]);
            ps.setString(2, e.kind().code());
            setDate(ps, 3, e.date());
            ps.setString(4, e.legalBasis());
            ps.setLong(5, units[e.subject()]);
            ps.setString(6, e.note());
        });
        batch.batchUpdate("""
                INSERT INTO org_succession (event_id, predecessor_id, successor_id, effective_date, share)
                VALUES (?, ?, ?, ?, ?)
                """, plan.successions(), 2000, (ps, s) -> {
            ps.setLong(1, events[s.event()]);
            ps.setLong(2, units[s.predecessor()]);
            ps.setLong(3, units[s.successor()]);
            setDate(ps, 4, s.date());
            ps.setString(5, s.share().code());
        });
        // fresh statistics, so the first reads after an import are planned on the real sizes
        jdbc.sql("ANALYZE org_unit, org_unit_version, org_event, org_succession")
                .update();
        return new Ids(units, events);
    }

    private long[] allocate(String table, int count) {
        return jdbc
                .sql("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)")
                .param("table", table)
                .param("count", count)
                .query(Long.class)
                .list()
                .stream()
                .mapToLong(Long::longValue)
                .toArray();
    }

    private static List<Object[]> idRows(long[] ids, Hierarchy hierarchy) {
        return java.util.Arrays.stream(ids)
                .mapToObj(id -> new Object[] {id, hierarchy.code()})
                .toList();
    }

    private static void setDate(java.sql.PreparedStatement ps, int index, @Nullable LocalDate date)
            throws java.sql.SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setDate(index, Date.valueOf(date));
        }
    }

    private static @Nullable String blankToNull(String text) {
        return text.isBlank() ? null : text;
    }
}
