package org.mandate.meeting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Role;
import org.mandate.access.Scope;
import org.mandate.access.Scopes;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.document.DocumentStatus;
import org.mandate.document.Documents;
import org.mandate.document.NewDocument;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.mandate.task.NewTask;
import org.mandate.task.Priority;
import org.mandate.task.Tasks;
import org.springframework.boot.json.JsonWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Working sessions. A session is read where its host or the unit worked with is in scope, and
 * recorded and concluded by the office over its host. Concluding registers the notice of
 * conclusions (TB) and creates its tasks in one transaction: all of it, or none.
 */
@Service
public class Meetings {
    private final JdbcClient jdbc;
    private final Scopes scopes;
    private final Documents documents;
    private final Tasks tasks;
    private final AuditLog audit;

    Meetings(JdbcClient jdbc, Scopes scopes, Documents documents, Tasks tasks, AuditLog audit) {
        this.jdbc = jdbc;
        this.scopes = scopes;
        this.documents = documents;
        this.tasks = tasks;
        this.audit = audit;
    }

    @Transactional
    public long create(NewMeeting m) {
        Scope scope = scopes.current();
        if (m.title().isBlank()) {
            throw InputProblem.field("title", "the session has no title");
        }
        if (m.chair().isBlank()) {
            throw InputProblem.field("chair", "who chaired the session is missing");
        }
        scopes.requireAct(m.hostUnitId(), "record sessions of that body", Role.ADMIN, Role.OFFICE);
        long id = jdbc.sql("""
                        INSERT INTO meeting (held_on, place, chair, host_unit_id, with_unit_id, title, attendees, reports,
                               drafts, proposals, conclusions, created_by)
                        VALUES (:heldOn, :place, :chair, :host, :with, :title, :attendees, :reports, :drafts, :proposals,
                               :conclusions, :actor)
                        RETURNING id
                        """)
                .param("heldOn", m.heldOn())
                .param("place", m.place())
                .param("chair", m.chair().strip())
                .param("host", m.hostUnitId())
                .param("with", m.withUnitId())
                .param("title", m.title().strip())
                .param("attendees", m.attendees())
                .param("reports", m.reports())
                .param("drafts", m.drafts())
                .param("proposals", m.proposals())
                .param("conclusions", m.conclusions())
                .param("actor", actor(scope))
                .query(Long.class)
                .single();
        for (long body : m.bodyIds()) {
            jdbc.sql("INSERT INTO meeting_body (meeting_id, unit_id) VALUES (:m, :u) ON CONFLICT DO NOTHING")
                    .param("m", id)
                    .param("u", body)
                    .update();
        }
        audit.record(new AuditRecord(actor(scope), "create", "meeting", id, m.hostUnitId(), "{}", null, snapshot(id)));
        return id;
    }

    /** The notice of conclusions and its tasks, in one step; returns the notice's document id. */
    @Transactional
    public long conclude(long meetingId, Conclusion c) {
        Scope scope = scopes.current();
        var meeting = get(meetingId);
        scopes.requireAct(meeting.hostUnitId(), "conclude sessions of that body", Role.ADMIN, Role.OFFICE);
        if (meeting.noticeId() != null) {
            throw new Conflict(
                    "Session " + meetingId + " was concluded already, by notice " + meeting.noticeSymbol(),
                    "/api/documents/" + meeting.noticeId());
        }
        if (c.tasks().isEmpty()) {
            throw InputProblem.field("tasks", "a notice of conclusions assigns at least one task");
        }
        String text = meeting.conclusions() == null || meeting.conclusions().isBlank()
                ? meeting.title()
                : meeting.conclusions();
        long notice = documents.register(new NewDocument(
                c.noticeSymbol(),
                "TB",
                meeting.hostUnitId(),
                null,
                c.noticeDate(),
                "Thông báo kết luận: " + meeting.title(),
                c.signer(),
                text,
                DocumentStatus.IN_FORCE));
        var created = new ArrayList<Long>();
        for (int i = 0; i < c.tasks().size(); i++) {
            var t = c.tasks().get(i);
            if (t.title().isBlank()) {
                throw new InputProblem(null, 0, "tasks[" + i + "].title", "the task has no title");
            }
            created.add(tasks.create(new NewTask(
                    t.title().strip(),
                    t.leadUnitId(),
                    t.coordinatorIds(),
                    t.responsible(),
                    Priority.NORMAL,
                    null,
                    c.noticeDate(),
                    t.deadline(),
                    notice,
                    String.valueOf(i + 1),
                    meetingId,
                    null)));
        }
        jdbc.sql("UPDATE meeting SET notice_id = :notice, concluded_at = now(), version = version + 1 WHERE id = :id")
                .param("notice", notice)
                .param("id", meetingId)
                .update();
        audit.record(new AuditRecord(
                actor(scope),
                "conclude",
                "meeting",
                meetingId,
                meeting.hostUnitId(),
                JsonWriter.standard().writeToString(Map.of("notice", notice, "tasks", created)),
                null,
                snapshot(meetingId)));
        return notice;
    }

    @Transactional(readOnly = true)
    public MeetingView get(long id) {
        var view = jdbc.sql(SELECT + " WHERE m.id = :id")
                .param("id", id)
                .query(this::view)
                .optional()
                .orElseThrow(() -> new NotFound("Session " + id + " was not found"));
        if (!readable(scopes.current(), view, new HashMap<>())) {
            throw new NotFound("Session " + id + " was not found");
        }
        return view;
    }

    /** Sessions the reader may see, newest first. */
    @Transactional(readOnly = true)
    public List<MeetingView> list(int limit) {
        Scope scope = scopes.current();
        Map<Long, Boolean> known = new HashMap<>();
        return jdbc.sql(SELECT + " ORDER BY m.held_on DESC, m.id DESC").query(this::view).stream()
                .filter(v -> readable(scope, v, known))
                .limit(limit)
                .toList();
    }

    /**
     * The sessions a unit held, or that worked with it, or that it attended as a body, between two
     * days (both included), oldest first; read as {@link #get(long)} reads one.
     */
    @Transactional(readOnly = true)
    public List<MeetingView> ofUnit(long unitId, LocalDate from, LocalDate to) {
        Scope scope = scopes.current();
        Map<Long, Boolean> known = new HashMap<>();
        return jdbc
                .sql(SELECT + " " + """
                         WHERE m.held_on BETWEEN :from AND :to
                           AND (m.host_unit_id = :unit OR m.with_unit_id = :unit
                                OR EXISTS (SELECT 1 FROM meeting_body b WHERE b.meeting_id = m.id AND b.unit_id = :unit))
                         ORDER BY m.held_on, m.id""")
                .param("unit", unitId)
                .param("from", from)
                .param("to", to)
                .query(this::view)
                .stream()
                .filter(v -> readable(scope, v, known))
                .toList();
    }

    /**
     * A session is read by whoever reads its host or the unit it worked with; {@code known} keeps
     * each unit's answer for the rest of a list, whose sessions share a few units.
     */
    private boolean readable(Scope scope, MeetingView v, Map<Long, Boolean> known) {
        return known.computeIfAbsent(v.hostUnitId(), u -> scopes.mayRead(scope, u))
                || v.withUnitId() != null && known.computeIfAbsent(v.withUnitId(), u -> scopes.mayRead(scope, u));
    }

    private static final String SELECT = """
            SELECT m.*, d.symbol AS notice_symbol,
                   (SELECT name FROM org_unit_version v WHERE v.unit_id = m.host_unit_id
                     ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1) AS host_name,
                   (SELECT name FROM org_unit_version v WHERE v.unit_id = m.with_unit_id
                     ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1) AS with_name,
                   ARRAY(SELECT (SELECT name FROM org_unit_version v WHERE v.unit_id = b.unit_id
                                  ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1)
                           FROM meeting_body b WHERE b.meeting_id = m.id) AS bodies
              FROM meeting m LEFT JOIN document d ON d.id = m.notice_id""";

    private MeetingView view(ResultSet rs, int n) throws SQLException {
        return new MeetingView(
                rs.getLong("id"),
                rs.getObject("held_on", LocalDate.class),
                rs.getString("place"),
                rs.getString("chair"),
                rs.getLong("host_unit_id"),
                rs.getString("host_name"),
                (Long) rs.getObject("with_unit_id"),
                rs.getString("with_name"),
                rs.getString("title"),
                rs.getString("attendees"),
                List.of((String[]) rs.getArray("bodies").getArray()),
                rs.getString("reports"),
                rs.getString("drafts"),
                rs.getString("proposals"),
                rs.getString("conclusions"),
                (Long) rs.getObject("notice_id"),
                rs.getString("notice_symbol"));
    }

    private @Nullable String snapshot(long id) {
        return jdbc.sql("SELECT to_jsonb(m)::text FROM meeting m WHERE id = :id")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static String actor(Scope scope) {
        return scope.signedIn() ? scope.username() : "system";
    }
}
