package org.mandate.task.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mandate.shared.PageOf;
import org.mandate.task.TaskQuery;
import org.mandate.task.TaskRow;
import org.mandate.task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * A page of a long task list read in the list's own order, without computing every task of the
 * list: the deadlines in force on the day are walked in (deadline, task) order through the index
 * {@code task_deadline_order} (V18), each checked against the list's unit and status, until the
 * page is full; the status of a task is computed only for the tasks walked over. The total comes
 * from the counts kept by status ({@link TaskCounts}, the dashboard's), which are exact.
 *
 * <p>So it serves the lists those counts answer: a unit's subtree (or the whole country), any or
 * one status, no other filter, for a reader within whose scope the list lies; {@code due_soon},
 * whose deadlines lie within 8 days, is counted by the same walk. And only when the walk is the
 * cheaper: when the list's tasks are a small share of all, the walk would pass over many tasks of
 * other units for each of its own, and sorting the list's tasks is cheaper (empty answer: the
 * caller sorts).
 */
@Repository
class TaskPageByDeadline {
    /**
     * Walk when the tasks it is expected to pass over, (offset + size) times all tasks over the
     * list's, are at most this many times the tasks the sort would compute (the unit's, any status).
     */
    static final int WALK_FACTOR = 2;

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
            return Optional.of(page(q, true, -1));
        }
        long scope = q.unitId() == null ? TaskCounts.COUNTRY : q.unitId();
        Map<TaskStatus, Long> counts = store.counts(scope, q.asOf());
        long unitAll = sum(counts);
        long total = total(q, counts);
        long offset = (long) q.page() * q.size();
        if (offset >= total) {
            // as the sort answers a page past the end: nothing, counted 0
            return Optional.of(new PageOf<>(0, List.of()));
        }
        long all = scope == TaskCounts.COUNTRY ? unitAll : sum(store.counts(TaskCounts.COUNTRY, q.asOf()));
        double walked = (double) Math.min(offset + q.size(), total) * all / total;
        return walked > (double) WALK_FACTOR * unitAll ? Optional.empty() : Optional.of(page(q, false, total));
    }

    /** The page by the walk whatever it costs, for a list this serves (the tests hold it to the sort's). */
    PageOf<TaskRow> walk(TaskQuery q) {
        if (!serves(q)) {
            throw new IllegalArgumentException("not a list read in order: " + q);
        }
        if ("due_soon".equals(q.status())) {
            return page(q, true, -1);
        }
        long scope = q.unitId() == null ? TaskCounts.COUNTRY : q.unitId();
        return page(q, false, total(q, store.counts(scope, q.asOf())));
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
     * the index walk starts and stops where those statuses can be. With {@code counted} the total
     * is the walk's own count (for due_soon, over 8 days of deadlines).
     */
    private PageOf<TaskRow> page(TaskQuery q, boolean counted, long total) {
        var walk = new StringBuilder("""
                WITH page AS MATERIALIZED (
                SELECT dd.task_id, dd.deadline%s
                  FROM task_deadline dd
                  JOIN task t ON t.id = dd.task_id
                  LEFT JOIN LATERAL (SELECT deadline FROM task_deadline x WHERE x.task_id = t.id AND x.effective_on <= t.completed_on
                                      ORDER BY x.effective_on DESC LIMIT 1) dc ON true
                 WHERE dd.effective_on <= :asOf
                   AND NOT EXISTS (SELECT 1 FROM task_deadline n WHERE n.task_id = dd.task_id
                                      AND n.effective_on > dd.effective_on AND n.effective_on <= :asOf)
                   AND t.start_on <= :asOf
                """.formatted(counted ? ", count(*) OVER () AS total" : ""));
        if (q.unitId() != null) {
            walk.append("   AND t.lead_unit_id IN (SELECT unit_id FROM units_under_as_of(:unit, :asOf))\n");
        }
        String status = q.status();
        if (status != null) {
            walk.append("   AND (").append(TaskStore.STATUS).append(") = :status\n");
            walk.append(
                    switch (status) {
                        case "due_soon" -> "   AND dd.deadline BETWEEN :asOf AND CAST(:asOf AS date) + 7\n";
                        case "in_progress" -> "   AND dd.deadline >= :asOf\n";
                        case "overdue" -> "   AND dd.deadline < :asOf\n";
                        case "ongoing" -> "   AND dd.deadline IS NULL\n";
                        default -> "";
                    });
        }
        walk.append(" ORDER BY dd.deadline NULLS LAST, dd.task_id LIMIT :size OFFSET :offset) ");
        String sql = walk + TaskStore.ROW_FROM.replaceFirst("SELECT ", counted ? "SELECT p.total, " : "SELECT ")
                + " JOIN page p ON p.task_id = t.id ORDER BY p.deadline NULLS LAST, p.task_id";
        var spec = jdbc.sql(sql)
                .param("asOf", q.asOf())
                .param("size", q.size())
                .param("offset", (long) q.page() * q.size());
        if (q.unitId() != null) {
            spec = spec.param("unit", q.unitId());
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
        return new PageOf<>(items.isEmpty() ? 0 : counts[0], items);
    }
}
