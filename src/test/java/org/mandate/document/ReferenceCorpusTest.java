package org.mandate.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Precision and recall of the reference parser on the labelled corpus of real public texts
 * (src/test/resources/references/corpus, provenance in its README). A found reference counts as
 * right only when its span and every field (number, year, type, issuer, date) equal the label.
 */
class ReferenceCorpusTest {
    private static final Path CORPUS = Path.of("src/test/resources/references/corpus");
    private static final double TARGET = 0.98;

    record Labelled(
            String file, int start, int end, String number, Integer year, String type, String issuer, LocalDate date) {}

    record Found(String file, Reference ref) {}

    @Test
    void precisionAndRecallOnRealTexts() throws IOException {
        var gold = new ArrayList<Labelled>();
        var found = new ArrayList<Found>();
        int texts = 0;
        try (Stream<Path> files = Files.list(CORPUS)) {
            for (Path json :
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                String name = json.getFileName().toString().replace(".json", "");
                String text = Files.readString(CORPUS.resolve(name + ".txt"), StandardCharsets.UTF_8);
                gold.addAll(labels(name, text, JsonMapper.shared().readTree(json.toFile())));
                ReferenceParser.extract(text).forEach(r -> found.add(new Found(name, r)));
                texts++;
            }
        }
        int right = 0;
        var wrong = new ArrayList<String>();
        for (Found f : found) {
            if (gold.stream().anyMatch(g -> matches(g, f))) {
                right++;
            } else {
                wrong.add(f.file() + ": found " + describe(f.ref()));
            }
        }
        var missed = new ArrayList<String>();
        for (Labelled g : gold) {
            if (found.stream().noneMatch(f -> matches(g, f))) {
                missed.add(g.file() + ": missed " + g);
            }
        }
        double precision = found.isEmpty() ? 0 : (double) right / found.size();
        double recall = gold.isEmpty() ? 0 : (double) (gold.size() - missed.size()) / gold.size();
        System.out.printf(
                "Reference corpus: %d texts, %d labelled, %d found, %d right: precision %.4f, recall %.4f%n",
                texts, gold.size(), found.size(), right, precision, recall);
        wrong.forEach(System.out::println);
        missed.forEach(System.out::println);
        assertThat(texts).as("texts in the corpus").isGreaterThanOrEqualTo(20);
        assertThat(precision).as("precision; wrong: %s", wrong).isGreaterThanOrEqualTo(TARGET);
        assertThat(recall).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(TARGET);
    }

    private static List<Labelled> labels(String file, String text, JsonNode doc) {
        var out = new ArrayList<Labelled>();
        int from = 0;
        for (JsonNode r : doc.get("references")) {
            String raw = r.get("raw").asString();
            int start = text.indexOf(raw, from);
            assertThat(start)
                    .as("%s: label '%s' is not in the text after offset %d", file, raw, from)
                    .isNotNegative();
            out.add(new Labelled(
                    file,
                    start,
                    start + raw.length(),
                    r.get("number").asString(),
                    r.get("year").isNull() ? null : r.get("year").asInt(),
                    r.get("type").isNull() ? null : r.get("type").asString(),
                    r.get("issuer").asString(),
                    r.get("date").isNull()
                            ? null
                            : LocalDate.parse(r.get("date").asString())));
            from = start + raw.length();
        }
        return out;
    }

    private static boolean matches(Labelled g, Found f) {
        Reference r = f.ref();
        return g.file().equals(f.file())
                && g.start() == r.start()
                && g.end() == r.end()
                && g.number().equals(r.number())
                && Objects.equals(g.year(), r.year())
                && Objects.equals(g.type(), r.type())
                && g.issuer().equals(r.issuer())
                && Objects.equals(g.date(), r.date());
    }

    private static String describe(Reference r) {
        return "'" + r.raw() + "' at " + r.start() + " number=" + r.number() + " year=" + r.year() + " type=" + r.type()
                + " issuer=" + r.issuer() + " date=" + r.date();
    }
}
