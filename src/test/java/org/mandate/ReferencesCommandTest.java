package org.mandate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code ./mandate refs FILE} prints what the extraction API answers, and says what is wrong with a bad file. */
class ReferencesCommandTest {
    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {}

    private static Run run(String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int status = ReferencesCommand.run(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }

    @Test
    void printsTheReferencesOfAUtf8FileAsJson() throws Exception {
        Path file = dir.resolve("letter.txt");
        // with a byte-order mark and Windows line ends, as Notepad saves it
        Files.write(
                file,
                "\uFEFFKính gửi,\r\nThực hiện Nghị quyết số 7/NQ-CP ngày 10/01/2025.\r\n"
                        .getBytes(StandardCharsets.UTF_8));
        var run = run("refs", file.toString());
        assertThat(run.status()).isZero();
        var json = JsonMapper.shared().readTree(run.out());
        assertThat(json.size()).isEqualTo(1);
        var ref = json.get(0);
        assertThat(ref.get("raw").asString()).isEqualTo("7/NQ-CP");
        assertThat(ref.get("date").asString()).isEqualTo("2025-01-10");
        assertThat(ref.get("year").isNull()).isTrue();
        String text = "Kính gửi,\r\nThực hiện Nghị quyết số 7/NQ-CP ngày 10/01/2025.\r\n";
        assertThat(ref.get("start").asInt()).isEqualTo(text.indexOf("7/NQ-CP"));
    }

    @Test
    void refusesAFileThatIsNotUtf8() throws Exception {
        Path file = dir.resolve("cp1258.txt");
        Files.write(file, new byte[] {'N', 'g', 'h', (byte) 0xF2, ' ', '7', '/', 'N', 'Q'});
        var run = run("refs", file.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err()).contains("is not UTF-8");
        assertThat(run("refs", dir.resolve("missing.txt").toString()).err()).contains("There is no file");
    }
}
