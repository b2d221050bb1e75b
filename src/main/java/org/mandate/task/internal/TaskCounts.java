package org.mandate.task.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.mandate.task.TaskTimeline;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code task_status_change}, the daily changes of the counts by status under every unit,
 * in step with the tasks: when a task's dates change, its old contribution is taken out and the
 * new one put in, in the same transaction. A contribution is, for every stretch of one status
 * (TaskTimeline.spans) and every unit the lead unit counts under during it (unit_scope_spans,
 * which follows the lead unit through restructuring), +1 on the first day and -1 after the last.
 */
@Component
public class TaskCounts {
    /** The scope id under which every task counts: the whole country. */
    public static final long COUNTRY = 0;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    TaskCounts(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Where a unit's tasks count, and when; {@code until} exclusive, null for open. */
    public record ScopeSpan(
            long scopeId, LocalDate from, @Nullable LocalDate until) {}

    public record Key(long scopeId, LocalDate day, int status) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Long.compare(scopeId, o.scopeId);
            if (c == 0) {
                c = day.compareTo(o.day);
            }
            return c != 0 ? c : Integer.compare(status, o.status);
        }
    }

    /** The scope spans of each unit, read in one query. */
    public Map<Long, List<ScopeSpan>> scopeSpans(Collection<Long> unitIds) {
        var spans = new HashMap<Long, List<ScopeSpan>>();
        jdbc.sql("""
                        SELECT u.id AS unit_id, s.scope_id, lower(s.during) AS from_day, upper(s.during) AS until_day
                          FROM unnest(CAST(:ids AS bigint[])) AS u(id), unit_scope_spans(u.id) s
                        """)
                .param("ids", unitIds.stream().distinct().toArray(Long[]::new))
                .query((rs, n) -> spans.computeIfAbsent(rs.getLong("unit_id"), k -> new ArrayList<>())
                        .add(new ScopeSpan(
                                rs.getLong("scope_id"),
                                rs.getObject("from_day", LocalDate.class) == null
                                        ? LocalDate.MIN
                                        : rs.getObject("from_day", LocalDate.class),
                                rs.getObject("until_day", LocalDate.class))))
                .list();
        return spans;
    }

    /** Adds the contribution of a timeline under the scope spans, times {@code sign} (+1 or -1). */
    public static void contribute(TaskTimeline timeline, List<ScopeSpan> scopes, int sign, Map<Key, Integer> deltas) {
        for (var span : timeline.spans()) {
            // the whole country, which is no unit of the registry (provinces have no parent)
            deltas.merge(new Key(COUNTRY, span.from(), span.status().ordinal()), sign, Integer::sum);
            if (span.until() != null) {
                deltas.merge(new Key(COUNTRY, span.until(), span.status().ordinal()), -sign, Integer::sum);
            }
            for (var scope : scopes) {
                LocalDate from = later(span.from(), scope.from());
                LocalDate until = earlier(span.until(), scope.until());
                if (until != null && !from.isBefore(until)) {
                    continue;
                }
                deltas.merge(new Key(scope.scopeId(), from, span.status().ordinal()), sign, Integer::sum);
                if (until != null) {
                    deltas.merge(new Key(scope.scopeId(), until, span.status().ordinal()), -sign, Integer::sum);
                }
            }
        }
    }

    /** Writes the changes, in key order so that concurrent writers lock rows in the same order. */
    public void apply(Map<Key, Integer> deltas) {
        var rows = new TreeMap<>(deltas);
        rows.values().removeIf(v -> v == 0);
        if (rows.isEmpty()) {
            return;
        }
        var batch = new ArrayList<Object[]>(rows.size());
        rows.forEach((k, v) -> batch.add(new Object[] {k.scopeId(), Date.valueOf(k.day()), (short) k.status(), v}));
        template.batchUpdate("""
                INSERT INTO task_status_change (scope_id, day, status, delta) VALUES (?, ?, ?, ?)
                ON CONFLICT (scope_id, day, status) DO UPDATE SET delta = task_status_change.delta + EXCLUDED.delta
                """, batch);
    }

    /** Moves one task's contribution from its old timeline (null when new) to its new one. */
    public void change(long leadUnitId, @Nullable TaskTimeline before, TaskTimeline after) {
        var scopes = scopeSpans(List.of(leadUnitId)).getOrDefault(leadUnitId, List.of());
        var deltas = new HashMap<Key, Integer>();
        if (before != null) {
            contribute(before, scopes, -1, deltas);
        }
        contribute(after, scopes, +1, deltas);
        apply(deltas);
    }

    private static final int REBUILD_BATCH = 20_000;

    /**
     * Recomputes every task's contribution from scratch: after a restructuring, which changes
     * where lead units count. Reads tasks in batches of {@value #REBUILD_BATCH}; the units' scope
     * spans are read once per unit.
     */
    public void rebuild() {
        jdbc.sql("DELETE FROM task_status_change").update();
        var spansByUnit = new HashMap<Long, List<ScopeSpan>>();
        long after = 0;
        while (true) {
            record Row(
                    long id,
                    long lead,
                    LocalDate start,
                    @Nullable LocalDate completed) {}
            var rows = jdbc.sql("""
                            SELECT id, lead_unit_id, start_on, completed_on FROM task
                             WHERE id > :after ORDER BY id LIMIT :batch
                            """)
                    .param("after", after)
                    .param("batch", REBUILD_BATCH)
                    .query((rs, n) -> new Row(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getObject(3, LocalDate.class),
                            rs.getObject(4, LocalDate.class)))
                    .list();
            if (rows.isEmpty()) {
                return;
            }
            var deadlines = new HashMap<Long, List<TaskTimeline.Deadline>>();
            jdbc.sql("""
                            SELECT task_id, effective_on, deadline FROM task_deadline
                             WHERE task_id > :after AND task_id <= :last ORDER BY task_id, effective_on
                            """)
                    .param("after", after)
                    .param("last", rows.getLast().id())
                    .query((rs, n) -> deadlines
                            .computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new TaskTimeline.Deadline(
                                    rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class))))
                    .list();
            var missing = rows.stream()
                    .map(Row::lead)
                    .filter(u -> !spansByUnit.containsKey(u))
                    .distinct()
                    .toList();
            if (!missing.isEmpty()) {
                var read = scopeSpans(missing);
                missing.forEach(u -> spansByUnit.put(u, read.getOrDefault(u, List.of())));
            }
            var deltas = new HashMap<Key, Integer>();
            for (Row row : rows) {
                var timeline =
                        new TaskTimeline(row.start(), deadlines.getOrDefault(row.id(), List.of()), row.completed());
                contribute(timeline, spansByUnit.get(row.lead()), +1, deltas);
            }
            apply(deltas);
            after = rows.getLast().id();
        }
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static @Nullable LocalDate earlier(@Nullable LocalDate a, @Nullable LocalDate b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }
}
