package org.mandate.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.mandate.document.ReferenceParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Throughput of {@link ReferenceParser#extract} on about 4 MB of mixed text, against a baseline
 * measured in the same run on the same text: counting the matches of one plain regular expression
 * that finds only the simplest symbols. Run with {@code ./mandate bench refs}
 * ({@link ReferenceBenchmarks}), which turns the times into MB/s; see docs/BENCHMARKS.md.
 *
 * <p>The text: the labelled corpus texts ({@code src/test/resources/references/corpus/*.txt}, or a
 * built-in mix of Vietnamese and English sentences when there are none) repeated, each followed by
 * generated prose with few references (real documents are mostly prose). Built once, seeded, so
 * every run and every fork measures the same text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class ReferenceParserBenchmark {

    /** The size of the text, in bytes of UTF-8 (1 MB = 1,000,000 bytes). */
    static final int TARGET_BYTES = 4_000_000;

    /** Generated prose after each corpus text, in characters: about four fifths of the text. */
    private static final int PROSE_PER_TEXT = 7_000;

    /** The baseline: one plain pattern for the simplest symbols (7/NQ-CP, 35/2021/QH15, 1026-KL/TU). */
    static final Pattern BASELINE = Pattern.compile("\\d+(?:/\\d{4})?[-/][\\p{L}]+(?:[-/][\\p{L}\\d]+)*");

    private String text;

    @Setup(Level.Trial)
    public void setUp() {
        text = text().text();
    }

    @Benchmark
    public int scanner() {
        return ReferenceParser.extract(text).size();
    }

    @Benchmark
    public int singleRegexBaseline() {
        Matcher m = BASELINE.matcher(text);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    /** The text measured, and what it was built from. */
    record Text(String text, int bytes, int corpusFiles, int corpusBytes) {}

    static Text text() {
        List<String> corpus = corpusTexts();
        int corpusFiles = corpus.size();
        if (corpus.isEmpty()) {
            corpus = BUILT_IN;
        }
        var random = new Random(20261125);
        var out = new StringBuilder(TARGET_BYTES);
        int bytes = 0;
        int corpusBytes = 0;
        for (int i = 0; bytes < TARGET_BYTES; i++) {
            String piece = corpus.get(i % corpus.size());
            int pieceBytes = utf8Length(piece);
            corpusBytes += pieceBytes;
            String prose = prose(random, PROSE_PER_TEXT);
            out.append(piece).append("\n\n").append(prose).append("\n\n");
            bytes += pieceBytes + utf8Length(prose) + 4;
        }
        String s = out.toString();
        return new Text(s, s.getBytes(StandardCharsets.UTF_8).length, corpusFiles, corpusBytes);
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The corpus texts from the test classpath, else from the source folder; empty when there are none. */
    static List<String> corpusTexts() {
        Path dir = null;
        URL url = ReferenceParserBenchmark.class.getClassLoader().getResource("references/corpus");
        if (url != null && url.getProtocol().equals("file")) {
            try {
                dir = Path.of(url.toURI());
            } catch (URISyntaxException e) {
                dir = null;
            }
        }
        if (dir == null || !Files.isDirectory(dir)) {
            dir = Path.of("src/test/resources/references/corpus");
        }
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            var texts = new ArrayList<String>();
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".txt"))
                    .sorted()
                    .toList()) {
                String t = Files.readString(file, StandardCharsets.UTF_8);
                if (!t.isBlank()) {
                    texts.add(t);
                }
            }
            return texts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Used when the corpus folder is missing or empty: sentences of both languages with references. */
    private static final List<String> BUILT_IN = List.of(
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Căn cứ Nghị định số 163/2016/NĐ-CP ngày"
                    + " 21/12/2016 của Chính phủ quy định chi tiết thi hành một số điều của Luật Ngân sách nhà nước;"
                    + " Thực hiện Kết luận số 1026-KL/TU ngày 11/7/2023 của Ban Thường vụ Tỉnh ủy, UBND tỉnh ban hành"
                    + " Kế hoạch số 439-KH/TU. Tổng vốn đầu tư 2.680 tỷ đồng, tăng 6,95% so với năm 2022.",
            "Theo Nghị quyết số 35/2021/QH15 của Quốc hội và Thông tư liên tịch 183/2010/TTLT/BTC-BNN, Sở Tài chính"
                    + " chủ trì, phối hợp với các sở, ngành tham mưu Quyết định 1207/QĐ-UBND ngày 17 tháng 5 năm 2024."
                    + " Hội nghị bắt đầu lúc 14h30, có 3/4 số xã đã hoàn thành chỉ tiêu.",
            "Implementing Resolution No. 7/NQ-CP dated July 11, 2023 of the Government and Directive 35-CT/TW of"
                    + " the Politburo, the Provincial People's Committee issued Decision 12/QD-TTg; Decrees Nos. 01"
                    + " and 02/2020/NĐ-CP remain in force. Revenue reached VND 2,680 billion, up 6.95%.",
            "Ban Thường vụ Tỉnh ủy chỉ đạo quán triệt Chỉ thị số 35-CT/TW ngày 14/6/2024 của Bộ Chính trị về đại"
                    + " hội đảng bộ các cấp; Nghị quyết 06 - NQ / TU và Nghị quyết số 01, 02/NQ-CP được triển khai"
                    + " đến 100% chi bộ trong quý III/2024.");

    private static final String[] VI =
            ("của và các trong được cho với về theo để trên đã có những một này tỉnh huyện xã phường cán bộ"
                            + " đảng viên nhân dân chính quyền địa phương phát triển kinh tế xã hội văn hóa giáo dục"
                            + " y tế nông nghiệp công nghiệp dịch vụ du lịch đầu tư hạ tầng giao thông quy hoạch đất"
                            + " đai tài nguyên môi trường an ninh quốc phòng cải cách hành chính chuyển đổi số thực"
                            + " hiện triển khai kiểm tra giám sát đánh giá tổng kết báo cáo kết quả nhiệm vụ giải pháp"
                            + " trọng tâm năm tới tiếp tục nâng cao hiệu quả chất lượng công tác lãnh đạo chỉ đạo điều"
                            + " hành Ban Thường vụ Tỉnh ủy Ủy ban nhân dân Hội đồng nhân dân Mặt trận Tổ quốc đoàn thể")
                    .split(" ");

    private static final String[] EN =
            ("the of and to in for on with by as at from that this is are was were be has have provincial"
                            + " committee people's council government party standing resolution implementation"
                            + " development economic social culture education health agriculture industry services"
                            + " tourism investment infrastructure transport planning land resources environment"
                            + " security defence administrative reform digital transformation inspection supervision"
                            + " assessment review report results tasks solutions key next year continue improve"
                            + " efficiency quality leadership direction management")
                    .split(" ");

    private static final String[] SYMBOLS = {
        "35-CT/TW",
        "1026-KL/TU",
        "7/NQ-CP",
        "35/2021/QH15",
        "09/2019/NĐ-CP",
        "1207/QĐ-UBND",
        "183/2010/TTLT/BTC-BNN",
        "12/QĐ-TTg",
        "06-NQ/TU",
        "439-KH/TU"
    };

    /** About {@code chars} characters of sentences: mostly words, some dates and figures, few references. */
    static String prose(Random random, int chars) {
        var out = new StringBuilder(chars + 200);
        while (out.length() < chars) {
            boolean english = random.nextInt(4) == 0;
            String[] words = english ? EN : VI;
            int n = 8 + random.nextInt(18);
            for (int w = 0; w < n; w++) {
                if (w > 0) {
                    out.append(' ');
                }
                int roll = random.nextInt(100);
                if (roll < 1) {
                    out.append(english ? "No. " : "số ").append(SYMBOLS[random.nextInt(SYMBOLS.length)]);
                } else if (roll < 3) {
                    out.append(english ? "on " : "ngày ")
                            .append(1 + random.nextInt(28))
                            .append('/')
                            .append(1 + random.nextInt(12))
                            .append('/')
                            .append(2015 + random.nextInt(11));
                } else if (roll < 5) {
                    out.append(figure(random, english));
                } else {
                    String word = words[random.nextInt(words.length)];
                    out.append(w == 0 ? Character.toUpperCase(word.charAt(0)) + word.substring(1) : word);
                }
            }
            out.append(random.nextInt(5) == 0 ? ";\n" : ". ");
        }
        return out.toString();
    }

    private static String figure(Random random, boolean english) {
        return switch (random.nextInt(6)) {
            case 0 -> random.nextInt(100) + (english ? "." : ",") + random.nextInt(100) + "%";
            case 1 -> (1 + random.nextInt(999)) + "." + (100 + random.nextInt(900)) + (english ? " VND" : " tỷ đồng");
            case 2 -> (1 + random.nextInt(9)) + "/" + (2 + random.nextInt(9));
            case 3 -> (6 + random.nextInt(12)) + "h" + (10 + random.nextInt(50));
            case 4 -> (english ? "Article " : "Điều ") + (1 + random.nextInt(60));
            default -> "năm " + (2015 + random.nextInt(6)) + "-" + (2021 + random.nextInt(10));
        };
    }
}
