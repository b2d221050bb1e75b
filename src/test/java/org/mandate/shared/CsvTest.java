package org.mandate.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void readsBomAndWindowsLineEnds() {
        var rows = Csv.parse(
                "units.csv", "\uFEFFcode,name\r\n01,Hà Nội\r\n02,\"Hà Giang, tỉnh\"\r\n", List.of("code", "name"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("code")).isEqualTo("01");
        assertThat(rows.get(1).get("name")).isEqualTo("Hà Giang, tỉnh");
        assertThat(rows.get(1).line()).isEqualTo(3);
    }

    @Test
    void aRowWithTooFewFieldsNamesFileAndLine() {
        assertThatThrownBy(() -> Csv.parse("units.csv", "code,name\n01,A\n02\n", List.of("code")))
                .isInstanceOfSatisfying(InputProblem.class, p -> {
                    assertThat(p.file()).isEqualTo("units.csv");
                    assertThat(p.line()).isEqualTo(3);
                    assertThat(p.reason()).contains("expected 2 fields");
                });
    }

    @Test
    void aMissingColumnNamesTheColumn() {
        assertThatThrownBy(() -> Csv.parse("units.csv", "code\n01\n", List.of("code", "name")))
                .isInstanceOfSatisfying(
                        InputProblem.class, p -> assertThat(p.field()).isEqualTo("name"));
    }

    @Test
    void anUnclosedQuoteIsReportedOnTheLineWhereItOpened() {
        assertThatThrownBy(() -> Csv.parse("u.csv", "code,name\n01,\"open\n02,x\n", List.of("code")))
                .isInstanceOfSatisfying(InputProblem.class, p -> {
                    assertThat(p.line()).isEqualTo(2);
                    assertThat(p.reason()).contains("not closed");
                });
    }

    @Property
    void quotedFieldsSurviveARoundTrip(
            @ForAll @Size(min = 1, max = 5) List<@StringLength(max = 12) String> values, @ForAll boolean crlf) {
        String eol = crlf ? "\r\n" : "\n";
        String header = java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> "c" + i)
                .collect(Collectors.joining(","));
        String line =
                values.stream().map(v -> "\"" + v.replace("\"", "\"\"") + "\"").collect(Collectors.joining(","));
        var rows = Csv.parse("p.csv", header + eol + line + eol, List.of());
        assertThat(rows).hasSize(1);
        for (int i = 0; i < values.size(); i++) {
            assertThat(rows.getFirst().fields().get("c" + i)).isEqualTo(values.get(i));
        }
    }
}
