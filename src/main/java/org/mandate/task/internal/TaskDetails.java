package org.mandate.task.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.mandate.task.TaskDetail;
import org.mandate.task.TaskRow;
import org.mandate.task.TaskStatus;
import org.mandate.task.TaskTimeline;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads what a task's page shows besides the task itself: units, reports, extensions. */
@Repository
public class TaskDetails {
    private final JdbcClient jdbc;

    TaskDetails(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public TaskDetail detail(
            TaskRow row,
            TaskTimeline timeline,
            List<TaskRow> children,
            Map<TaskStatus, Long> byStatus,
            int childrenProgress,
            LocalDate asOf) {
        long id = row.id();
        record Extra(String expected, String point, String result, int version) {}
        var extra = jdbc.sql("SELECT expected_result, document_point, result, version FROM task WHERE id = :id")
                .param("id", id)
                .query((rs, n) -> new Extra(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
                .single();
        var coordinators = jdbc.sql("""
                        SELECT c.unit_id, coalesce((SELECT name FROM org_unit_version v WHERE v.unit_id = c.unit_id
                                                     ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1), '?') AS name
                          FROM task_coordinator c WHERE c.task_id = :id ORDER BY name
                        """)
                .param("id", id)
                .query((rs, n) -> new TaskDetail.Unit(rs.getLong(1), rs.getString(2)))
                .list();
        var progress = jdbc.sql("""
                        SELECT id, reported_on, percent, note, created_by FROM task_progress
                         WHERE task_id = :id AND reported_on <= :asOf ORDER BY reported_on, id
                        """)
                .param("id", id)
                .param("asOf", asOf)
                .query((rs, n) -> new TaskDetail.Progress(
                        rs.getLong("id"),
                        rs.getObject("reported_on", LocalDate.class),
                        rs.getInt("percent"),
                        rs.getString("note"),
                        rs.getString("created_by"),
                        jdbc.sql("SELECT id, name, size FROM task_evidence WHERE progress_id = :p ORDER BY id")
                                .param("p", rs.getLong("id"))
                                .query((e, i) -> new TaskDetail.Evidence(e.getLong(1), e.getString(2), e.getLong(3)))
                                .list()))
                .list();
        var extensions = jdbc.sql("""
                        SELECT id, requested_on, old_deadline, new_deadline, reason, requested_by, state, decided_by,
                               decided_on, note
                          FROM task_extension WHERE task_id = :id ORDER BY id
                        """)
                .param("id", id)
                .query((rs, n) -> new TaskDetail.Extension(
                        rs.getLong("id"),
                        rs.getObject("requested_on", LocalDate.class),
                        rs.getObject("old_deadline", LocalDate.class),
                        rs.getObject("new_deadline", LocalDate.class),
                        rs.getString("reason"),
                        rs.getString("requested_by"),
                        rs.getString("state"),
                        rs.getString("decided_by"),
                        rs.getObject("decided_on", LocalDate.class),
                        rs.getString("note")))
                .list();
        return new TaskDetail(
                row,
                extra.expected(),
                extra.point(),
                extra.result(),
                coordinators,
                progress,
                extensions,
                timeline.deadlines(),
                children,
                byStatus,
                childrenProgress,
                extra.version(),
                asOf);
    }
}
