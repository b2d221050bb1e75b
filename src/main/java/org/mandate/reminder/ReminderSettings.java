package org.mandate.reminder;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mandate.reminders.*}: when the digests go out, when a task is escalated, how failures are
 * retried, and in which languages the mails are written. Reminders are sent only when
 * {@code spring.mail.host} is configured (a JavaMailSender exists).
 *
 * @param cron the daily run, in {@code zone} (Spring cron; {@code -} turns it off)
 * @param retryCron the retries of failed mails between daily runs ({@code -} turns it off)
 * @param zone the time zone of the crons and of "today"
 * @param escalateAfterDays a task overdue for more than this many days is escalated to the office
 *     above its lead unit
 * @param dueWithinDays the digest lists tasks due within this many days
 * @param retryAfter the wait after the first failure; doubled after each further one
 * @param retryMax the longest wait between two attempts
 * @param maxAttempts after this many failures a mail is abandoned (and stays on record)
 * @param claimTimeout a mail claimed for sending longer ago than this by a sender that never said
 *     how it went (it crashed) is tried again
 * @param from the sender's address
 * @param languages the languages of the mails, in order: {@code vi}, {@code en}, or both
 * @param baseUrl the address of Mandate that links in mails and feeds point to
 */
@ConfigurationProperties("mandate.reminders")
public record ReminderSettings(
        @DefaultValue("0 0 7 * * *") String cron,
        @DefaultValue("0 */15 * * * *") String retryCron,
        @DefaultValue("Asia/Ho_Chi_Minh") String zone,
        @DefaultValue("7") int escalateAfterDays,
        @DefaultValue("7") int dueWithinDays,
        @DefaultValue("5m") Duration retryAfter,
        @DefaultValue("6h") Duration retryMax,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("15m") Duration claimTimeout,
        @DefaultValue("mandate@localhost") String from,
        @DefaultValue({"vi", "en"}) List<String> languages,
        @DefaultValue("http://localhost:8080") String baseUrl) {

    public ReminderSettings {
        if (escalateAfterDays < 0) {
            throw new IllegalArgumentException("mandate.reminders.escalate-after-days must not be negative");
        }
        if (dueWithinDays < 0) {
            throw new IllegalArgumentException("mandate.reminders.due-within-days must not be negative");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("mandate.reminders.max-attempts must be at least 1");
        }
        for (String language : languages) {
            if (!language.equals("vi") && !language.equals("en")) {
                throw new IllegalArgumentException(
                        "mandate.reminders.languages: '" + language + "' is not one of vi, en");
            }
        }
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("mandate.reminders.languages: name vi, en or both");
        }
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    /** The host of {@code baseUrl}, or {@code mandate} when it names none: for feeds' UIDs and mails' ids. */
    public String host() {
        String host = URI.create(baseUrl).getHost();
        return host == null ? "mandate" : host;
    }
}
