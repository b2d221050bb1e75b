package org.mandate.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Role;
import org.mandate.access.Scope;
import org.mandate.access.Scopes;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.reminder.internal.Outbox;
import org.mandate.reminder.internal.Planner;
import org.mandate.reminder.internal.RunLock;
import org.mandate.shared.AccessDenied;
import org.mandate.shared.Conflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.json.JsonWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The reminders' runs: every day at {@code mandate.reminders.cron} (07:00 in Việt Nam by default),
 * retries of failed mails at {@code mandate.reminders.retry-cron}, and on demand by a whole-country
 * administrator for any day. A run records the day's digests and escalations, then sends every
 * mail that is due. Only one run at a time across all nodes ({@link RunLock}); each daily and
 * on-demand run is audited, a retry run when it sent or failed something. Reminders are off when
 * no SMTP server is configured ({@code spring.mail.host}).
 */
@Service
public class Reminders {
    private static final Logger log = LoggerFactory.getLogger(Reminders.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final Planner planner;
    private final Outbox outbox;
    private final RunLock lock;
    private final Scopes scopes;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final ZoneId zone;

    Reminders(
            ObjectProvider<JavaMailSender> mail,
            Planner planner,
            Outbox outbox,
            RunLock lock,
            Scopes scopes,
            AuditLog audit,
            TransactionTemplate transactions,
            JdbcClient jdbc,
            ReminderSettings settings) {
        this.mail = mail;
        this.planner = planner;
        this.outbox = outbox;
        this.lock = lock;
        this.scopes = scopes;
        this.audit = audit;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.zone = ZoneId.of(settings.zone());
    }

    /** Whether reminders are sent at all: an SMTP server is configured. */
    public boolean enabled() {
        return mail.getIfAvailable() != null;
    }

    /** A run for the day, asked for by a whole-country administrator. */
    public RunResult run(LocalDate day) {
        Scope scope = scopes.current();
        if (!scope.wholeCountryAs(Role.ADMIN)) {
            throw new AccessDenied((scope.signedIn() ? scope.username() : "An anonymous caller")
                    + " may not run the reminders: that needs the role admin over the whole country");
        }
        // mails go out now: a run for a day ahead would send that day's digest today and mark its
        // escalations done, so they would not be sent on the day itself
        if (day.isAfter(LocalDate.now(zone))) {
            throw org.mandate.shared.InputProblem.field(
                    "date",
                    day + " is after today (" + LocalDate.now(zone) + "): reminders are run for today or past days");
        }
        return run(scope.username(), day, Instant.now());
    }

    @Scheduled(cron = "${mandate.reminders.cron}", zone = "${mandate.reminders.zone}")
    void daily() {
        if (enabled()) {
            run("system:reminders", LocalDate.now(zone), Instant.now());
        }
    }

    @Scheduled(cron = "${mandate.reminders.retry-cron}", zone = "${mandate.reminders.zone}")
    void retries() {
        if (enabled()) {
            retry("system:reminders", Instant.now());
        }
    }

    /** Plans the day's mails and sends what is due, as of {@code now}. */
    RunResult run(@Nullable String actor, LocalDate day, Instant now) {
        JavaMailSender sender = sender();
        var result = lock.ifFree(() -> {
                    var planned = planner.plan(day, now);
                    var sent = outbox.sendDue(sender, now);
                    return new RunResult(
                            day, true, planned.digests(), planned.escalations(), sent.sent(), sent.failed());
                })
                .orElse(new RunResult(day, false, 0, 0, 0, 0));
        audit(actor, result);
        log.info("Reminders for {}: {}", day, result);
        return result;
    }

    /** Sends what is due (failed mails whose wait is over), as of {@code now}; plans nothing. */
    RunResult retry(@Nullable String actor, Instant now) {
        JavaMailSender sender = sender();
        var result = lock.ifFree(() -> {
                    var sent = outbox.sendDue(sender, now);
                    return new RunResult(null, true, 0, 0, sent.sent(), sent.failed());
                })
                .orElse(new RunResult(null, false, 0, 0, 0, 0));
        if (result.sent() + result.failed() > 0) {
            audit(actor, result);
        }
        return result;
    }

    /** The latest mails about the unit or written to its office, newest first. */
    public List<ReminderMail> mails(long unitId, int limit) {
        scopes.requireRead(unitId, "Unit " + unitId);
        return jdbc.sql("""
                        SELECT id, kind, unit_id, day, recipient_unit, recipient, subject, state, attempts, sent_at, last_error
                          FROM reminder_mail WHERE unit_id = :unit OR recipient_unit = :unit
                         ORDER BY day DESC, id DESC LIMIT :limit
                        """)
                .param("unit", unitId)
                .param("limit", limit)
                .query((rs, n) -> new ReminderMail(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getLong("unit_id"),
                        rs.getObject("day", LocalDate.class),
                        rs.getLong("recipient_unit"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("state"),
                        rs.getInt("attempts"),
                        rs.getTimestamp("sent_at") == null
                                ? null
                                : rs.getTimestamp("sent_at").toInstant(),
                        rs.getString("last_error")))
                .list();
    }

    private JavaMailSender sender() {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            throw new Conflict("Reminders are off: no SMTP server is configured (spring.mail.host)");
        }
        return sender;
    }

    private void audit(@Nullable String actor, RunResult r) {
        var detail = new LinkedHashMap<String, Object>();
        detail.put("day", r.day() == null ? "retries" : r.day().toString());
        detail.put("ran", r.ran());
        detail.put("digests", r.digests());
        detail.put("escalations", r.escalations());
        detail.put("sent", r.sent());
        detail.put("failed", r.failed());
        transactions.executeWithoutResult(status -> audit.record(new AuditRecord(
                actor == null ? "system" : actor,
                "run_reminders",
                "reminder_run",
                null,
                null,
                JsonWriter.standard().writeToString(detail),
                null,
                null)));
    }
}
