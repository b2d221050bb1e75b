package org.mandate.reminder.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.reminder.ReminderSettings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Decides the day's mails and writes them down, pending, before anything is sent. A task is
 * reminded to the office of its lead unit, or of the unit that carries that unit on when it ended
 * ({@code unit_standing_on}); it is escalated to the nearest office above that unit with a mailbox.
 * The unique key (kind, unit, day, recipient) makes a second planning of the same day write nothing.
 */
@Component
public class Planner {
    private final JdbcClient jdbc;
    private final ReminderSettings settings;

    Planner(JdbcClient jdbc, ReminderSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public record Planned(int digests, int escalations) {}

    private record Candidate(
            long id,
            String title,
            @Nullable String responsible,
            LocalDate deadline,
            long leadUnitId,
            String leadName,
            long office,
            String officeName,
            boolean escalated) {}

    /** Writes the pending mails of the day; returns how many were new. */
    @Transactional
    public Planned plan(LocalDate day, Instant now) {
        Map<Long, String> mailboxes = jdbc
                .sql("SELECT unit_id, email FROM reminder_mailbox")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (mailboxes.isEmpty()) {
            return new Planned(0, 0); // nobody to write to: the tasks are not even read
        }
        var byOffice = new LinkedHashMap<Long, List<Candidate>>();
        candidates(day)
                .forEach(c -> byOffice.computeIfAbsent(c.office(), k -> new ArrayList<>())
                        .add(c));
        int digests = 0;
        int escalations = 0;
        for (var entry : byOffice.entrySet()) {
            long office = entry.getKey();
            var tasks = entry.getValue();
            String officeName = tasks.getFirst().officeName();
            String email = mailboxes.get(office);
            if (email != null) {
                var listed = tasks.stream().map(c -> listed(c, day)).toList();
                var text = Texts.digest(
                        settings.languages(),
                        office,
                        officeName,
                        day,
                        settings.dueWithinDays(),
                        listed,
                        settings.baseUrl());
                if (insert("digest", office, day, office, email, text, listed, now)) {
                    digests++;
                }
            }
            var late = tasks.stream()
                    .filter(c ->
                            c.deadline().plusDays(settings.escalateAfterDays()).isBefore(day))
                    .filter(c -> !c.escalated())
                    .toList();
            if (late.isEmpty()) {
                continue;
            }
            var above = officeAbove(office, day);
            if (above == null) {
                continue;
            }
            var listed = late.stream().map(c -> listed(c, day)).toList();
            var text = Texts.escalation(
                    settings.languages(),
                    above.name(),
                    officeName,
                    day,
                    settings.escalateAfterDays(),
                    listed,
                    settings.baseUrl());
            if (insert("escalation", office, day, above.unitId(), above.email(), text, listed, now)) {
                escalations++;
            }
        }
        return new Planned(digests, escalations);
    }

    private static Listed listed(Candidate c, LocalDate day) {
        return new Listed(
                c.id(),
                c.title(),
                c.responsible(),
                c.deadline(),
                day.isAfter(c.deadline()),
                c.leadUnitId() == c.office() ? null : c.leadName());
    }

    /**
     * Open tasks on the day (started, not completed by then) whose deadline in force that day is
     * past or within {@code dueWithinDays}, with the unit that stands for their lead unit, and
     * whether the task was escalated for that deadline already (once per deadline: an extension
     * that runs out again escalates it again).
     */
    private List<Candidate> candidates(LocalDate day) {
        return jdbc.sql("""
                        WITH open AS (
                            SELECT t.id, t.title, t.responsible, dd.deadline, t.lead_unit_id
                              FROM task t
                              JOIN LATERAL (SELECT x.deadline FROM task_deadline x
                                             WHERE x.task_id = t.id AND x.effective_on <= :day
                                             ORDER BY x.effective_on DESC LIMIT 1) dd ON true
                             WHERE t.start_on <= :day AND (t.completed_on IS NULL OR t.completed_on > :day)
                               AND dd.deadline <= CAST(:day AS date) + :within),
                        offices AS (
                            SELECT l.lead_unit_id, unit_standing_on(l.lead_unit_id, :day) AS office
                              FROM (SELECT DISTINCT lead_unit_id FROM open) l)
                        SELECT o.id, o.title, o.responsible, o.deadline, o.lead_unit_id,
                               (SELECT v.full_name FROM org_unit_version v WHERE v.unit_id = o.lead_unit_id
                                 ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1) AS lead_name,
                               f.office,
                               (SELECT v.full_name FROM org_unit_version v WHERE v.unit_id = f.office
                                 ORDER BY (v.valid @> CAST(:day AS date)) DESC, upper(v.valid) DESC NULLS FIRST
                                 LIMIT 1) AS office_name,
                               EXISTS (SELECT 1 FROM reminder_mail_task i JOIN reminder_mail m ON m.id = i.mail_id
                                        WHERE m.kind = 'escalation' AND i.task_id = o.id AND i.deadline = o.deadline)
                                   AS escalated
                          FROM open o JOIN offices f ON f.lead_unit_id = o.lead_unit_id
                         WHERE f.office IS NOT NULL
                         ORDER BY f.office, o.deadline, o.id
                        """)
                .param("day", day)
                .param("within", settings.dueWithinDays())
                .query((rs, n) -> new Candidate(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getString("responsible"),
                        rs.getObject("deadline", LocalDate.class),
                        rs.getLong("lead_unit_id"),
                        rs.getString("lead_name"),
                        rs.getLong("office"),
                        rs.getString("office_name"),
                        rs.getBoolean("escalated")))
                .list();
    }

    private record Office(long unitId, String email, String name) {}

    /**
     * The nearest unit above with a mailbox, as the units stood on the day: up the unit's own
     * path, then, for a body, its locality and the localities above it.
     */
    private @Nullable Office officeAbove(long unitId, LocalDate day) {
        return jdbc.sql("""
                        WITH me AS (SELECT path, locality_id FROM org_unit_version WHERE unit_id = :unit AND valid @> :day),
                        above(unit_id, rank) AS (
                            SELECT a.id, a.n FROM me,
                                   unnest(string_to_array(me.path::text, '.')::bigint[]) WITH ORDINALITY AS a(id, n)
                             WHERE a.id <> :unit
                            UNION ALL
                            SELECT a.id, a.n - 1000 FROM me JOIN org_unit_version l
                                   ON l.unit_id = me.locality_id AND l.valid @> CAST(:day AS date),
                                   unnest(string_to_array(l.path::text, '.')::bigint[]) WITH ORDINALITY AS a(id, n))
                        SELECT m.unit_id, m.email,
                               (SELECT v.full_name FROM org_unit_version v
                                 WHERE v.unit_id = m.unit_id ORDER BY upper(v.valid) DESC NULLS FIRST LIMIT 1) AS name
                          FROM above a JOIN reminder_mailbox m ON m.unit_id = a.unit_id
                         ORDER BY a.rank DESC LIMIT 1
                        """)
                .param("unit", unitId)
                .param("day", day)
                .query((rs, n) -> new Office(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .optional()
                .orElse(null);
    }

    private boolean insert(
            String kind,
            long unit,
            LocalDate day,
            long recipientUnit,
            String recipient,
            Texts.Mail text,
            List<Listed> tasks,
            Instant now) {
        var id = jdbc.sql("""
                        INSERT INTO reminder_mail (kind, unit_id, day, recipient_unit, recipient, subject, body, next_attempt_at)
                        VALUES (:kind, :unit, :day, :recipientUnit, :recipient, :subject, :body, :now)
                        ON CONFLICT (kind, unit_id, day, recipient) DO NOTHING
                        RETURNING id
                        """)
                .param("kind", kind)
                .param("unit", unit)
                .param("day", day)
                .param("recipientUnit", recipientUnit)
                .param("recipient", recipient)
                .param("subject", text.subject())
                .param("body", text.body())
                .param("now", java.sql.Timestamp.from(now))
                .query(Long.class)
                .optional();
        if (id.isEmpty()) {
            return false;
        }
        // the mail's tasks in one statement, not one per task
        jdbc.sql("""
                        INSERT INTO reminder_mail_task (mail_id, task_id, deadline, overdue)
                        SELECT :mail, t.id, t.deadline, t.overdue
                          FROM unnest(CAST(:ids AS bigint[]), CAST(:deadlines AS date[]), CAST(:overdue AS boolean[]))
                               AS t(id, deadline, overdue)
                        """)
                .param("mail", id.get())
                .param("ids", tasks.stream().map(Listed::id).toArray(Long[]::new))
                .param(
                        "deadlines",
                        tasks.stream().map(t -> t.deadline().toString()).toArray(String[]::new))
                .param("overdue", tasks.stream().map(Listed::overdue).toArray(Boolean[]::new))
                .update();
        return true;
    }
}
