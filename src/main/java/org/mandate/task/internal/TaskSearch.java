package org.mandate.task.internal;

import java.time.LocalDate;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;
import org.mandate.shared.PageOf;
import org.mandate.task.TaskQuery;
import org.mandate.task.TaskRow;
import org.mandate.task.TaskStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Task lists with their filters, within what the reader may see. */
@Repository
public class TaskSearch {
    private final JdbcClient jdbc;
    private final TaskPageByDeadline byDeadline;

    TaskSearch(JdbcClient jdbc, TaskPageByDeadline byDeadline) {
        this.jdbc = jdbc;
        this.byDeadline = byDeadline;
    }

    /**
     * @param all the list needs no scope filter (the reader sees everything, or the unit asked for
     *     stands within the reader's grants)
     * @param roots the units of the reader's grants: tasks led or coordinated by a unit under one
     *     of them (as of the day, following restructuring) are visible
     */
    public PageOf<TaskRow> find(TaskQuery q, boolean all, Collection<Long> roots) {
        if (all) {
            var page = byDeadline.find(q);
            if (page.isPresent()) {
                return page.get();
            }
        }
        return sorted(q, all, roots);
    }

    /**
     * The same list computed whole: every matching task with its status, counted and sorted, then
     * the page cut out. What {@link #find} does when the list is not one {@link TaskPageByDeadline}
     * serves, or is short enough that this is cheaper.
     */
    public PageOf<TaskRow> sorted(TaskQuery q, boolean all, Collection<Long> roots) {
        String sql = with(all) + TaskStore.ROW_FROM.replaceFirst("SELECT ", "SELECT count(*) OVER () AS total, ")
                + where(q, all) + " ORDER BY dd.deadline NULLS LAST, t.id LIMIT :size OFFSET :offset";
        var spec =
                bind(jdbc.sql(sql), q, all, roots).param("size", q.size()).param("offset", (long) q.page() * q.size());
        long[] total = {0};
        var items = spec.query((rs, n) -> {
                    total[0] = rs.getLong("total");
                    return TaskStore.row(rs, n);
                })
                .list();
        return new PageOf<>(total[0], items);
    }

    /** How many tasks of the list (its status filter aside) are in each status, in one query. */
    public Map<TaskStatus, Long> countsByStatus(TaskQuery q, boolean all, Collection<Long> roots) {
        TaskQuery any = q.withStatus(null);
        String sql = with(all) + "SELECT status, count(*) AS n FROM (" + TaskStore.ROW_FROM + where(any, all)
                + ") r GROUP BY status";
        var counts = new EnumMap<TaskStatus, Long>(TaskStatus.class);
        bind(jdbc.sql(sql), any, all, roots)
                .query((rs, n) -> counts.put(TaskStatus.of(rs.getString("status")), rs.getLong("n")))
                .list();
        return counts;
    }

    private static String where(TaskQuery q, boolean all) {
        var where = new StringBuilder(" WHERE t.start_on <= :asOf");
        if (q.unitId() != null) {
            where.append(
                    q.subtree()
                            ? " AND t.lead_unit_id IN (SELECT unit_id FROM units_under_as_of(:unit, :asOf))"
                            : " AND t.lead_unit_id = :unit");
        }
        if (!all) {
            // the space: a text block starts at its first letter, and ":asOf" must not run into "AND"
            where.append(' ').append("""
                     AND (t.lead_unit_id IN (SELECT a.unit_id FROM allowed a)
                          OR EXISTS (SELECT 1 FROM task_coordinator c JOIN allowed a ON a.unit_id = c.unit_id
                                      WHERE c.task_id = t.id))""");
        }
        if (q.sourceDocumentId() != null) {
            where.append(" AND t.document_id IN (SELECT id FROM sources)");
        }
        if (q.responsible() != null) {
            where.append(" AND t.responsible ILIKE '%' || :responsible || '%'");
        }
        if (q.deadlineFrom() != null) {
            where.append(" AND dd.deadline >= :deadlineFrom");
        }
        if (q.deadlineTo() != null) {
            where.append(" AND dd.deadline <= :deadlineTo");
        }
        if (q.meetingId() != null) {
            where.append(" AND t.meeting_id = :meeting");
        }
        String status = q.status();
        if (status != null) {
            if (status.equals("due_soon")) {
                where.append(
                        " AND (" + TaskStore.STATUS + ") = 'in_progress' AND dd.deadline <= CAST(:asOf AS date) + 7");
            } else {
                where.append(" AND (" + TaskStore.STATUS + ") = :status");
            }
        }
        return where.toString();
    }

    /** The reader's units, and the sources: the document and everything that implements or continues it, transitively. */
    private static String with(boolean all) {
        return "WITH RECURSIVE allowed(unit_id) AS ("
                + (all
                        ? "SELECT NULL::bigint WHERE false"
                        : "SELECT u.unit_id FROM unnest(CAST(:roots AS bigint[])) r(id),"
                                + " units_under_as_of(r.id, :asOf) u")
                + "), sources(id) AS (SELECT CAST(:source AS bigint) WHERE CAST(:source AS bigint) IS NOT NULL"
                + " UNION SELECT l.from_id FROM document_link l JOIN sources s ON l.to_id = s.id"
                + " WHERE l.relation IN ('implements', 'continues')) ";
    }

    private static JdbcClient.StatementSpec bind(
            JdbcClient.StatementSpec spec, TaskQuery q, boolean all, Collection<Long> roots) {
        spec = spec.param("asOf", q.asOf()).param("source", q.sourceDocumentId());
        if (q.unitId() != null) {
            spec = spec.param("unit", q.unitId());
        }
        if (!all) {
            spec = spec.param("roots", roots.toArray(Long[]::new));
        }
        if (q.responsible() != null) {
            spec = spec.param("responsible", q.responsible());
        }
        if (q.deadlineFrom() != null) {
            spec = spec.param("deadlineFrom", q.deadlineFrom());
        }
        if (q.deadlineTo() != null) {
            spec = spec.param("deadlineTo", q.deadlineTo());
        }
        if (q.meetingId() != null) {
            spec = spec.param("meeting", q.meetingId());
        }
        if (q.status() != null && !q.status().equals("due_soon")) {
            spec = spec.param("status", q.status());
        }
        return spec;
    }

    /**
     * Counts by status per lead unit under the unit as of the day, units with the most tasks
     * overdue or done late first. A lead unit that ended counts as itself (its name then).
     */
    public java.util.List<org.mandate.task.LeadUnitCounts> byLeadUnit(long unitId, LocalDate asOf, int limit) {
        String sql = "WITH rows AS (" + TaskStore.ROW_FROM
                + " WHERE t.start_on <= :asOf AND t.lead_unit_id IN (SELECT unit_id FROM units_under_as_of(:unit, :asOf)))"
                + " SELECT lead_unit_id, min(lead_unit_name) AS name, status, count(*) AS n FROM rows"
                + " GROUP BY lead_unit_id, status";
        var byUnit = new java.util.LinkedHashMap<Long, java.util.EnumMap<org.mandate.task.TaskStatus, Long>>();
        var names = new java.util.HashMap<Long, String>();
        jdbc.sql(sql)
                .param("asOf", asOf)
                .param("unit", unitId)
                .query((rs, n) -> {
                    long lead = rs.getLong("lead_unit_id");
                    names.put(lead, rs.getString("name"));
                    byUnit.computeIfAbsent(lead, k -> new java.util.EnumMap<>(org.mandate.task.TaskStatus.class))
                            .put(org.mandate.task.TaskStatus.of(rs.getString("status")), rs.getLong("n"));
                    return null;
                })
                .list();
        var out = new java.util.ArrayList<org.mandate.task.LeadUnitCounts>();
        byUnit.forEach((lead, counts) -> {
            for (var s : org.mandate.task.TaskStatus.values()) {
                counts.putIfAbsent(s, 0L);
            }
            long total = counts.values().stream().mapToLong(Long::longValue).sum();
            long done = counts.get(org.mandate.task.TaskStatus.DONE_ON_TIME)
                    + counts.get(org.mandate.task.TaskStatus.DONE_LATE);
            double lateRate = done == 0 ? 0 : (double) counts.get(org.mandate.task.TaskStatus.DONE_LATE) / done;
            out.add(new org.mandate.task.LeadUnitCounts(lead, names.get(lead), counts, total, lateRate));
        });
        out.sort(java.util.Comparator.comparingLong(
                        (org.mandate.task.LeadUnitCounts c) -> c.counts().get(org.mandate.task.TaskStatus.OVERDUE)
                                + c.counts().get(org.mandate.task.TaskStatus.DONE_LATE))
                .reversed()
                .thenComparing(org.mandate.task.LeadUnitCounts::unitName));
        return out.size() > limit ? out.subList(0, limit) : out;
    }
}
