package org.mandate.reminder.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The mails' words, byte for byte as offices have been receiving them (reminder/mails.txt): every
 * kind of line in both languages, alone and together, singular and plural, and a digest of nothing.
 */
class TextsTest {
    private static final LocalDate DAY = LocalDate.parse("2026-11-25");
    private static final List<Listed> TASKS = List.of(
            new Listed(11, "Thu hồi đất", "Ông A", LocalDate.parse("2026-11-17"), true, null),
            new Listed(12, "Báo cáo quý", null, LocalDate.parse("2026-11-24"), true, "Phường Móng Cái 1"),
            new Listed(13, "Hôm nay", " ", DAY, false, null),
            new Listed(14, "Ngày mai", "Bà B", DAY.plusDays(1), false, null),
            new Listed(15, "Tuần sau", null, DAY.plusDays(7), false, "Xã X"));

    @Test
    void theMailsAreWordForWordAsBefore() throws IOException {
        var mails = new ArrayList<Texts.Mail>();
        for (var languages : List.of(List.of("vi", "en"), List.of("en"), List.of("vi"))) {
            mails.add(Texts.digest(languages, 7, "Tỉnh Cao Bằng", DAY, 7, TASKS, "http://mandate.test"));
            mails.add(Texts.escalation(languages, "Tỉnh Cao Bằng", "Xã Y", DAY, 7, TASKS.subList(0, 1), "http://m"));
        }
        mails.add(Texts.digest(List.of("vi", "en"), 7, "Xã Z", DAY, 3, List.of(), "http://m"));
        String written = String.join(
                "\n=====\n",
                mails.stream().map(m -> m.subject() + "|||" + m.body()).toList());
        String expected;
        try (var in = TextsTest.class.getResourceAsStream("/reminder/mails.txt")) {
            expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(written).isEqualTo(expected);
    }
}
