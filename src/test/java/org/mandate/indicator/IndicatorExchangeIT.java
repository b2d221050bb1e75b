package org.mandate.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mandate.support.Api.JSON;
import static org.mandate.support.Units.communes;
import static org.mandate.support.Units.provinceCoded;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.access.ApiTokens;
import org.mandate.indicator.internal.ValueNumbers;
import org.mandate.shared.Csv;
import org.mandate.support.Api;
import org.mandate.support.LibreOffice;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Values to and from files over HTTP, with files as offices make them: a CSV typed by hand and
 * saved as .xlsx by LibreOffice, CSV with semicolons and a byte order mark as Excel writes it, the
 * exports read back by LibreOffice, and SDMX-CSV exported and imported again, every value kept.
 */
@MandateIT
class IndicatorExchangeIT {
    private static final String HEADER = "Mã đơn vị,Đơn vị,Kỳ,Mã chỉ tiêu,Chỉ tiêu,Giá trị,Đơn vị tính,Ghi chú";
    private static final String INCOME = "triệu đồng/người/năm";

    @LocalServerPort
    int port;

    @Autowired
    ApiTokens tokens;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    private RestClient as(String user) {
        return Api.as(port, tokens, user);
    }

    private String indicator(String prefix, String periodType, String uom) {
        String code = prefix + "-" + Long.toString(System.nanoTime(), 36);
        var created = as("admin")
                .post()
                .uri("/api/indicators")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of(
                        "code",
                        code,
                        "nameVi",
                        "Chỉ tiêu kiểm thử " + code,
                        "unitOfMeasure",
                        uom,
                        "direction",
                        "higher",
                        "periodType",
                        periodType,
                        "rollup",
                        "sum"))
                .retrieve()
                .toEntity(JSON);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        return code;
    }

    private ResponseEntity<Map<String, Object>> upload(String user, String name, byte[] content) {
        return upload(user, name, content, null);
    }

    /** @param state the state the imported figures take (a query parameter; the form field works too) */
    private ResponseEntity<Map<String, Object>> upload(
            String user, String name, byte[] content, @Nullable String state) {
        return Api.upload(
                as(user), "/api/indicators/import" + (state == null ? "" : "?state=" + state), "file", name, content);
    }

    private byte[] get(String user, String uri) {
        var response = as(user).get().uri(uri).retrieve().toEntity(byte[].class);
        assertThat(response.getStatusCode().value()).as(uri).isEqualTo(200);
        return response.getBody();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object items) {
        return (List<Map<String, Object>>) items;
    }

    private List<Map<String, Object>> values(String user, String uri) {
        var response = as(user).get().uri(uri).retrieve().toEntity(JSON);
        assertThat(response.getStatusCode().value()).as(uri).isEqualTo(200);
        return list(response.getBody().get("items"));
    }

    private long count(String code) {
        return jdbc.sql(
                        "SELECT count(*) FROM indicator_value iv JOIN indicator i ON i.id = iv.indicator_id WHERE i.code = :c")
                .param("c", code)
                .query(Long.class)
                .single();
    }

    private void enter(String code, List<Map<String, Object>> values) {
        var entered = as("admin")
                .post()
                .uri("/api/indicators/" + code + "/values")
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("values", values))
                .retrieve()
                .toEntity(JSON);
        assertThat(entered.getStatusCode().value()).as("%s", entered.getBody()).isEqualTo(201);
    }

    @Test
    void theTemplateFilledInAndSavedByLibreOfficeIsImportedAndAChangedFileCorrectsIt() throws Exception {
        String code = indicator("thu-nhap", "year", INCOME);
        long quangNinh = provinceCoded(jdbc, "22");
        var qn = communes(jdbc, "22", 3);
        // the codes start with 0: Calc takes them for numbers and drops the zero
        assertThat(qn.getFirst().code()).startsWith("0");

        byte[] template =
                get("quangninh", "/api/indicators/template.xlsx?unit=" + quangNinh + "&period=2026&subtree=true");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Số liệu");
            assertThat(workbook.getSheet("Hướng dẫn")).isNotNull();
            var sheet = workbook.getSheetAt(0);
            var header = new ArrayList<String>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(String.join(",", header)).isEqualTo(HEADER);
            var rows = new ArrayList<List<String>>();
            sheet.forEach(r -> rows.add(List.of(
                    r.getCell(0).getStringCellValue(),
                    r.getCell(2).getStringCellValue(),
                    r.getCell(3).getStringCellValue())));
            assertThat(rows).contains(List.of(qn.get(1).code(), "2026", code), List.of("22", "2026", code));
        }

        Path csv = dir.resolve("so-lieu.csv");
        Files.writeString(
                csv,
                HEADER + "\n"
                        + qn.get(0).code() + "," + qn.get(0).name() + ",2026," + code + ",,\"74,8\"," + INCOME
                        + ",ước\n"
                        + qn.get(1).code() + ",," + "2026," + code + ",,\"1.234,5\",,\n"
                        + qn.get(2).code() + ",," + "2026," + code + ",,12,,\n"
                        + "22,Quảng Ninh,2026," + code + ",,,,\n",
                StandardCharsets.UTF_8);
        Path xlsx = LibreOffice.convert(csv, "xlsx");

        var imported = upload("quangninh", "so-lieu.xlsx", Files.readAllBytes(xlsx));
        assertThat(imported.getStatusCode().value())
                .as("%s", imported.getBody())
                .isEqualTo(201);
        assertThat(imported.getBody())
                .containsEntry("format", "xlsx")
                .containsEntry("entered", 3)
                .containsEntry("corrected", 0)
                .containsEntry("withoutFigure", 1);
        var read = values(
                "quangninh",
                "/api/indicators/" + code + "/values?unit=" + quangNinh + "&subtree=true&from=2026&to=2026");
        assertThat(read)
                .extracting(
                        i -> ((Number) i.get("unit")).longValue(),
                        i -> new BigDecimal(i.get("value").toString()))
                .contains(
                        tuple(qn.get(0).id(), new BigDecimal("74.8")),
                        tuple(qn.get(1).id(), new BigDecimal("1234.5")),
                        tuple(qn.get(2).id(), new BigDecimal("12")),
                        tuple(quangNinh, new BigDecimal("1321.3")));

        // Excel in Vietnamese saves CSV with a byte order mark, semicolons and CRLF
        String changed = "\uFEFFMã đơn vị;Kỳ;Mã chỉ tiêu;Giá trị\r\n"
                + qn.get(0).code() + ";2026;" + code + ";75\r\n"
                + qn.get(1).code() + ";2026;" + code + ";1234,50\r\n"
                + qn.get(2).code() + ";2026;" + code + ";12\r\n";
        var again = upload("quangninh", "so-lieu-sua.csv", changed.getBytes(StandardCharsets.UTF_8));
        assertThat(again.getStatusCode().value()).as("%s", again.getBody()).isEqualTo(201);
        assertThat(again.getBody())
                .containsEntry("format", "csv")
                .containsEntry("entered", 0)
                .containsEntry("corrected", 1)
                .containsEntry("unchanged", 2);
        var history = as("quangninh")
                .get()
                .uri("/api/indicators/" + code + "/history?unit=" + qn.get(0).id())
                .retrieve()
                .body(new ParameterizedTypeReference<List<Map<String, Object>>>() {});
        assertThat(history)
                .extracting(h -> new BigDecimal(h.get("value").toString()), h -> h.get("supersededBy") != null)
                .containsExactly(tuple(new BigDecimal("74.8"), true), tuple(new BigDecimal("75"), false));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'import_values' AND actor = 'quangninh'"
                                + " AND detail->'indicators' @> jsonb_build_array(CAST(:code AS text))")
                        .param("code", code)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void everyBadRowIsListedWithItsColumnAndNothingIsImported() {
        String code = indicator("ho-ngheo", "year", "hộ");
        var qn = communes(jdbc, "22", 2);
        String good = qn.get(0).code() + ";2026;" + code + ";5;hộ\r\n";
        String file = "\uFEFFMã đơn vị;Kỳ;Mã chỉ tiêu;Giá trị;Đơn vị tính\r\n"
                + good
                + "KHONG-CO-MA;2026;" + code + ";5;\r\n"
                + qn.get(1).code() + ";2026-Q1;" + code + ";5;\r\n"
                + qn.get(1).code() + ";2026;khong-co-chi-tieu-nay;5;\r\n"
                + qn.get(1).code() + ";2026;" + code + ";12,3,4;\r\n"
                + qn.get(1).code() + ";2026;" + code + ";5;người\r\n"
                + good
                + ";2026;" + code + ";5;\r\n";
        var response = upload("quangninh", "sai.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsEntry("file", "sai.csv");
        assertThat((String) response.getBody().get("detail")).contains("7 problems in 7 rows", "nothing was imported");
        var errors = list(response.getBody().get("errors"));
        assertThat(errors)
                .extracting(e -> e.get("row"), e -> e.get("column"))
                .containsExactly(
                        tuple(3, "Mã đơn vị"),
                        tuple(4, "Kỳ"),
                        tuple(5, "Mã chỉ tiêu"),
                        tuple(6, "Giá trị"),
                        tuple(7, "Đơn vị tính"),
                        tuple(8, "Kỳ"),
                        tuple(9, "Mã đơn vị"));
        assertThat(errors)
                .extracting(e -> (String) e.get("reason"))
                .contains(
                        "no unit had the code 'KHONG-CO-MA' in 2026",
                        "no indicator has the code 'khong-co-chi-tieu-nay' in the catalogue",
                        code + " is measured in 'hộ', not 'người'");
        assertThat(count(code)).isZero();
    }

    @Test
    void aSecondFigureOfTheSameValueIsFoundWhenTheWriteMeetsItAndNothingIsImported() {
        String code = indicator("ho-ngheo", "year", "hộ");
        var qn = communes(jdbc, "22", 2);
        String file = "Mã đơn vị,Kỳ,Mã chỉ tiêu,Giá trị\n"
                + qn.get(0).code() + ",2026," + code + ",1\n"
                + qn.get(1).code() + ",2026," + code + ",2\n"
                + qn.get(0).code() + ",2026," + code + ",3\n";
        var response = upload("quangninh", "trung.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(list(response.getBody().get("errors")))
                .extracting(e -> e.get("row"), e -> e.get("column"), e -> e.get("reason"))
                .containsExactly(tuple(
                        4,
                        "Kỳ",
                        "a second figure of " + code + " for unit " + qn.get(0).code()
                                + " in 2026; row 2 has the first"));
        assertThat(count(code)).isZero();
    }

    /** The current rows of the indicator: unit -> state, value, submitted by, approved by. */
    private Map<Long, List<Object>> current(String code) {
        var rows = new java.util.HashMap<Long, List<Object>>();
        jdbc.sql("""
                        SELECT iv.unit_id, iv.state, iv.value, iv.submitted_by, iv.approved_by
                          FROM indicator_value iv JOIN indicator i ON i.id = iv.indicator_id
                         WHERE i.code = :c AND iv.superseded_by IS NULL
                        """)
                .param("c", code)
                .query((rs, n) -> rows.put(
                        rs.getLong(1),
                        java.util.Arrays.asList(
                                rs.getString(2), rs.getBigDecimal(3).intValue(), rs.getString(4), rs.getString(5))))
                .list();
        return rows;
    }

    @Test
    void anImportSubmitsOrApprovesWhatItWritesForThoseWhoMay() {
        String code = indicator("ho-ngheo", "year", "hộ");
        var qn = communes(jdbc, "22", 2);
        String file = "Mã đơn vị,Kỳ,Mã chỉ tiêu,Giá trị\n"
                + qn.get(0).code() + ",2026," + code + ",10\n"
                + qn.get(1).code() + ",2026," + code + ",20\n";
        byte[] bytes = file.getBytes(StandardCharsets.UTF_8);
        // the office may submit but not approve: refused whole, nothing written
        var refused = upload("quangninh", "duyet.csv", bytes, "approved");
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(count(code)).isZero();
        var bad = upload("quangninh", "sai.csv", bytes, "final");
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).containsEntry("field", "state");
        assertThat(count(code)).isZero();

        var submitted = upload("quangninh", "gui.csv", bytes, "submitted");
        assertThat(submitted.getStatusCode().value()).isEqualTo(201);
        assertThat(current(code))
                .containsEntry(qn.get(0).id(), java.util.Arrays.asList("submitted", 10, "quangninh", null))
                .containsEntry(qn.get(1).id(), java.util.Arrays.asList("submitted", 20, "quangninh", null));
        assertThat(jdbc.sql("""
                        SELECT (detail->>'state') || ' ' || (detail->>'moved') FROM audit_log
                         WHERE action = 'import_values' AND detail->>'file' = 'gui.csv' ORDER BY id DESC LIMIT 1
                        """).query(String.class).single()).isEqualTo("submitted 2");

        // the administrator corrects one figure and approves it; the equal one is left as it was
        String changed = file.replace(",20\n", ",25\n");
        var approved = upload("admin", "duyet.csv", changed.getBytes(StandardCharsets.UTF_8), "approved");
        assertThat(approved.getStatusCode().value()).isEqualTo(201);
        assertThat(approved.getBody()).containsEntry("corrected", 1).containsEntry("unchanged", 1);
        assertThat(current(code))
                .containsEntry(qn.get(0).id(), java.util.Arrays.asList("submitted", 10, "quangninh", null))
                .containsEntry(qn.get(1).id(), java.util.Arrays.asList("approved", 25, "admin", "admin"));
        // the submitted 20 stays on record, superseded
        assertThat(count(code)).isEqualTo(3);
    }

    @Test
    void aRowOutsideTheImportersScopeUndoesTheWholeImport() {
        String code = indicator("ho-ngheo", "year", "hộ");
        var qn = communes(jdbc, "22", 1);
        var hp = communes(jdbc, "31", 1);
        String file = "Mã đơn vị,Kỳ,Mã chỉ tiêu,Giá trị\n"
                + qn.getFirst().code() + ",2026," + code + ",3\n"
                + hp.getFirst().code() + ",2026," + code + ",4\n";
        var response = upload("quangninh", "ngoai.csv", file.getBytes(StandardCharsets.UTF_8));
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat((String) response.getBody().get("detail"))
                .startsWith("Row 3 of ngoai.csv: quangninh may not enter values for unit "
                        + hp.getFirst().id())
                .endsWith("nothing was imported");
        assertThat(count(code)).isZero();
        assertThat(upload(null, "ngoai.csv", file.getBytes(StandardCharsets.UTF_8))
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void anExportOfAReadIsWhatTheReadSaysInXlsxAsLibreOfficeReadsItAndInCsv() throws Exception {
        String code = indicator("du-khach", "year", "lượt");
        long quangNinh = provinceCoded(jdbc, "22");
        var qn = communes(jdbc, "22", 4);
        var entered = new ArrayList<Map<String, Object>>();
        for (int i = 0; i < qn.size(); i++) {
            entered.add(Map.of(
                    "unit", qn.get(i).id(), "period", "2025", "value", new BigDecimal(1000 * i + "." + (i + 1))));
        }
        enter(code, entered);
        String query = "?unit=" + quangNinh + "&subtree=true&view=as_now";
        var json = values("quangninh", "/api/indicators/" + code + "/values" + query);
        assertThat(json).hasSize(5);
        var codes = new java.util.HashMap<Long, String>();
        qn.forEach(c -> codes.put(c.id(), c.code()));
        codes.put(quangNinh, "22");
        var expected = json.stream()
                .map(i -> List.of(
                        codes.get(((Number) i.get("unit")).longValue()),
                        (String) i.get("period"),
                        new BigDecimal(i.get("value").toString())
                                .stripTrailingZeros()
                                .toPlainString()))
                .toList();

        Path xlsx = dir.resolve("du-khach.xlsx");
        Files.write(xlsx, get("quangninh", "/api/indicators/" + code + "/values.xlsx" + query));
        Path fromXlsx = LibreOffice.convert(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76");
        var read = Csv.parse(
                "x.csv", Files.readString(fromXlsx, StandardCharsets.UTF_8), List.of("Mã đơn vị", "Kỳ", "Giá trị"));
        assertThat(read)
                .extracting(r -> List.of(r.get("Mã đơn vị"), r.get("Kỳ"), ValueNumbers.parse(r.get("Giá trị"))))
                .containsExactlyElementsOf(expected);

        byte[] csv = get("quangninh", "/api/indicators/" + code + "/values.csv" + query);
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\r\n").doesNotContain("\r\n\n").contains("Tỉnh Quảng Ninh");
        assertThat(Csv.parse("x.csv", text, List.of("Mã đơn vị")))
                .extracting(r -> List.of(r.get("Mã đơn vị"), r.get("Kỳ"), r.get("Giá trị")))
                .containsExactlyElementsOf(expected);

        String sdmx = new String(
                get("quangninh", "/api/indicators/" + code + "/values.sdmx.csv" + query + "&version=2.0"),
                StandardCharsets.UTF_8);
        var province = json.stream()
                .filter(i -> ((Number) i.get("unit")).longValue() == quangNinh)
                .findFirst()
                .orElseThrow();
        assertThat(sdmx.split("\r\n"))
                .hasSize(json.size() + 1)
                .startsWith(
                        "STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE,UNIT_MEASURE,OBS_STATUS")
                .contains("dataflow,MANDATE:DF_INDICATORS(1.0),I,A,22," + code + ",2025,"
                        + new BigDecimal(province.get("value").toString())
                                .stripTrailingZeros()
                                .toPlainString()
                        + ",lượt,P");

        var bad = as("quangninh")
                .get()
                .uri("/api/indicators/" + code + "/values.csv?view=then")
                .retrieve()
                .toEntity(JSON);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).containsEntry("field", "view");
    }

    /** (REF_AREA, TIME_PERIOD, OBS_VALUE) of an SDMX-CSV file, and its INDICATOR codes. */
    private static Set<List<String>> observations(String text, Set<String> indicators) {
        var set = new HashSet<List<String>>();
        for (var r : Csv.parse("sdmx.csv", text, List.of("REF_AREA", "INDICATOR", "TIME_PERIOD", "OBS_VALUE"))) {
            indicators.add(r.get("INDICATOR"));
            set.add(List.of(
                    r.get("REF_AREA"), r.get("TIME_PERIOD"), new BigDecimal(r.get("OBS_VALUE")).toPlainString()));
        }
        return set;
    }

    @Test
    void sdmxCsvOutAndInAgainKeepsEveryValue() {
        String source = indicator("lao-dong", "month", "người");
        long quangNinh = provinceCoded(jdbc, "22");
        var qn = communes(jdbc, "22", 1000);
        var entered = new ArrayList<Map<String, Object>>();
        for (String month : List.of("2026-01", "2026-02", "2026-03")) {
            for (var c : qn) {
                entered.add(Map.of("unit", c.id(), "period", month, "value", new BigDecimal(c.id() % 997 + ".25")));
            }
        }
        enter(source, entered);

        String exported = new String(
                get(
                        "quangninh",
                        "/api/indicators/values.sdmx.csv?unit=" + quangNinh + "&indicator=" + source + "&version=2.0"),
                StandardCharsets.UTF_8);
        assertThat(exported).startsWith("STRUCTURE,STRUCTURE_ID,ACTION,FREQ,REF_AREA,INDICATOR,TIME_PERIOD,OBS_VALUE");
        assertThat(exported).contains("dataflow,MANDATE:DF_INDICATORS(1.0),I,M,");
        var codes = new HashSet<String>();
        var sent = observations(exported, codes);
        assertThat(codes).containsExactly(source);
        assertThat(sent).hasSize(entered.size());

        // into a clean indicator: the same file with the other code
        String target = indicator("lao-dong-nhan", "month", "người");
        var imported = upload(
                "quangninh",
                "sdmx.csv",
                exported.replace("," + source + ",", "," + target + ",").getBytes(StandardCharsets.UTF_8));
        assertThat(imported.getStatusCode().value())
                .as("%s", imported.getBody())
                .isEqualTo(201);
        assertThat(imported.getBody()).containsEntry("format", "sdmx-csv").containsEntry("entered", entered.size());

        String back = new String(
                get("quangninh", "/api/indicators/values.sdmx.csv?unit=" + quangNinh + "&indicator=" + target),
                StandardCharsets.UTF_8);
        assertThat(back).startsWith("DATAFLOW,FREQ,REF_AREA");
        var again = new HashSet<String>();
        assertThat(observations(back, again)).isEqualTo(sent);
        assertThat(again).containsExactly(target);
    }
}
