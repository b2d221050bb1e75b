package org.mandate.task.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mandate.shared.PageOf;
import org.mandate.task.TaskQuery;
import org.mandate.task.TaskRow;
import org.mandate.task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A page of a long task list read in the list's own order, without computing every task of the
 * list: the deadlines in force on the day are walked in (deadline, task) order through the index
 * {@code task_deadline_order} (V18), each task checked against the list's unit and status, until
 * the page is full; the status is computed only for the tasks walked over. The total comes from
 * the counts kept by status ({@link TaskCounts}, the dashboard's), which are exact.
 *
 * <p>So it serves the lists those counts answer: a unit's subtree (or the whole country), any or
 * one status, no other filter, for a reader within whose scope the list lies; {@code due_soon},
 * whose deadlines lie within 8 days, is counted by the same walk. And only while the walk is the
 * cheaper: when the list's tasks are a small share of all, the walk would pass over many tasks of
 * other units for each of its own, and sorting the list's tasks costs less (empty answer: the
 * caller sorts). docs/TASKS.md, "Lists".
 */
@Repository
class TaskPageByDeadline {
    /**
     * The walk passes over at most this many deadlines per task of the unit (any status): a
     * deadline walked over costs about 2 µs, a task sorted about 15 µs (the benchmark's million
     * tasks, docs/BENCHMARKS.md), so a walk that fails still costs less than the sort after it.
     * It is not tried when the list's share of the country's tasks of its status says it would
     * pass over more, and the sort takes over when it did not fill the page within that.
     */
    static final long WALK_FACTOR = 4;

    private final JdbcClient jdbc;
    private final TaskStore store;

    TaskPageByDeadline(JdbcClient jdbc, TaskStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    /** Whether the list has only the filters this page reads in order (the scope aside). */
    static boolean serves(TaskQuery q) {
        return (q.unitId() == null || q.subtree())
                && q.sourceDocumentId() == null
                && q.responsible() == null
                && q.deadlineFrom() == null
                && q.deadlineTo() == null
                && q.meetingId() == null;
    }

    /** The page, or empty when the list is not one this serves or sorting it is cheaper. */
    Optional<PageOf<TaskRow>> find(TaskQuery q) {
        if (!serves(q)) {
            return Optional.empty();
        }
        if ("due_soon".equals(q.status())) {
            return Optional.of(page(q, -1, null));
        }
        long scope = q.unitId() == null ? TaskCounts.COUNTRY : q.unitId();
        Map<TaskStatus, Long> counts = store.counts(scope, q.asOf());
        long total = total(q, counts);
        long offset = (long) q.page() * q.size();
        if (offset >= total) {
            // as the sort answers a page past the end: nothing, counted 0
            return Optional.of(new PageOf<>(0, List.of()));
        }
        long cap = WALK_FACTOR * sum(counts);
        Map<TaskStatus, Long> country =
                scope == TaskCounts.COUNTRY ? counts : store.counts(TaskCounts.COUNTRY, q.asOf());
        if ((double) (offset + q.size()) * total(q, country) / total > cap) {
            return Optional.empty();
        }
        var page = page(q, total, cap);
        return page.items().size() < Math.min(q.size(), total - offset) ? Optional.empty() : Optional.of(page);
    }

    /** The page by the walk whatever it costs, for a list this serves (the tests hold it to the sort's). */
    PageOf<TaskRow> walk(TaskQuery q) {
        if (!serves(q)) {
            throw new IllegalArgumentException("not a list read in order: " + q);
        }
        if ("due_soon".equals(q.status())) {
            return page(q, -1, null);
        }
        long scope = q.unitId() == null ? TaskCounts.COUNTRY : q.unitId();
        return page(q, total(q, store.counts(scope, q.asOf())), null);
    }

    private static long total(TaskQuery q, Map<TaskStatus, Long> counts) {
        return q.status() == null ? sum(counts) : counts.get(TaskStatus.of(q.status()));
    }

    private static long sum(Map<TaskStatus, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The walk: dd is the deadline in force on the day (the last one that took effect by then;
     * every task has one from its start), so (dd.deadline, dd.task_id) is the list's order. The
     * status conditions repeat, as ranges of dd.deadline, what TaskStore.STATUS implies, so that
     * the index walk starts and stops where those statuses can be. It passes over at most
     * {@code cap} deadlines that took effect by the day (null: all), and the page may then be
     * short. The unit, the cheaper check, comes before the one whether the deadline is still in
     * force. A total below 0: the walk counts it (due_soon: 8 days of deadlines).
     *
     * <p>The plan is held to the walk: the unit's units come first, as an array that a custom plan
     * looks up by hash; sorting and parallel workers are off for the page's query, whose estimates
     * (how many tasks of other units lie between two of the list's) would otherwise pick a sort of
     * every match or loop over the units (measured on the benchmark's million tasks: 0.1-4.4 s
     * instead of 6-25 ms).
     */
    private PageOf<TaskRow> page(TaskQuery q, long total, @Nullable Long cap) {
        boolean counted = total < 0;
        String status = q.status();
        String range = switch (status == null ? "" : status) {
            case "due_soon" -> " AND d.deadline BETWEEN :asOf AND CAST(:asOf AS date) + 7";
            case "in_progress" -> " AND d.deadline >= :asOf";
            case "overdue" -> " AND d.deadline < :asOf";
            case "ongoing" -> " AND d.deadline IS NULL";
            default -> "";
        };
        var walk = new StringBuilder("""
                WITH page AS MATERIALIZED (
                SELECT dd.task_id, dd.deadline%s
                  FROM (SELECT d.task_id, d.deadline, d.effective_on FROM task_deadline d WHERE d.effective_on <= :asOf%s
                         ORDER BY d.deadline NULLS LAST, d.task_id LIMIT :cap) dd
                  JOIN task t ON t.id = dd.task_id
                  LEFT JOIN LATERAL (SELECT deadline FROM task_deadline x WHERE x.task_id = t.id AND x.effective_on <= t.completed_on
                                      ORDER BY x.effective_on DESC LIMIT 1) dc ON true
                 WHERE t.start_on <= :asOf
                   AND NOT EXISTS (SELECT 1 FROM task_deadline n WHERE n.task_id = dd.task_id
                                      AND n.effective_on > dd.effective_on AND n.effective_on <= :asOf)
                """.formatted(counted ? ", count(*) OVER () AS total" : "", range));
        if (q.unitId() != null) {
            walk.append("   AND t.lead_unit_id = ANY (CAST(:units AS bigint[]))\n");
        }
        if (status != null) {
            walk.append("   AND (").append(TaskStore.STATUS).append(") = :status\n");
        }
        walk.append(" ORDER BY dd.deadline NULLS LAST, dd.task_id LIMIT :size OFFSET :offset) ");
        String sql = walk + TaskStore.ROW_FROM.replaceFirst("SELECT ", counted ? "SELECT p.total, " : "SELECT ")
                + " JOIN page p ON p.task_id = t.id ORDER BY p.deadline NULLS LAST, p.task_id";
        var before = jdbc.sql("""
                        SELECT current_setting('enable_sort') AS sort, current_setting('max_parallel_workers_per_gather') AS workers,
                               current_setting('plan_cache_mode') AS cache, set_config('enable_sort', 'off', true),
                               set_config('max_parallel_workers_per_gather', '0', true),
                               set_config('plan_cache_mode', 'force_custom_plan', true)
                        """)
                .query((rs, n) -> new Settings(rs.getString("sort"), rs.getString("workers"), rs.getString("cache")))
                .single();
        // a custom plan from here on: the generic plan of the units' walk (inlined) took 50-70 ms, not 8
        Long[] units = q.unitId() == null
                ? null
                : jdbc.sql("SELECT ARRAY(SELECT unit_id FROM units_under_as_of(:unit, :asOf))")
                        .param("unit", q.unitId())
                        .param("asOf", q.asOf())
                        .query((rs, n) -> (Long[]) rs.getArray(1).getArray())
                        .single();
        var spec = jdbc.sql(sql)
                .param("asOf", q.asOf())
                .param("cap", cap)
                .param("size", q.size())
                .param("offset", (long) q.page() * q.size());
        if (q.unitId() != null) {
            spec = spec.param("units", units);
        }
        if (status != null) {
            spec = spec.param("status", status.equals("due_soon") ? "in_progress" : status);
        }
        long[] counts = {total};
        var items = spec.query((rs, n) -> {
                    if (counted) {
                        counts[0] = rs.getLong("total");
                    }
                    return TaskStore.row(rs, n);
                })
                .list();
        // (a failed query rolls the transaction back, and the settings with it)
        jdbc.sql("""
                        SELECT set_config('enable_sort', :sort, true), set_config('max_parallel_workers_per_gather', :workers, true),
                               set_config('plan_cache_mode', :cache, true)
                        """)
                .param("sort", before.sort())
                .param("workers", before.workers())
                .param("cache", before.cache())
                .query()
                .listOfRows();
        return new PageOf<>(items.isEmpty() ? 0 : counts[0], items);
    }

    /** The planner's settings before the walk, put back after it. */
    private record Settings(String sort, String workers, String cache) {}
}
