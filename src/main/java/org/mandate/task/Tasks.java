package org.mandate.task;

import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Role;
import org.mandate.access.Scope;
import org.mandate.access.Scopes;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.mandate.shared.PageOf;
import org.mandate.task.internal.TaskCounts;
import org.mandate.task.internal.TaskDetails;
import org.mandate.task.internal.TaskSearch;
import org.mandate.task.internal.TaskStore;
import org.springframework.boot.json.JsonWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Following up what was assigned: creating and decomposing tasks, progress reports, extensions,
 * completion, and reading tasks and their status as of any day, within the reader's scope. A task
 * is read where its lead unit or a coordinating unit is in scope; it is assigned and changed by
 * the office over its lead unit, reported on by the unit's reporters, and its deadline moves only
 * when a leader over the lead unit approves an extension.
 */
@Service
public class Tasks {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final TaskStore store;
    private final TaskSearch search;
    private final TaskCounts counts;
    private final Scopes scopes;
    private final AuditLog audit;
    private final JdbcClient jdbc;
    private final TaskDetails details;

    Tasks(
            TaskStore store,
            TaskSearch search,
            TaskCounts counts,
            TaskDetails details,
            Scopes scopes,
            AuditLog audit,
            JdbcClient jdbc) {
        this.details = details;
        this.store = store;
        this.search = search;
        this.counts = counts;
        this.scopes = scopes;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    @Transactional
    public long create(NewTask t) {
        Scope scope = scopes.current();
        check(t);
        scopes.requireAct(t.leadUnitId(), "assign tasks to that unit", Role.ADMIN, Role.OFFICE);
        long id = store.insert(t, actor(scope));
        counts.change(t.leadUnitId(), null, store.timeline(id));
        audit(scope, "create", id, t.leadUnitId(), null);
        return id;
    }

    @Transactional
    public void change(long taskId, TaskChange c) {
        Scope scope = scopes.current();
        var task = readable(taskId);
        scopes.requireAct(task.leadUnitId(), "change this task", Role.ADMIN, Role.OFFICE);
        if (c.title().isBlank()) {
            throw InputProblem.field("title", "the task has no title");
        }
        String before = store.snapshot(taskId);
        int updated = jdbc.sql("""
                        UPDATE task SET title = :title, responsible = :responsible, priority = :priority,
                               expected_result = :expected, version = version + 1
                         WHERE id = :id AND version = :version
                        """)
                .param("title", c.title().strip())
                .param("responsible", c.responsible())
                .param("priority", c.priority().code())
                .param("expected", c.expectedResult())
                .param("id", taskId)
                .param("version", c.version())
                .update();
        if (updated == 0) {
            throw new Conflict("Task " + taskId + " was changed by someone else since version " + c.version()
                    + " was read; reload it and make the change again");
        }
        jdbc.sql("DELETE FROM task_coordinator WHERE task_id = :id")
                .param("id", taskId)
                .update();
        for (long unit : c.coordinatorIds()) {
            jdbc.sql("INSERT INTO task_coordinator (task_id, unit_id) VALUES (:id, :unit) ON CONFLICT DO NOTHING")
                    .param("id", taskId)
                    .param("unit", unit)
                    .update();
        }
        audit(scope, "update", taskId, task.leadUnitId(), before);
    }

    /** Creates the children of a task in one action; returns their ids. */
    @Transactional
    public List<Long> decompose(long parentId, Decomposition d) {
        Scope scope = scopes.current();
        var parent = readable(parentId);
        List<Long> units =
                d.level() != null && !d.level().isBlank() ? unitsOfLevel(parent.leadUnitId(), d.level()) : d.unitIds();
        if (units.isEmpty()) {
            throw InputProblem.field("units", "choose the units, or a level with units under the lead unit");
        }
        for (long unit : units) {
            scopes.requireAct(unit, "assign tasks to unit " + unit, Role.ADMIN, Role.OFFICE);
        }
        LocalDate start = today().isBefore(parent.startOn()) ? parent.startOn() : today();
        LocalDate deadline = d.deadline() != null ? d.deadline() : parent.deadline();
        if (deadline != null && deadline.isBefore(start)) {
            throw InputProblem.field("deadline", "the deadline " + deadline + " is before the start " + start);
        }
        String title = d.title() == null || d.title().isBlank()
                ? parent.title()
                : d.title().strip();
        record Child(long id, long unit) {}
        var children = jdbc.sql("""
                        INSERT INTO task (parent_id, document_id, document_point, meeting_id, title, lead_unit_id, priority,
                               expected_result, start_on, deadline, created_by)
                        SELECT p.id, p.document_id, p.document_point, p.meeting_id, :title, u.id, p.priority,
                               p.expected_result, :start, :deadline, :actor
                          FROM task p, unnest(CAST(:units AS bigint[])) AS u(id)
                         WHERE p.id = :parent
                        RETURNING id, lead_unit_id
                        """)
                .param("title", title)
                .param("start", start)
                .param("deadline", deadline)
                .param("actor", actor(scope))
                .param("units", units.stream().distinct().toArray(Long[]::new))
                .param("parent", parentId)
                .query((rs, n) -> new Child(rs.getLong(1), rs.getLong(2)))
                .list();
        jdbc.sql("""
                        INSERT INTO task_deadline (task_id, effective_on, deadline)
                        SELECT id, start_on, deadline FROM task WHERE parent_id = :parent AND id = ANY (CAST(:ids AS bigint[]))
                        """)
                .param("parent", parentId)
                .param("ids", children.stream().map(Child::id).toArray(Long[]::new))
                .update();
        var spans = counts.scopeSpans(children.stream().map(Child::unit).toList());
        var timeline = TaskTimeline.of(start, deadline, null);
        var deltas = new HashMap<TaskCounts.Key, Integer>();
        for (Child child : children) {
            TaskCounts.contribute(timeline, spans.getOrDefault(child.unit(), List.of()), +1, deltas);
        }
        counts.apply(deltas);
        audit.record(new AuditRecord(
                actor(scope),
                "decompose",
                "task",
                parentId,
                parent.leadUnitId(),
                JsonWriter.standard()
                        .writeToString(Map.of(
                                "children",
                                children.stream().map(Child::id).toList(),
                                "units",
                                children.stream().map(Child::unit).toList())),
                null,
                null));
        return children.stream().map(Child::id).toList();
    }

    @Transactional
    public long report(long taskId, LocalDate on, int percent, String note, List<Evidence> evidence) {
        Scope scope = scopes.current();
        var task = readable(taskId);
        scopes.requireAct(task.leadUnitId(), "report on this task", Role.ADMIN, Role.OFFICE, Role.REPORTER);
        if (percent < 0 || percent > 100) {
            throw InputProblem.field("percent", percent + " is not between 0 and 100");
        }
        if (note.isBlank()) {
            throw InputProblem.field("note", "say what was done");
        }
        if (on.isBefore(task.startOn())) {
            throw InputProblem.field(
                    "reportedOn", "the report is dated before the task started (" + task.startOn() + ")");
        }
        String before = store.snapshot(taskId);
        long progressId = store.addProgress(taskId, on, percent, note.strip(), actor(scope));
        for (Evidence e : evidence) {
            store.addEvidence(progressId, e.name(), e.contentType(), e.bytes(), sha256(e.bytes()));
        }
        audit(scope, "report_progress", taskId, task.leadUnitId(), before);
        return progressId;
    }

    /** A file attached to a progress report as evidence, stored as given. */
    public record Evidence(String name, String contentType, byte[] bytes) {}

    @Transactional
    public long requestExtension(long taskId, LocalDate newDeadline, String reason) {
        Scope scope = scopes.current();
        var task = readable(taskId);
        scopes.requireAct(task.leadUnitId(), "ask to extend this task", Role.ADMIN, Role.OFFICE, Role.REPORTER);
        if (task.completedOn() != null) {
            throw new Conflict(
                    "Task " + taskId + " was completed on " + task.completedOn() + "; it has no deadline to move");
        }
        if (task.deadline() != null && !newDeadline.isAfter(task.deadline())) {
            throw InputProblem.field("newDeadline", newDeadline + " is not after the deadline " + task.deadline());
        }
        if (reason.isBlank()) {
            throw InputProblem.field("reason", "say why the deadline must move");
        }
        long id = jdbc.sql("""
                        INSERT INTO task_extension (task_id, requested_on, old_deadline, new_deadline, reason, requested_by)
                        VALUES (:task, :on, :old, :new, :reason, :actor) RETURNING id
                        """)
                .param("task", taskId)
                .param("on", today())
                .param("old", task.deadline())
                .param("new", newDeadline)
                .param("reason", reason.strip())
                .param("actor", actor(scope))
                .query(Long.class)
                .single();
        audit.record(new AuditRecord(
                actor(scope),
                "request_extension",
                "task",
                taskId,
                task.leadUnitId(),
                JsonWriter.standard().writeToString(Map.of("extension", id, "newDeadline", newDeadline.toString())),
                null,
                null));
        return id;
    }

    /** A leader's decision; an approval moves the deadline from the day of the decision on. */
    @Transactional
    public void decideExtension(long taskId, long extensionId, boolean approve, @Nullable String note) {
        Scope scope = scopes.current();
        var task = readable(taskId);
        scopes.requireAct(task.leadUnitId(), "decide on extensions of this task", Role.ADMIN, Role.LEADER);
        record Ext(String state, LocalDate newDeadline) {}
        var ext = jdbc.sql(
                        "SELECT state, new_deadline FROM task_extension WHERE id = :id AND task_id = :task FOR UPDATE")
                .param("id", extensionId)
                .param("task", taskId)
                .query(Ext.class)
                .optional()
                .orElseThrow(() -> new NotFound("Task " + taskId + " has no extension request " + extensionId));
        if (!ext.state().equals("requested")) {
            throw new Conflict("Extension request " + extensionId + " was already " + ext.state());
        }
        LocalDate on = today();
        String before = store.snapshot(taskId);
        jdbc.sql("""
                        UPDATE task_extension SET state = :state, decided_by = :actor, decided_on = :on, note = :note
                         WHERE id = :id
                        """)
                .param("state", approve ? "approved" : "rejected")
                .param("actor", actor(scope))
                .param("on", on)
                .param("note", note)
                .param("id", extensionId)
                .update();
        if (approve) {
            TaskTimeline old = store.timeline(taskId);
            store.moveDeadline(taskId, on.isBefore(task.startOn()) ? task.startOn() : on, ext.newDeadline());
            counts.change(task.leadUnitId(), old, store.timeline(taskId));
        }
        audit(scope, approve ? "approve_extension" : "reject_extension", taskId, task.leadUnitId(), before);
    }

    @Transactional
    public void complete(long taskId, LocalDate on, @Nullable String result) {
        Scope scope = scopes.current();
        var task = readable(taskId);
        scopes.requireAct(task.leadUnitId(), "complete this task", Role.ADMIN, Role.OFFICE, Role.REPORTER);
        if (task.completedOn() != null) {
            throw new Conflict("Task " + taskId + " was already completed on " + task.completedOn());
        }
        if (on.isBefore(task.startOn()) || on.isAfter(today())) {
            throw InputProblem.field("completedOn", on + " is not between the start " + task.startOn() + " and today");
        }
        String before = store.snapshot(taskId);
        TaskTimeline old = store.timeline(taskId);
        store.complete(taskId, on, result == null || result.isBlank() ? null : result.strip());
        counts.change(task.leadUnitId(), old, store.timeline(taskId));
        audit(scope, "complete", taskId, task.leadUnitId(), before);
    }

    @Transactional(readOnly = true)
    public TaskDetail get(long taskId, LocalDate asOf) {
        readable(taskId);
        var row = store.row(taskId, asOf);
        var children = store.children(taskId, asOf);
        var byStatus = new EnumMap<TaskStatus, Long>(TaskStatus.class);
        children.forEach(c -> byStatus.merge(c.status(), 1L, Long::sum));
        int avg = children.isEmpty()
                ? 0
                : (int) Math.round(
                        children.stream().mapToInt(TaskRow::progress).average().orElse(0));
        return details.detail(row, store.timeline(taskId), children, byStatus, avg, asOf);
    }

    @Transactional(readOnly = true)
    public PageOf<TaskRow> find(TaskQuery q) {
        Scope scope = scopes.current();
        boolean withinScope = withinScope(q, scope);
        if (q.status() != null && !q.status().equals("due_soon")) {
            TaskStatus.of(q.status());
        }
        return search.find(q, withinScope, scope.readRoots());
    }

    /**
     * Whether a list needs no scope filter: the reader reads everything, or the unit asked for
     * stood under the reader's grants on the day, which narrows the list within the scope already
     * (the scope's own units are then not computed; docs/BENCHMARKS.md, access). 404 for a unit
     * outside the scope.
     */
    private boolean withinScope(TaskQuery q, Scope scope) {
        return q.unitId() != null
                ? scopes.requireReadOfSubtree(q.unitId(), q.asOf(), "Unit " + q.unitId())
                : scope.readsEverything();
    }

    /** How many tasks of a list (its status filter aside) are in each status, within the reader's scope. */
    @Transactional(readOnly = true)
    public Map<TaskStatus, Long> countsOf(TaskQuery q) {
        Scope scope = scopes.current();
        return search.countsByStatus(q, withinScope(q, scope), scope.readRoots());
    }

    /**
     * Counts by status under the unit as of the day (the dashboard's first figures); with no unit,
     * the whole country, for those who read it.
     */
    @Transactional(readOnly = true)
    public Map<TaskStatus, Long> counts(@Nullable Long unitId, LocalDate asOf) {
        if (unitId == null) {
            if (!scopes.current().readsEverything()) {
                throw InputProblem.field(
                        "unit", "say which unit: only a whole-country grant reads the country's counts");
            }
            return store.counts(TaskCounts.COUNTRY, asOf);
        }
        scopes.requireRead(unitId, "Unit " + unitId);
        return store.counts(unitId, asOf);
    }

    /** Per lead unit under the unit: counts by status and late rate, the most late first. */
    @Transactional(readOnly = true)
    public List<LeadUnitCounts> byLeadUnit(long unitId, LocalDate asOf, int limit) {
        scopes.requireRead(unitId, "Unit " + unitId);
        return search.byLeadUnit(unitId, asOf, limit);
    }

    /** Counts by status at the end of each of the months up to the day's (the trend). */
    @Transactional(readOnly = true)
    public Map<LocalDate, Map<TaskStatus, Long>> trend(@Nullable Long unitId, LocalDate asOf, int months) {
        counts(unitId, asOf);
        long scope = unitId == null ? TaskCounts.COUNTRY : unitId;
        var trend = new java.util.LinkedHashMap<LocalDate, Map<TaskStatus, Long>>();
        LocalDate first = asOf.withDayOfMonth(1).minusMonths(months - 1L);
        for (int i = 0; i < months; i++) {
            LocalDate end = first.plusMonths(i + 1L).minusDays(1);
            LocalDate day = end.isAfter(asOf) ? asOf : end;
            trend.put(day, store.counts(scope, day));
        }
        return trend;
    }

    TaskStore.Stored readable(long id) {
        var task = store.stored(id).orElseThrow(() -> new NotFound("Task " + id + " was not found"));
        Scope scope = scopes.current();
        if (!scopes.mayRead(scope, task.leadUnitId())
                && store.coordinators(id).stream().noneMatch(u -> scopes.mayRead(scope, u))) {
            throw new NotFound("Task " + id + " was not found");
        }
        return task;
    }

    private void check(NewTask t) {
        if (t.title().isBlank()) {
            throw InputProblem.field("title", "the task has no title");
        }
        if (t.deadline() != null && t.deadline().isBefore(t.startOn())) {
            throw InputProblem.field(
                    "deadline", "the deadline " + t.deadline() + " is before the start " + t.startOn());
        }
        if (t.parentId() != null) {
            readable(t.parentId());
        }
    }

    private List<Long> unitsOfLevel(long leadUnitId, String level) {
        if (!List.of("province", "district", "commune").contains(level)) {
            throw InputProblem.field("level", "'" + level + "' is not one of province, district, commune");
        }
        // a body's tasks go to the units of its locality
        return jdbc.sql("""
                        WITH root AS (SELECT coalesce(v.locality_id, v.unit_id) AS id
                                        FROM org_unit_version v WHERE v.unit_id = :lead AND v.valid @> :today)
                        SELECT v.unit_id
                          FROM root, org_unit_version r, org_unit_version v
                         WHERE r.unit_id = root.id AND r.valid @> :today
                           AND v.path <@ r.path AND v.valid @> :today AND v.level = :level AND v.unit_id <> root.id
                         ORDER BY v.code
                        """)
                .param("lead", leadUnitId)
                .param("today", today())
                .param("level", level)
                .query(Long.class)
                .list();
    }

    private void audit(Scope scope, String action, long id, long unitId, @Nullable String before) {
        audit.record(new AuditRecord(actor(scope), action, "task", id, unitId, "{}", before, store.snapshot(id)));
    }

    static String actor(Scope scope) {
        return scope.signedIn() ? scope.username() : "system";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
