package org.mandate.reminder.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The words of the mails, Vietnamese and English, one part after the other in the order of
 * {@code mandate.reminders.languages}. Plain text: every mail program shows it, and the links are
 * whole lines that programs make clickable.
 */
public final class Texts {
    private static final DateTimeFormatter VI = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter EN = DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);
    private static final String RULE = "------------------------------------------------------------";

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
        var subjects = new java.util.ArrayList<String>();
        var body = new StringBuilder();
        for (String language : languages) {
            if (!body.isEmpty()) {
                body.append('\n').append(RULE).append("\n\n");
            }
            if (language.equals("vi")) {
                subjects.add("Nhắc việc ngày " + VI.format(day) + ": " + overdue.size() + " quá hạn, " + dueSoon.size()
                        + " sắp đến hạn – " + unitName);
                body.append("Kính gửi Văn phòng ").append(unitName).append(",\n\n");
                body.append("Tình hình các nhiệm vụ do đơn vị chủ trì, tính đến ngày ")
                        .append(VI.format(day))
                        .append(":\n");
                section(body, "QUÁ HẠN (" + overdue.size() + ")", overdue, day, true, baseUrl);
                section(
                        body,
                        "SẮP ĐẾN HẠN trong " + dueWithinDays + " ngày (" + dueSoon.size() + ")",
                        dueSoon,
                        day,
                        true,
                        baseUrl);
                body.append("\nThư nhắc việc gửi tự động mỗi ngày từ Mandate. Nhiệm vụ của đơn vị: ")
                        .append(baseUrl)
                        .append("/tasks/dashboard?unit=")
                        .append(unitId)
                        .append('\n');
            } else {
                subjects.add("Tasks as of " + EN.format(day) + ": " + overdue.size() + " overdue, " + dueSoon.size()
                        + " due soon – " + unitName);
                body.append("To the office of ").append(unitName).append(",\n\n");
                body.append("The tasks your unit leads, as of ")
                        .append(EN.format(day))
                        .append(":\n");
                section(body, "OVERDUE (" + overdue.size() + ")", overdue, day, false, baseUrl);
                section(
                        body,
                        "DUE WITHIN " + dueWithinDays + " DAYS (" + dueSoon.size() + ")",
                        dueSoon,
                        day,
                        false,
                        baseUrl);
                body.append("\nA daily reminder sent by Mandate. Your unit's tasks: ")
                        .append(baseUrl)
                        .append("/tasks/dashboard?unit=")
                        .append(unitId)
                        .append('\n');
            }
        }
        return new Mail(String.join(" / ", subjects), body.toString());
    }

    public static Mail escalation(
            List<String> languages,
            String recipientName,
            String unitName,
            LocalDate day,
            int afterDays,
            List<Listed> tasks,
            String baseUrl) {
        var subjects = new java.util.ArrayList<String>();
        var body = new StringBuilder();
        for (String language : languages) {
            if (!body.isEmpty()) {
                body.append('\n').append(RULE).append("\n\n");
            }
            if (language.equals("vi")) {
                subjects.add("Báo cáo: " + tasks.size() + " nhiệm vụ của " + unitName + " quá hạn trên " + afterDays
                        + " ngày");
                body.append("Kính gửi Văn phòng ").append(recipientName).append(",\n\n");
                body.append("Các nhiệm vụ sau do ")
                        .append(unitName)
                        .append(" chủ trì đã quá hạn trên ")
                        .append(afterDays)
                        .append(" ngày, tính đến ngày ")
                        .append(VI.format(day))
                        .append(", đề nghị đôn đốc:\n");
                section(body, "QUÁ HẠN TRÊN " + afterDays + " NGÀY (" + tasks.size() + ")", tasks, day, true, baseUrl);
                body.append("\nThư báo cáo gửi tự động từ Mandate; mỗi nhiệm vụ được báo một lần cho mỗi hạn.\n");
            } else {
                subjects.add(
                        tasks.size() + " task(s) of " + unitName + " overdue for more than " + afterDays + " days");
                body.append("To the office of ").append(recipientName).append(",\n\n");
                body.append("These tasks led by ")
                        .append(unitName)
                        .append(" have been overdue for more than ")
                        .append(afterDays)
                        .append(" days as of ")
                        .append(EN.format(day))
                        .append(". Please follow them up:\n");
                section(
                        body,
                        "OVERDUE FOR MORE THAN " + afterDays + " DAYS (" + tasks.size() + ")",
                        tasks,
                        day,
                        false,
                        baseUrl);
                body.append("\nSent by Mandate; each task is escalated once per deadline.\n");
            }
        }
        return new Mail(String.join(" / ", subjects), body.toString());
    }

    private static void section(
            StringBuilder body, String heading, List<Listed> tasks, LocalDate day, boolean vi, String baseUrl) {
        if (tasks.isEmpty()) {
            return;
        }
        body.append('\n').append(heading).append('\n');
        for (Listed t : tasks) {
            body.append("- #").append(t.id()).append(' ').append(t.title()).append('\n');
            long days = ChronoUnit.DAYS.between(t.deadline(), day);
            body.append("  ");
            if (vi) {
                body.append("Hạn ").append(VI.format(t.deadline()));
                if (t.overdue()) {
                    body.append(", quá hạn ").append(days).append(" ngày");
                } else if (days == 0) {
                    body.append(", đến hạn hôm nay");
                } else {
                    body.append(", còn ").append(-days).append(" ngày");
                }
                if (t.responsible() != null && !t.responsible().isBlank()) {
                    body.append("; phụ trách: ").append(t.responsible());
                }
                if (t.leadUnitName() != null) {
                    body.append("; chủ trì: ").append(t.leadUnitName());
                }
            } else {
                body.append("Due ").append(EN.format(t.deadline()));
                if (t.overdue()) {
                    body.append(", ")
                            .append(days)
                            .append(days == 1 ? " day" : " days")
                            .append(" overdue");
                } else if (days == 0) {
                    body.append(", due today");
                } else {
                    body.append(", in ").append(-days).append(-days == 1 ? " day" : " days");
                }
                if (t.responsible() != null && !t.responsible().isBlank()) {
                    body.append("; person responsible: ").append(t.responsible());
                }
                if (t.leadUnitName() != null) {
                    body.append("; led by: ").append(t.leadUnitName());
                }
            }
            body.append("\n  ").append(baseUrl).append("/tasks/").append(t.id()).append('\n');
        }
    }
}
