package org.mandate.reminder.internal;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.mandate.reminder.ReminderSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends the recorded mails that are due, one at a time, each in three steps that commit on their
 * own: claim it (pending or failed becomes sending, attempts + 1), hand it to the SMTP server,
 * then mark it sent, or failed with the error and the time of the next attempt (doubling from
 * {@code retry-after} up to {@code retry-max}; abandoned after {@code max-attempts}). After
 * {@value #GIVE_UP_AFTER} failures in a row a run stops, so that a server that is down costs a few
 * timeouts rather than one per mail; the mails left are sent by the next run.
 *
 * <p>The claim is a conditional update, so two senders never both send one mail. A sender that
 * dies after the SMTP server took a mail but before it marked it sent leaves it "sending"; it is
 * sent again once {@code claim-timeout} has passed. That is the one way a mail can arrive twice,
 * and only the mail in flight at the crash; its Message-ID is the same both times.
 */
@Component
public class Outbox {
    private static final Logger log = LoggerFactory.getLogger(Outbox.class);
    private static final String DUE = """
            ((state IN ('pending', 'failed') AND next_attempt_at <= :now)
              OR (state = 'sending' AND claimed_at <= CAST(:now AS timestamptz) - CAST(:claimTimeout AS interval)))""";

    /** After this many failures in a row a run stops sending: the server is down, not one address. */
    static final int GIVE_UP_AFTER = 3;

    private final JdbcClient jdbc;
    private final ReminderSettings settings;

    Outbox(JdbcClient jdbc, ReminderSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public record Sent(int sent, int failed) {}

    private record Claimed(long id, String recipient, String subject, String body, int attempts) {}

    public Sent sendDue(JavaMailSender sender, Instant now) {
        // fewest attempts first: a few addresses the server keeps refusing cannot hold back the
        // other mails of a run, which stops after a few failures in a row
        List<Long> due = jdbc.sql("SELECT id FROM reminder_mail WHERE " + DUE + " ORDER BY attempts, id")
                .param("now", Timestamp.from(now))
                .param("claimTimeout", interval(settings.claimTimeout()))
                .query(Long.class)
                .list();
        int sent = 0;
        int failed = 0;
        int failedInARow = 0;
        for (long id : due) {
            if (failedInARow >= GIVE_UP_AFTER) {
                // the server is down: the rest stay as they are, for the next run, without an attempt
                log.warn("Reminders: {} failures in a row, the other due mails wait for the next run", failedInARow);
                break;
            }
            var claimed = jdbc.sql(
                            "UPDATE reminder_mail SET state = 'sending', claimed_at = :now, attempts = attempts + 1"
                                    + " WHERE id = :id AND " + DUE
                                    + " RETURNING id, recipient, subject, body, attempts")
                    .param("id", id)
                    .param("now", Timestamp.from(now))
                    .param("claimTimeout", interval(settings.claimTimeout()))
                    .query(Claimed.class)
                    .optional();
            if (claimed.isEmpty()) {
                continue; // another sender took it meanwhile
            }
            var mail = claimed.get();
            try {
                sender.send(message(sender, mail));
            } catch (RuntimeException | MessagingException e) {
                failed++;
                failedInARow++;
                boolean abandon = mail.attempts() >= settings.maxAttempts();
                Instant next = now.plus(backoff(mail.attempts()));
                log.warn(
                        "Reminder mail {} to {} failed (attempt {}){}: {}",
                        mail.id(),
                        mail.recipient(),
                        mail.attempts(),
                        abandon ? ", abandoned" : ", next attempt at " + next,
                        e.getMessage());
                jdbc.sql("UPDATE reminder_mail SET state = :state, next_attempt_at = :next, last_error = :error"
                                + " WHERE id = :id AND state = 'sending'")
                        .param("state", abandon ? "abandoned" : "failed")
                        .param("next", Timestamp.from(next))
                        .param("error", String.valueOf(e.getMessage()))
                        .param("id", mail.id())
                        .update();
                continue;
            }
            sent++;
            failedInARow = 0;
            jdbc.sql("UPDATE reminder_mail SET state = 'sent', sent_at = now(), last_error = NULL WHERE id = :id")
                    .param("id", mail.id())
                    .update();
        }
        return new Sent(sent, failed);
    }

    /** The wait after the n-th failure: retry-after, doubled each time, at most retry-max. */
    Duration backoff(int failures) {
        Duration wait = settings.retryAfter();
        for (int i = 1; i < failures && wait.compareTo(settings.retryMax()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.retryMax()) > 0 ? settings.retryMax() : wait;
    }

    private MimeMessage message(JavaMailSender sender, Claimed mail) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        var helper = new MimeMessageHelper(message, false, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(mail.recipient());
        helper.setSubject(mail.subject());
        helper.setText(mail.body(), false);
        // the same Message-ID on every attempt: a copy sent again after a crash is one message to
        // the mail stores that collapse duplicates
        message.setHeader("Message-ID", "<reminder-" + mail.id() + "@" + settings.host() + ">");
        message.setHeader("Content-Language", String.join(", ", settings.languages()));
        message.setHeader("Auto-Submitted", "auto-generated");
        return message;
    }

    private static String interval(Duration d) {
        return d.toMillis() + " milliseconds";
    }
}
