package org.mandate.reminder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mandate.reminder.ReminderSettings;

class IcalTest {

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingAVietnameseLetter() {
        String title = "Báo cáo kết quả thực hiện Nghị quyết số 35-NQ/TU về phát triển kinh tế – xã hội đến năm 2030";
        String text = new Ical().text("SUMMARY", title).toString();
        assertThat(text).endsWith("\r\n");
        for (String line : text.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(75);
            assertThat(line).doesNotContain("\uFFFD");
        }
        // unfolding (RFC 5545 3.1) gives the line back
        assertThat(text.replace("\r\n ", "")).isEqualTo("SUMMARY:" + title + "\r\n");
    }

    @Test
    void textValuesAreEscaped() {
        assertThat(new Ical().text("DESCRIPTION", "a, b; c\\d\nnext").toString())
                .isEqualTo("DESCRIPTION:a\\, b\\; c\\\\d\\nnext\r\n");
        assertThat(new Ical().date("DTSTART", LocalDate.of(2026, 3, 9)).toString())
                .isEqualTo("DTSTART;VALUE=DATE:20260309\r\n");
    }

    @Test
    void theWaitBetweenAttemptsDoublesUpToItsLimit() {
        var settings = new ReminderSettings(
                "-",
                "-",
                "Asia/Ho_Chi_Minh",
                7,
                7,
                Duration.ofMinutes(5),
                Duration.ofHours(1),
                10,
                Duration.ofMinutes(15),
                "mandate@localhost",
                List.of("vi"),
                "http://localhost:8080/");
        var outbox = new Outbox(null, settings);
        assertThat(List.of(1, 2, 3, 4, 5, 9).stream().map(outbox::backoff))
                .containsExactly(
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(10),
                        Duration.ofMinutes(20),
                        Duration.ofMinutes(40),
                        Duration.ofHours(1),
                        Duration.ofHours(1));
        assertThat(settings.baseUrl()).isEqualTo("http://localhost:8080");
    }
}
