package org.mandate.reminder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Api.JSON;
import static org.mandate.support.Units.communes;
import static org.mandate.support.Units.provinceCoded;
import static org.mandate.support.Units.standing;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mandate.access.ApiTokens;
import org.mandate.access.Scopes;
import org.mandate.reminder.internal.RunLock;
import org.mandate.support.Api;
import org.mandate.support.MandateIT;
import org.mandate.support.Units;
import org.mandate.task.NewTask;
import org.mandate.task.Priority;
import org.mandate.task.Tasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.web.client.RestClient;

/**
 * The reminders by email against GreenMail, an SMTP server in the test's JVM, on the embedded
 * PostgreSQL: what a digest says, escalation to the office above, never twice, retries after the
 * SMTP server was down, one sender among two.
 */
@MandateIT
class ReminderIT {
    private static final String DOMAIN = "@reminder-it.test";

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Tasks tasks;

    @Autowired
    Reminders reminders;

    @Autowired
    JavaMailSenderImpl sender;

    @Autowired
    DataSource dataSource;

    private int configuredPort;

    @BeforeEach
    void pointTheSenderAtGreenMail() {
        configuredPort = sender.getPort();
        sender.setPort(smtp.getSmtp().getPort());
    }

    @AfterEach
    void restore() {
        sender.setPort(configuredPort);
        // the mailboxes of one test must not receive the next test's mails
        jdbc.sql("DELETE FROM reminder_mailbox WHERE email LIKE :domain")
                .param("domain", "%" + DOMAIN)
                .update();
    }

    private RestClient as(String user) {
        return Api.as(port, tokens, user);
    }

    private List<Long> caoBangCommunes() {
        return communes(jdbc, "04", 8).stream().map(Units.Commune::id).toList();
    }

    /** The user's PUT of the unit's mailbox address, every response returned. */
    private ResponseEntity<Map<String, Object>> putMailbox(String user, long unit, String email) {
        return as(user).put()
                .uri("/api/units/" + unit + "/mailbox")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("email", email))
                .retrieve()
                .toEntity(JSON);
    }

    /** The user's GET of the unit's mailbox address, every response returned. */
    private ResponseEntity<Map<String, Object>> getMailbox(String user, long unit) {
        return as(user).get().uri("/api/units/" + unit + "/mailbox").retrieve().toEntity(JSON);
    }

    private void mailbox(long unit, String email) {
        var response = putMailbox("admin", unit, email);
        assertThat(response.getStatusCode().value()).isEqualTo(200);
        assertThat(response.getBody()).containsEntry("email", email);
    }

    private long task(long unit, String title, LocalDate start, LocalDate deadline) throws Exception {
        try (var system = Scopes.asSystem("tests")) {
            return tasks.create(new NewTask(
                    title,
                    unit,
                    List.of(),
                    "Đ/c Nông Văn A",
                    Priority.NORMAL,
                    null,
                    start,
                    deadline,
                    null,
                    null,
                    null,
                    null));
        }
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        var to = new ArrayList<MimeMessage>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(a -> a.toString().equals(address))) {
                to.add(m);
            }
        }
        return to;
    }

    private ResponseEntity<Map<String, Object>> runAs(String user, LocalDate day) {
        return as(user).post().uri("/api/reminders/run?date=" + day).retrieve().toEntity(JSON);
    }

    @Test
    void theDigestListsOverdueAndDueSoonTasksAndTheOfficeAboveHearsOfTheLongOverdueOnes() throws Exception {
        long commune = caoBangCommunes().get(0);
        long province = provinceCoded(jdbc, "04");
        LocalDate day = LocalDate.of(2026, 3, 10);
        LocalDate start = LocalDate.of(2026, 1, 5);
        String office = "vanphong-xa-1" + DOMAIN;
        String above = "vanphong-tinh" + DOMAIN;
        mailbox(commune, office);
        mailbox(province, above);
        long sevenDays = task(commune, "Rà soát hộ nghèo (quá hạn 7 ngày)", start, day.minusDays(7));
        long eightDays = task(commune, "Hoàn thiện hồ sơ đất đai (quá hạn 8 ngày)", start, day.minusDays(8));
        long dueToday = task(commune, "Báo cáo sơ kết quý I (đến hạn hôm nay)", start, day);
        long inFive = task(commune, "Kiểm tra an toàn trường học (còn 5 ngày)", start, day.plusDays(5));
        long later = task(commune, "Tổng kết năm (còn xa)", start, day.plusDays(20));
        long done = task(commune, "Việc đã xong", start, day.minusDays(3));
        try (var system = Scopes.asSystem("tests")) {
            tasks.complete(done, day.minusDays(4), "xong");
        }

        // an office over another province may not run the reminders
        assertThat(runAs("quangninh", day).getStatusCode().value()).isEqualTo(403);
        // not for a day ahead: its mails would go out today and its escalations count as done
        assertThat(runAs("admin", LocalDate.now().plusDays(30)).getStatusCode().value())
                .isEqualTo(400);
        var run = runAs("admin", day);
        assertThat(run.getStatusCode().value()).isEqualTo(200);
        assertThat(run.getBody()).containsEntry("ran", true).containsEntry("failed", 0);

        var digests = mailsTo(office);
        assertThat(digests).hasSize(1);
        var digest = digests.getFirst();
        assertThat(digest.getSubject()).contains("Nhắc việc ngày 10/03/2026: 2 quá hạn, 2 sắp đến hạn");
        assertThat(digest.getSubject()).contains("2 overdue, 2 due soon");
        assertThat(digest.getHeader("Message-ID")[0]).startsWith("<reminder-");
        String body = text(digest);
        assertThat(body)
                .contains("Kính gửi Văn phòng", "QUÁ HẠN (2)", "SẮP ĐẾN HẠN trong 7 ngày (2)")
                .contains("#" + eightDays + " Hoàn thiện hồ sơ đất đai", "Hạn 02/03/2026, quá hạn 8 ngày")
                .contains("#" + sevenDays + " Rà soát hộ nghèo", "quá hạn 7 ngày; phụ trách: Đ/c Nông Văn A")
                .contains("#" + dueToday + " ", "đến hạn hôm nay")
                .contains("#" + inFive + " ", "còn 5 ngày")
                .contains("/tasks/" + eightDays + "\n", "/tasks/" + sevenDays + "\n", "/tasks/" + inFive + "\n")
                .contains("OVERDUE (2)", "DUE WITHIN 7 DAYS (2)", "8 days overdue")
                .contains("/tasks/dashboard?unit=" + commune)
                .doesNotContain("#" + later + " ", "#" + done + " ");
        // overdue first, the longest overdue first
        assertThat(body.indexOf("#" + eightDays)).isLessThan(body.indexOf("#" + sevenDays));
        assertThat(body.indexOf("#" + sevenDays)).isLessThan(body.indexOf("#" + dueToday));

        // escalated: only the task overdue for more than 7 days, to the province's office
        var escalations = mailsTo(above);
        assertThat(escalations).hasSize(1);
        assertThat(escalations.getFirst().getSubject()).contains("1 nhiệm vụ", "quá hạn trên 7 ngày");
        String escalation = text(escalations.getFirst());
        assertThat(escalation)
                .contains("#" + eightDays + " ", "/tasks/" + eightDays)
                .doesNotContain("#" + sevenDays + " ", "#" + inFive + " ");

        // a second run of the day sends nothing
        var again = runAs("admin", day);
        assertThat(again.getBody())
                .containsEntry("digests", 0)
                .containsEntry("escalations", 0)
                .containsEntry("sent", 0);
        assertThat(mailsTo(office)).hasSize(1);
        assertThat(mailsTo(above)).hasSize(1);

        // the next day: a new digest; the 8-day task is not escalated again, the 7-day one is now
        runAs("admin", day.plusDays(1));
        assertThat(mailsTo(office)).hasSize(2);
        var next = mailsTo(above);
        assertThat(next).hasSize(2);
        assertThat(text(next.get(1))).contains("#" + sevenDays + " ").doesNotContain("#" + eightDays + " ");

        // the runs are audited, with who asked
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'run_reminders' AND actor = 'admin'"
                                + " AND detail->>'day' = '2026-03-10'")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        // and the unit's page lists the mails
        var mails = as("admin")
                .get()
                .uri("/api/reminders?unit=" + commune)
                .retrieve()
                .toEntity(List.class);
        assertThat(mails.getBody()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void aMailThatFailedIsSentOnceTheServerIsBackAndItsWaitIsOver() throws Exception {
        long commune = caoBangCommunes().get(1);
        LocalDate day = LocalDate.of(2026, 4, 14);
        String office = "vanphong-xa-2" + DOMAIN;
        mailbox(commune, office);
        long late = task(commune, "Giải phóng mặt bằng dự án đường", LocalDate.of(2026, 2, 1), day.minusDays(2));

        // the SMTP server is down: a port where nothing listens
        sender.setPort(closedPort());
        Instant now = Instant.now();
        var failed = reminders.run("tests", day, now);
        assertThat(failed.digests()).isEqualTo(1);
        assertThat(failed.sent()).isZero();
        assertThat(failed.failed()).isGreaterThanOrEqualTo(1);
        record Row(String state, int attempts, String lastError) {}
        var row = jdbc.sql("SELECT state, attempts, last_error FROM reminder_mail WHERE recipient = :r")
                .param("r", office)
                .query(Row.class)
                .single();
        assertThat(row.state()).isEqualTo("failed");
        assertThat(row.attempts()).isEqualTo(1);
        assertThat(row.lastError()).isNotBlank();

        // the server is back; the retry waits its backoff (5 minutes after a first failure)
        sender.setPort(smtp.getSmtp().getPort());
        assertThat(reminders.retry("tests", now.plusSeconds(60)).sent()).isZero();
        assertThat(mailsTo(office)).isEmpty();
        // a second run of the day records nothing new and waits too
        assertThat(reminders.run("tests", day, now.plusSeconds(120)).digests()).isZero();
        assertThat(mailsTo(office)).isEmpty();
        var retried = reminders.retry("tests", now.plus(Duration.ofMinutes(6)));
        assertThat(retried.sent()).isGreaterThanOrEqualTo(1);
        assertThat(mailsTo(office)).hasSize(1);
        assertThat(text(mailsTo(office).getFirst())).contains("#" + late + " ");
        assertThat(jdbc.sql("SELECT state || ' ' || attempts FROM reminder_mail WHERE recipient = :r")
                        .param("r", office)
                        .query(String.class)
                        .single())
                .isEqualTo("sent 2");
        assertThat(reminders.retry("tests", now.plus(Duration.ofHours(1))).sent())
                .isZero();
        assertThat(mailsTo(office)).hasSize(1);

        // a sender that died after claiming a mail: it is sent again only after the claim timeout
        jdbc.sql("UPDATE reminder_mail SET state = 'sending', claimed_at = :at WHERE recipient = :r")
                .param("at", java.sql.Timestamp.from(now))
                .param("r", office)
                .update();
        assertThat(reminders.retry("tests", now.plus(Duration.ofMinutes(10))).sent())
                .isZero();
        assertThat(reminders.retry("tests", now.plus(Duration.ofMinutes(16))).sent())
                .isGreaterThanOrEqualTo(1);
        var twice = mailsTo(office);
        assertThat(twice).hasSize(2);
        // the copy carries the same Message-ID, which mail stores take for the same message
        assertThat(twice.get(1).getMessageID()).isEqualTo(twice.get(0).getMessageID());
    }

    @Test
    void aServerThatIsDownCostsThreeAttemptsNotOnePerMail() throws Exception {
        LocalDate day = LocalDate.of(2026, 6, 16);
        var offices = new ArrayList<String>();
        for (long commune : caoBangCommunes().subList(4, 8)) {
            String office = "vanphong-" + commune + DOMAIN;
            mailbox(commune, office);
            task(commune, "Phòng chống thiên tai mùa mưa lũ", LocalDate.of(2026, 5, 1), day.minusDays(1));
            offices.add(office);
        }
        sender.setPort(closedPort());
        Instant now = Instant.now();
        var down = reminders.run("tests", day, now);
        assertThat(down.digests()).isEqualTo(4);
        assertThat(down.failed()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT state || ' ' || attempts FROM reminder_mail WHERE recipient = ANY (:r) ORDER BY id")
                        .param("r", offices.toArray(String[]::new))
                        .query(String.class)
                        .list())
                .containsExactly("failed 1", "failed 1", "failed 1", "pending 0");

        sender.setPort(smtp.getSmtp().getPort());
        var back = reminders.retry("tests", now.plus(Duration.ofMinutes(6)));
        assertThat(back.sent()).isGreaterThanOrEqualTo(4);
        for (String office : offices) {
            assertThat(mailsTo(office)).hasSize(1);
        }
    }

    @Test
    void withTwoNodesOnOneDatabaseOnlyOneSends() throws Exception {
        long commune = caoBangCommunes().get(2);
        LocalDate day = LocalDate.of(2026, 5, 20);
        String office = "vanphong-xa-3" + DOMAIN;
        mailbox(commune, office);
        task(commune, "Chuyển đổi số cấp xã", LocalDate.of(2026, 3, 1), day.plusDays(3));

        // another node holds the run's lock: this one does nothing
        try (var other = dataSource.getConnection();
                var lock = other.prepareStatement("SELECT pg_advisory_lock(?)")) {
            lock.setLong(1, RunLock.KEY);
            lock.execute();
            var skipped = reminders.run("tests", day, Instant.now());
            assertThat(skipped.ran()).isFalse();
            assertThat(mailsTo(office)).isEmpty();
            try (var unlock = other.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                unlock.setLong(1, RunLock.KEY);
                unlock.execute();
            }
        }

        // two nodes start the day's run at the same moment: one mail
        var start = new CountDownLatch(1);
        Callable<RunResult> node = () -> {
            start.await();
            return reminders.run("tests", day, Instant.now());
        };
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(node);
            var b = pool.submit(node);
            start.countDown();
            assertThat(a.get().sent() + b.get().sent()).isGreaterThanOrEqualTo(1);
        }
        assertThat(mailsTo(office)).hasSize(1);
        assertThat(jdbc.sql("SELECT count(*) FROM reminder_mail WHERE recipient = :r")
                        .param("r", office)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theOfficeSetsItsMailboxWithinItsScopeAndEveryChangeIsAudited() {
        long mongCai1 = standing(jdbc, "commune", "Móng Cái 1", null);
        long caoBangCommune = caoBangCommunes().get(3);
        // the office of Quảng Ninh sets it for a ward of its province
        var set = putMailbox("quangninh", mongCai1, "vanphong-mc1" + DOMAIN);
        assertThat(set.getStatusCode().value()).isEqualTo(200);
        assertThat(getMailbox("mongcai1", mongCai1).getBody()).containsEntry("email", "vanphong-mc1" + DOMAIN);
        // a reporter reads it but may not change it; another province's unit is not Quảng Ninh's
        assertThat(putMailbox("mongcai1", mongCai1, "x" + DOMAIN)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(putMailbox("quangninh", caoBangCommune, "x" + DOMAIN)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(getMailbox("quangninh", caoBangCommune).getStatusCode().value())
                .isEqualTo(404);
        // the unit's reminders page shows the address, a form to change it, and the calendar feed
        var page = as("quangninh")
                .get()
                .uri("/reminders?unit=" + mongCai1)
                .retrieve()
                .toEntity(String.class);
        assertThat(page.getStatusCode().value()).isEqualTo(200);
        assertThat(page.getBody())
                .contains("value=\"vanphong-mc1" + DOMAIN + "\"", "action=\"/reminders/mailbox\"")
                .contains("http://localhost:" + port + "/api/units/" + mongCai1 + "/calendar.ics?token=");
        assertThat(as("quangninh")
                        .get()
                        .uri("/tasks/dashboard?unit=" + mongCai1)
                        .retrieve()
                        .toEntity(String.class)
                        .getBody())
                .contains("/reminders?unit=" + mongCai1);
        // an address that is not one is refused, naming the field
        var bad = putMailbox("quangninh", mongCai1, "Văn phòng <vp@x>, khác@y");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody().toString()).contains("email");
        assertThat(as("quangninh")
                        .delete()
                        .uri("/api/units/" + mongCai1 + "/mailbox")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(204);
        var audit = jdbc.sql("""
                        SELECT action || ' ' || coalesce(before->>'email', '-') || ' ' || coalesce(after->>'email', '-')
                          FROM audit_log WHERE entity = 'reminder_mailbox' AND entity_id = :unit AND actor = 'quangninh'
                         ORDER BY seq
                        """).param("unit", mongCai1).query(String.class).list();
        assertThat(audit)
                .containsExactly("set_mailbox - vanphong-mc1" + DOMAIN, "remove_mailbox vanphong-mc1" + DOMAIN + " -");
    }

    /** The text of a mail, with the CRLF line ends of SMTP read as one newline. */
    private static String text(MimeMessage mail) throws Exception {
        return ((String) mail.getContent()).replace("\r\n", "\n");
    }

    private static int closedPort() throws Exception {
        try (var socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
