package org.mandate.reminder.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The words of the mails, Vietnamese and English, one part after the other in the order of
 * {@code mandate.reminders.languages}. Plain text: every mail program shows it, and the links are
 * whole lines that programs make clickable. The mails are made once; the words of each language
 * are a {@link Words} of the table.
 */
public final class Texts {
    private static final String RULE = "------------------------------------------------------------";

    /**
     * One language's words. The templates are {@link String#format} patterns: the numbered
     * arguments are named in each one's comment.
     */
    private record Words(
            DateTimeFormatter dates,
            String day,
            String days,
            /* 1 day, 2 overdue, 3 due soon, 4 unit */
            String digestSubject,
            /* 1 the office's unit */
            String greeting,
            /* 1 day */
            String digestIntro,
            /* 1 count */
            String overdueHeading,
            /* 1 days ahead, 2 count */
            String dueSoonHeading,
            /* 1 link to the unit's tasks */
            String digestFooter,
            /* 1 count, 2 unit, 3 days overdue */
            String escalationSubject,
            /* 1 unit, 2 days overdue, 3 day */
            String escalationIntro,
            /* 1 days overdue, 2 count */
            String escalationHeading,
            String escalationFooter,
            /* 1 deadline */
            String due,
            /* 1 days, 2 "day(s)" */
            String overdueBy,
            String dueToday,
            /* 1 days, 2 "day(s)" */
            String dueIn,
            /* 1 person */
            String responsible,
            /* 1 unit */
            String ledBy) {

        String format(String template, Object... args) {
            return String.format(Locale.ROOT, template, args);
        }

        String days(long n) {
            return n == 1 ? day : days;
        }
    }

    private static final Map<String, Words> WORDS = Map.of(
            "vi",
            new Words(
                    DateTimeFormatter.ofPattern("dd/MM/yyyy"),
                    "ngày",
                    "ngày",
                    "Nhắc việc ngày %1$s: %2$d quá hạn, %3$d sắp đến hạn – %4$s",
                    "Kính gửi Văn phòng %1$s,\n\n",
                    "Tình hình các nhiệm vụ do đơn vị chủ trì, tính đến ngày %1$s:\n",
                    "QUÁ HẠN (%1$d)",
                    "SẮP ĐẾN HẠN trong %1$d ngày (%2$d)",
                    "\nThư nhắc việc gửi tự động mỗi ngày từ Mandate. Nhiệm vụ của đơn vị: %1$s\n",
                    "Báo cáo: %1$d nhiệm vụ của %2$s quá hạn trên %3$d ngày",
                    "Các nhiệm vụ sau do %1$s chủ trì đã quá hạn trên %2$d ngày, tính đến ngày %3$s, đề nghị đôn đốc:\n",
                    "QUÁ HẠN TRÊN %1$d NGÀY (%2$d)",
                    "\nThư báo cáo gửi tự động từ Mandate; mỗi nhiệm vụ được báo một lần cho mỗi hạn.\n",
                    "Hạn %1$s",
                    ", quá hạn %1$d %2$s",
                    ", đến hạn hôm nay",
                    ", còn %1$d %2$s",
                    "; phụ trách: %1$s",
                    "; chủ trì: %1$s"),
            "en",
            new Words(
                    DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH),
                    "day",
                    "days",
                    "Tasks as of %1$s: %2$d overdue, %3$d due soon – %4$s",
                    "To the office of %1$s,\n\n",
                    "The tasks your unit leads, as of %1$s:\n",
                    "OVERDUE (%1$d)",
                    "DUE WITHIN %1$d DAYS (%2$d)",
                    "\nA daily reminder sent by Mandate. Your unit's tasks: %1$s\n",
                    "%1$d task(s) of %2$s overdue for more than %3$d days",
                    "These tasks led by %1$s have been overdue for more than %2$d days as of %3$s. Please follow them up:\n",
                    "OVERDUE FOR MORE THAN %1$d DAYS (%2$d)",
                    "\nSent by Mandate; each task is escalated once per deadline.\n",
                    "Due %1$s",
                    ", %1$d %2$s overdue",
                    ", due today",
                    ", in %1$d %2$s",
                    "; person responsible: %1$s",
                    "; led by: %1$s"));

    private Texts() {}

    public record Mail(String subject, String body) {}

    public static Mail digest(
            List<String> languages,
            long unitId,
            String unitName,
            LocalDate day,
            int dueWithinDays,
            List<Listed> tasks,
            String baseUrl) {
        var overdue = tasks.stream().filter(Listed::overdue).toList();
        var dueSoon = tasks.stream().filter(t -> !t.overdue()).toList();
        return write(languages, (w, body) -> {
            String date = w.dates().format(day);
            body.append(w.format(w.greeting(), unitName));
            body.append(w.format(w.digestIntro(), date));
            section(w, body, w.format(w.overdueHeading(), overdue.size()), overdue, day, baseUrl);
            section(w, body, w.format(w.dueSoonHeading(), dueWithinDays, dueSoon.size()), dueSoon, day, baseUrl);
            body.append(w.format(w.digestFooter(), baseUrl + "/tasks/dashboard?unit=" + unitId));
            return w.format(w.digestSubject(), date, overdue.size(), dueSoon.size(), unitName);
        });
    }

    public static Mail escalation(
            List<String> languages,
            String recipientName,
            String unitName,
            LocalDate day,
            int afterDays,
            List<Listed> tasks,
            String baseUrl) {
        return write(languages, (w, body) -> {
            body.append(w.format(w.greeting(), recipientName));
            body.append(
                    w.format(w.escalationIntro(), unitName, afterDays, w.dates().format(day)));
            section(w, body, w.format(w.escalationHeading(), afterDays, tasks.size()), tasks, day, baseUrl);
            body.append(w.escalationFooter());
            return w.format(w.escalationSubject(), tasks.size(), unitName, afterDays);
        });
    }

    /** Writes one language's part of a mail into the body; returns that language's subject. */
    private interface Part {
        String write(Words words, StringBuilder body);
    }

    /** The parts in the languages' order, separated by a rule; the subjects joined by " / ". */
    private static Mail write(List<String> languages, Part part) {
        var subjects = new ArrayList<String>();
        var body = new StringBuilder();
        for (String language : languages) {
            if (!body.isEmpty()) {
                body.append('\n').append(RULE).append("\n\n");
            }
            subjects.add(part.write(WORDS.get(language), body));
        }
        return new Mail(String.join(" / ", subjects), body.toString());
    }

    private static void section(
            Words w, StringBuilder body, String heading, List<Listed> tasks, LocalDate day, String baseUrl) {
        if (tasks.isEmpty()) {
            return;
        }
        body.append('\n').append(heading).append('\n');
        for (Listed t : tasks) {
            body.append("- #").append(t.id()).append(' ').append(t.title()).append('\n');
            long days = ChronoUnit.DAYS.between(t.deadline(), day);
            body.append("  ").append(w.format(w.due(), w.dates().format(t.deadline())));
            if (t.overdue()) {
                body.append(w.format(w.overdueBy(), days, w.days(days)));
            } else if (days == 0) {
                body.append(w.dueToday());
            } else {
                body.append(w.format(w.dueIn(), -days, w.days(-days)));
            }
            if (t.responsible() != null && !t.responsible().isBlank()) {
                body.append(w.format(w.responsible(), t.responsible()));
            }
            if (t.leadUnitName() != null) {
                body.append(w.format(w.ledBy(), t.leadUnitName()));
            }
            body.append("\n  ").append(baseUrl).append("/tasks/").append(t.id()).append('\n');
        }
    }
}
