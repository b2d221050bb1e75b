package org.mandate.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Units.communes;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VEvent;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mandate.access.ApiTokens;
import org.mandate.access.Scopes;
import org.mandate.access.TokenKind;
import org.mandate.meeting.Meetings;
import org.mandate.meeting.NewMeeting;
import org.mandate.support.Api;
import org.mandate.support.MandateIT;
import org.mandate.task.NewTask;
import org.mandate.task.Priority;
import org.mandate.task.Tasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A unit's calendar feed, parsed and validated by ical4j, and who may read it. */
@MandateIT
class CalendarIT {
    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tasks tasks;

    @Autowired
    Meetings meetings;

    private ResponseEntity<String> get(String uri) {
        return get(uri, null);
    }

    private ResponseEntity<String> get(String uri, @Nullable String bearer) {
        return Api.bearer(port, bearer).get().uri(uri).retrieve().toEntity(String.class);
    }

    private boolean used(long token) {
        return jdbc.sql("SELECT last_used_at IS NOT NULL FROM api_token WHERE id = ?")
                .param(token)
                .query(Boolean.class)
                .single();
    }

    private long commune() {
        return communes(jdbc, "04", 7).get(6).id();
    }

    @Test
    void aUnitsDeadlinesAndSessionsAreAValidCalendarThatAFeedTokenOpens() throws Exception {
        long unit = commune();
        LocalDate today = Tasks.today();
        long overdue;
        long soon;
        long session;
        try (var system = Scopes.asSystem("tests")) {
            overdue = tasks.create(new NewTask(
                    "Thu hồi đất, bồi thường; tái định cư",
                    unit,
                    List.of(),
                    null,
                    Priority.HIGH,
                    null,
                    today.minusDays(30),
                    today.minusDays(2),
                    null,
                    null,
                    null,
                    null));
            soon = tasks.create(new NewTask(
                    "Báo cáo tình hình kinh tế - xã hội tháng này, gửi Văn phòng UBND tỉnh trước ngày 20 (dòng dài để"
                            + " gấp dòng theo RFC 5545)",
                    unit,
                    List.of(),
                    "Đ/c Hoàng Thị B",
                    Priority.NORMAL,
                    null,
                    today.minusDays(5),
                    today.plusDays(4),
                    null,
                    null,
                    null,
                    null));
            session = meetings.create(new NewMeeting(
                    today.plusDays(10),
                    "Hội trường UBND xã",
                    "Chủ tịch UBND tỉnh",
                    unit,
                    null,
                    "Làm việc về chuyển đổi số",
                    null,
                    List.of(),
                    null,
                    null,
                    null,
                    null));
        }
        String token =
                tokens.issue("admin", TokenKind.FEED, "lịch", 1, "system:tests").token();
        var response = get("/api/units/" + unit + "/calendar.ics?token=" + token);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getHeaders().getContentType().toString()).startsWith("text/calendar");
        String text = response.getBody();
        assertThat(text).contains("\r\n ").doesNotContain("\n\n");

        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        var validation = calendar.validate();
        assertThat(validation.getEntries()).isEmpty();
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        var byUid = new java.util.HashMap<String, VEvent>();
        for (VEvent e : events) {
            byUid.put(value(e, "UID"), e);
        }
        assertThat(byUid).containsKeys("task-" + overdue + "@localhost", "task-" + soon + "@localhost");
        assertThat(byUid).containsKey("meeting-" + session + "@localhost");

        VEvent late = byUid.get("task-" + overdue + "@localhost");
        assertThat(value(late, "SUMMARY")).isEqualTo("[Quá hạn] Thu hồi đất, bồi thường; tái định cư");
        assertThat(value(late, "DTSTART"))
                .isEqualTo(today.minusDays(2).toString().replace("-", ""));
        assertThat(late.getProperty("DTSTART")
                        .orElseThrow()
                        .getParameter("VALUE")
                        .orElseThrow()
                        .getValue())
                .isEqualTo("DATE");
        assertThat(value(late, "URL")).endsWith("/tasks/" + overdue);
        assertThat(value(late, "X-MANDATE-STATUS")).isEqualTo("overdue");
        VEvent due = byUid.get("task-" + soon + "@localhost");
        assertThat(value(due, "SUMMARY"))
                .startsWith("[Đang thực hiện] Báo cáo tình hình")
                .endsWith("RFC 5545)");
        assertThat(value(due, "DESCRIPTION")).contains("Phụ trách: Đ/c Hoàng Thị B", "/tasks/" + soon);
        VEvent meeting = byUid.get("meeting-" + session + "@localhost");
        assertThat(value(meeting, "SUMMARY")).isEqualTo("Buổi làm việc: Làm việc về chuyển đổi số");
        assertThat(value(meeting, "LOCATION")).isEqualTo("Hội trường UBND xã");
        assertThat(value(meeting, "DTSTART"))
                .isEqualTo(today.plusDays(10).toString().replace("-", ""));

        // the same UID on the next read: a calendar program updates the event rather than adding one
        String again =
                get("/api/units/" + unit + "/calendar.ics?token=" + token).getBody();
        assertThat(again).contains("UID:task-" + overdue + "@localhost");
        // English on request
        assertThat(get("/api/units/" + unit + "/calendar.ics?lang=en&token=" + token)
                        .getBody())
                .contains("SUMMARY:[Overdue] Thu hồi đất");
    }

    @Test
    void theFeedIsHeldToTheTokensScope() {
        long unit = commune();
        // no token: a calendar program is asked to sign in, and told how
        var anonymous = get("/api/units/" + unit + "/calendar.ics");
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType()).hasToString("application/problem+json;charset=UTF-8");
        assertThat(anonymous.getBody()).contains("\"status\":401", "add ?token= with a calendar feed token");
        // a token that is not one
        assertThat(get("/api/units/" + unit + "/calendar.ics?token=mdt_nothing")
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        // an office of another province does not see this unit
        String quangNinh = tokens.issue("quangninh", TokenKind.FEED, "lịch", 1, "system:tests")
                .token();
        assertThat(get("/api/units/" + unit + "/calendar.ics?token=" + quangNinh)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        // a revoked token no longer opens the feed
        var issued = tokens.issue("admin", TokenKind.FEED, "lịch", 1, "system:tests");
        assertThat(get("/api/units/" + unit + "/calendar.ics?token=" + issued.token())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        tokens.revoke("admin", issued.id(), "system:tests");
        assertThat(get("/api/units/" + unit + "/calendar.ics?token=" + issued.token())
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        // the query token opens the feed only, not the rest of the API
        assertThat(get("/api/tasks?unit=" + unit + "&token=" + quangNinh)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void aFeedTokenOpensTheFeedAloneAndAnApiTokenIsRefusedInItsAddress() {
        long unit = commune();
        String feedPath = "/api/units/" + unit + "/calendar.ics";
        var feed = tokens.issue("admin", TokenKind.FEED, "lịch Outlook", 1, "system:tests");
        var api = tokens.issue("admin", "script", 1, "system:tests");
        assertThat(feed.token()).startsWith("mdf_");
        assertThat(api.token()).startsWith("mdt_");
        assertThat(used(feed.id())).isFalse();

        // the feed token opens the feed, and its use is recorded
        assertThat(get(feedPath + "?token=" + feed.token()).getStatusCode().value())
                .isEqualTo(200);
        assertThat(used(feed.id())).isTrue();

        // a full API token in the address is refused, saying what to use instead, and not marked used
        var full = get(feedPath + "?token=" + api.token());
        assertThat(full.getStatusCode().value()).isEqualTo(401);
        assertThat(full.getHeaders().getContentType()).hasToString("application/problem+json;charset=UTF-8");
        assertThat(full.getBody()).contains("API token is not accepted in an address", "issue a calendar feed token");
        assertThat(used(api.id())).isFalse();
        // ... while as a header it still opens the feed and the API
        assertThat(get(feedPath, api.token()).getStatusCode().value()).isEqualTo(200);
        assertThat(get("/api/tasks?unit=" + unit, api.token()).getStatusCode().value())
                .isEqualTo(200);

        // the feed token opens nothing as a header: not the API, not even the feed
        var asHeader = get("/api/tasks?unit=" + unit, feed.token());
        assertThat(asHeader.getStatusCode().value()).isEqualTo(401);
        assertThat(asHeader.getBody()).contains("opens only the calendar feed");
        assertThat(get(feedPath, feed.token()).getStatusCode().value()).isEqualTo(401);
        // nor in the query string of any other path, nor for anything but a GET of the feed
        assertThat(get("/api/audit?token=" + feed.token()).getStatusCode().value())
                .isEqualTo(401);
        String mailbox = "/api/units/" + unit + "/mailbox";
        assertThat(get(mailbox, api.token()).getStatusCode().value()).isEqualTo(200);
        assertThat(get(mailbox + "?token=" + feed.token()).getStatusCode().value())
                .isNotEqualTo(200)
                .isEqualTo(get(mailbox).getStatusCode().value());

        // a feed token that is not one (the right prefix, no such token) is refused too
        assertThat(get(feedPath + "?token=mdf_nothing").getStatusCode().value()).isEqualTo(401);
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).orElseThrow().getValue();
    }
}
