package org.mandate.reminder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.mandate.access.Scopes;
import org.mandate.meeting.MeetingView;
import org.mandate.meeting.Meetings;
import org.mandate.organization.UnitCatalog;
import org.mandate.reminder.internal.Ical;
import org.mandate.task.TaskQuery;
import org.mandate.task.TaskRow;
import org.mandate.task.TaskStatus;
import org.mandate.task.Tasks;
import org.springframework.stereotype.Service;

/**
 * A unit's calendar as iCalendar: one all-day event on each deadline of the tasks it leads (the
 * deadline in force today, from {@value #PAST_DAYS} days ago to {@value #FUTURE_DAYS} days ahead),
 * and one on the day of each working session it held, worked with or attended. Events rather than
 * to-dos, since the common calendar programs show subscribed events but not to-dos; the task's
 * status is in the title and the categories. UIDs are stable per task and session, so an event
 * moves when the deadline moves. Read with the reader's scope.
 */
@Service
public class Calendars {
    static final int PAST_DAYS = 180;
    static final int FUTURE_DAYS = 400;
    private static final int MAX_TASKS = 5_000;

    private final Tasks tasks;
    private final Meetings meetings;
    private final Scopes scopes;
    private final UnitCatalog catalog;
    private final ReminderSettings settings;

    Calendars(Tasks tasks, Meetings meetings, Scopes scopes, UnitCatalog catalog, ReminderSettings settings) {
        this.tasks = tasks;
        this.meetings = meetings;
        this.scopes = scopes;
        this.catalog = catalog;
        this.settings = settings;
    }

    public String ics(long unitId, boolean english) {
        scopes.requireRead(unitId, "Unit " + unitId);
        LocalDate today = Tasks.today();
        var version = catalog.versionOn(unitId, today);
        // a unit that has ended is called by its last full name, in either language
        String unitName =
                english && version.nameEn() != null && version.isValidOn(today) ? version.nameEn() : version.fullName();
        String base = settings.baseUrl();
        String host = settings.host();
        Instant now = Instant.now();
        var ics = new Ical()
                .begin("VCALENDAR")
                .raw("VERSION", "2.0")
                .raw("PRODID", "-//Mandate//Task calendar//" + (english ? "EN" : "VI"))
                .raw("CALSCALE", "GREGORIAN")
                .text("X-WR-CALNAME", "Mandate: " + unitName)
                .raw("X-WR-TIMEZONE", settings.zone());
        for (TaskRow t : taskRows(unitId, today)) {
            if (t.deadline() == null) {
                continue;
            }
            String status = status(t.status(), english);
            String link = base + "/tasks/" + t.id();
            ics.begin("VEVENT")
                    .raw("UID", "task-" + t.id() + "@" + host)
                    .stamp("DTSTAMP", now)
                    .date("DTSTART", t.deadline())
                    .date("DTEND", t.deadline().plusDays(1))
                    .text("SUMMARY", "[" + status + "] " + t.title())
                    .text(
                            "DESCRIPTION",
                            (english ? "Task led by " : "Nhiệm vụ do ") + t.leadUnitName()
                                    + (english ? "\nStatus: " : " chủ trì\nTrạng thái: ") + status
                                    + (english ? "\nProgress: " : "\nTiến độ: ") + t.progress() + "%"
                                    + (t.responsible() == null
                                            ? ""
                                            : (english ? "\nPerson responsible: " : "\nPhụ trách: ") + t.responsible())
                                    + "\n" + link)
                    .raw("URL", link)
                    .raw("STATUS", "CONFIRMED")
                    .raw("TRANSP", "TRANSPARENT")
                    .text("CATEGORIES", english ? "Task" : "Nhiệm vụ")
                    .raw("X-MANDATE-STATUS", t.status().code())
                    .end("VEVENT");
        }
        for (MeetingView m : meetings.ofUnit(unitId, today.minusDays(PAST_DAYS), today.plusDays(FUTURE_DAYS))) {
            String link = base + "/meetings/" + m.id();
            ics.begin("VEVENT")
                    .raw("UID", "meeting-" + m.id() + "@" + host)
                    .stamp("DTSTAMP", now)
                    .date("DTSTART", m.heldOn())
                    .date("DTEND", m.heldOn().plusDays(1))
                    .text("SUMMARY", (english ? "Working session: " : "Buổi làm việc: ") + m.title())
                    .text(
                            "DESCRIPTION",
                            (english ? "Chair: " : "Chủ trì: ") + m.chair() + "\n"
                                    + (english ? "Host: " : "Cơ quan tổ chức: ") + m.hostUnitName() + "\n" + link)
                    .raw("URL", link)
                    .raw("STATUS", "CONFIRMED")
                    .text("CATEGORIES", english ? "Working session" : "Buổi làm việc");
            if (m.place() != null && !m.place().isBlank()) {
                ics.text("LOCATION", m.place());
            }
            ics.end("VEVENT");
        }
        return ics.end("VCALENDAR").toString();
    }

    private List<TaskRow> taskRows(long unitId, LocalDate today) {
        var rows = new ArrayList<TaskRow>();
        for (int page = 0; rows.size() < MAX_TASKS; page++) {
            var found = tasks.find(new TaskQuery(
                    unitId,
                    false,
                    null,
                    today,
                    null,
                    null,
                    today.minusDays(PAST_DAYS),
                    today.plusDays(FUTURE_DAYS),
                    null,
                    page,
                    500));
            rows.addAll(found.items());
            if (found.items().size() < 500) {
                break;
            }
        }
        return rows;
    }

    static String status(TaskStatus status, boolean english) {
        return switch (status) {
            case IN_PROGRESS -> english ? "In progress" : "Đang thực hiện";
            case OVERDUE -> english ? "Overdue" : "Quá hạn";
            case DONE_ON_TIME -> english ? "Done on time" : "Hoàn thành đúng hạn";
            case DONE_LATE -> english ? "Done late" : "Hoàn thành quá hạn";
            case ONGOING -> english ? "Ongoing" : "Thường xuyên";
        };
    }
}
