package org.mandate.task.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mandate.task.NewTask;
import org.mandate.task.TaskRow;
import org.mandate.task.TaskStatus;
import org.mandate.task.TaskTimeline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of tasks: writes, the timeline of one task, and rows with their status as of a day. */
@Repository
public class TaskStore {
    /**
     * The status of task t as of :asOf, from the deadline in force that day (dd) and on the day
     * of completion (dc); both are one lookup in task_deadline's primary key.
     */
    static final String STATUS = """
            CASE WHEN t.completed_on IS NOT NULL AND t.completed_on <= :asOf THEN
                      CASE WHEN dc.deadline IS NULL OR t.completed_on <= dc.deadline THEN 'done_on_time' ELSE 'done_late' END
                 WHEN dd.deadline IS NULL THEN 'ongoing'
                 WHEN :asOf > dd.deadline THEN 'overdue'
                 ELSE 'in_progress' END""";

    static final String ROW_FROM = """
            SELECT t.id, t.title, t.lead_unit_id, coalesce(lv.name, '?') AS lead_unit_name, t.responsible, t.priority,
                   t.start_on, dd.deadline, CASE WHEN t.completed_on <= :asOf THEN t.completed_on END AS completed_on,
                   t.progress, %s AS status, t.document_id, doc.symbol AS document_symbol, t.meeting_id, t.parent_id
              FROM task t
              LEFT JOIN LATERAL (SELECT deadline FROM task_deadline x WHERE x.task_id = t.id AND x.effective_on <= :asOf
                                  ORDER BY x.effective_on DESC LIMIT 1) dd ON true
              LEFT JOIN LATERAL (SELECT deadline FROM task_deadline x WHERE x.task_id = t.id AND x.effective_on <= t.completed_on
                                  ORDER BY x.effective_on DESC LIMIT 1) dc ON true
              LEFT JOIN LATERAL (SELECT name FROM org_unit_version v WHERE v.unit_id = t.lead_unit_id
                                  ORDER BY (v.valid @> :asOf) DESC, upper(v.valid) DESC NULLS FIRST LIMIT 1) lv ON true
              LEFT JOIN document doc ON doc.id = t.document_id
            """.formatted(STATUS);

    private final JdbcClient jdbc;

    TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(NewTask t, String actor) {
        long id = jdbc.sql("""
                        INSERT INTO task (parent_id, document_id, document_point, meeting_id, title, lead_unit_id,
                               responsible, priority, expected_result, start_on, deadline, created_by)
                        VALUES (:parent, :document, :point, :meeting, :title, :lead, :responsible, :priority,
                               :expected, :start, :deadline, :actor)
                        RETURNING id
                        """)
                .param("parent", t.parentId())
                .param("document", t.documentId())
                .param("point", t.documentPoint())
                .param("meeting", t.meetingId())
                .param("title", t.title())
                .param("lead", t.leadUnitId())
                .param("responsible", t.responsible())
                .param("priority", t.priority().code())
                .param("expected", t.expectedResult())
                .param("start", t.startOn())
                .param("deadline", t.deadline())
                .param("actor", actor)
                .query(Long.class)
                .single();
        jdbc.sql("INSERT INTO task_deadline (task_id, effective_on, deadline) VALUES (:id, :start, :deadline)")
                .param("id", id)
                .param("start", t.startOn())
                .param("deadline", t.deadline())
                .update();
        for (long unit : t.coordinatorIds()) {
            jdbc.sql("INSERT INTO task_coordinator (task_id, unit_id) VALUES (:id, :unit) ON CONFLICT DO NOTHING")
                    .param("id", id)
                    .param("unit", unit)
                    .update();
        }
        return id;
    }

    /** What the rules need to know of a stored task. */
    public record Stored(
            long id,
            long leadUnitId,
            @Nullable LocalDate completedOn,
            @Nullable LocalDate deadline,
            LocalDate startOn,
            int version,
            String title) {}

    public Optional<Stored> stored(long id) {
        return jdbc.sql(
                        "SELECT id, lead_unit_id, completed_on, deadline, start_on, version, title FROM task WHERE id = :id")
                .param("id", id)
                .query(Stored.class)
                .optional();
    }

    public TaskTimeline timeline(long id) {
        var stored = stored(id).orElseThrow();
        var deadlines = jdbc.sql(
                        "SELECT effective_on, deadline FROM task_deadline WHERE task_id = :id ORDER BY effective_on")
                .param("id", id)
                .query((rs, n) -> new TaskTimeline.Deadline(
                        rs.getObject("effective_on", LocalDate.class), rs.getObject("deadline", LocalDate.class)))
                .list();
        return new TaskTimeline(stored.startOn(), deadlines, stored.completedOn());
    }

    public void complete(long id, LocalDate on, @Nullable String result) {
        jdbc.sql(
                        "UPDATE task SET completed_on = :on, result = :result, progress = 100, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("on", on)
                .param("result", result)
                .update();
    }

    /** A new deadline in force from the day it was approved; both stay on record. */
    public void moveDeadline(long id, LocalDate effectiveOn, LocalDate deadline) {
        jdbc.sql("""
                        INSERT INTO task_deadline (task_id, effective_on, deadline) VALUES (:id, :on, :deadline)
                        ON CONFLICT (task_id, effective_on) DO UPDATE SET deadline = EXCLUDED.deadline
                        """)
                .param("id", id)
                .param("on", effectiveOn)
                .param("deadline", deadline)
                .update();
        jdbc.sql("UPDATE task SET deadline = :deadline, version = version + 1 WHERE id = :id")
                .param("id", id)
                .param("deadline", deadline)
                .update();
    }

    public long addProgress(long id, LocalDate on, int percent, String note, String actor) {
        long progressId = jdbc.sql("""
                        INSERT INTO task_progress (task_id, reported_on, percent, note, created_by)
                        VALUES (:id, :on, :percent, :note, :actor) RETURNING id
                        """)
                .param("id", id)
                .param("on", on)
                .param("percent", percent)
                .param("note", note)
                .param("actor", actor)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        UPDATE task SET progress = (SELECT percent FROM task_progress WHERE task_id = :id
                                                     ORDER BY reported_on DESC, id DESC LIMIT 1),
                               version = version + 1
                         WHERE id = :id
                        """).param("id", id).update();
        return progressId;
    }

    public void addEvidence(long progressId, String name, String contentType, byte[] bytes, byte[] sha256) {
        jdbc.sql("""
                        INSERT INTO task_evidence (progress_id, name, content_type, size, sha256, content)
                        VALUES (:p, :name, :type, :size, :sha, :content)
                        """)
                .param("p", progressId)
                .param("name", name)
                .param("type", contentType)
                .param("size", (long) bytes.length)
                .param("sha", sha256)
                .param("content", bytes)
                .update();
    }

    /** The row as JSON, for the audit log. */
    public @Nullable String snapshot(long id) {
        return jdbc.sql("""
                        SELECT (to_jsonb(t) || jsonb_build_object('coordinators',
                                (SELECT coalesce(jsonb_agg(unit_id ORDER BY unit_id), '[]') FROM task_coordinator WHERE task_id = t.id)))::text
                          FROM task t WHERE id = :id
                        """).param("id", id).query(String.class).optional().orElse(null);
    }

    public TaskRow row(long id, LocalDate asOf) {
        return jdbc.sql(ROW_FROM + " WHERE t.id = :id")
                .param("id", id)
                .param("asOf", asOf)
                .query(TaskStore::row)
                .single();
    }

    public List<TaskRow> children(long id, LocalDate asOf) {
        return jdbc.sql(ROW_FROM + " WHERE t.parent_id = :id AND t.start_on <= :asOf ORDER BY lead_unit_name, t.id")
                .param("id", id)
                .param("asOf", asOf)
                .query(TaskStore::row)
                .list();
    }

    public List<Long> coordinators(long id) {
        return jdbc.sql("SELECT unit_id FROM task_coordinator WHERE task_id = :id ORDER BY unit_id")
                .param("id", id)
                .query(Long.class)
                .list();
    }

    static TaskRow row(ResultSet rs, int n) throws SQLException {
        return new TaskRow(
                rs.getLong("id"),
                rs.getString("title"),
                rs.getLong("lead_unit_id"),
                rs.getString("lead_unit_name"),
                rs.getString("responsible"),
                rs.getString("priority"),
                rs.getObject("start_on", LocalDate.class),
                rs.getObject("deadline", LocalDate.class),
                rs.getObject("completed_on", LocalDate.class),
                rs.getInt("progress"),
                TaskStatus.of(rs.getString("status")),
                (Long) rs.getObject("document_id"),
                rs.getString("document_symbol"),
                (Long) rs.getObject("meeting_id"),
                (Long) rs.getObject("parent_id"));
    }

    /** Counts by status under the unit as of the day: the sums of the daily changes up to it. */
    public Map<TaskStatus, Long> counts(long scopeId, LocalDate asOf) {
        var counts = new HashMap<TaskStatus, Long>();
        for (TaskStatus s : TaskStatus.values()) {
            counts.put(s, 0L);
        }
        jdbc.sql("""
                        SELECT status, sum(delta) AS n FROM task_status_change
                         WHERE scope_id = :scope AND day <= :asOf GROUP BY status
                        """)
                .param("scope", scopeId)
                .param("asOf", asOf)
                .query((rs, i) -> counts.put(TaskStatus.values()[rs.getInt("status")], rs.getLong("n")))
                .list();
        return counts;
    }
}
