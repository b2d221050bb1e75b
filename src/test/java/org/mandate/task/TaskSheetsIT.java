package org.mandate.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.mandate.support.Api.JSON;
import static org.mandate.support.Units.communes;
import static org.mandate.support.Units.provinceCoded;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.access.ApiTokens;
import org.mandate.shared.Csv;
import org.mandate.support.Api;
import org.mandate.support.LibreOffice;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Tasks to and from spreadsheets over HTTP, with files as offices make them: CSV typed by hand
 * and saved as .xlsx by LibreOffice for the imports, the export read back by LibreOffice.
 */
@MandateIT
class TaskSheetsIT {
    private static final String HEADER = "Nhiệm vụ,Mã đơn vị chủ trì,Mã đơn vị phối hợp,Người phụ trách,Ưu tiên,"
            + "Ngày bắt đầu,Hạn,Kết quả dự kiến,Số ký hiệu văn bản nguồn";
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu");

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

    private long taskCount() {
        return jdbc.sql("SELECT count(*) FROM task").query(Long.class).single();
    }

    /** The CSV as typed, saved as .xlsx by LibreOffice. */
    private Path xlsx(String name, String... lines) throws IOException, InterruptedException {
        Path csv = dir.resolve(name + ".csv");
        Files.writeString(csv, HEADER + "\n" + String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return LibreOffice.convert(csv, "xlsx");
    }

    private ResponseEntity<Map<String, Object>> upload(String user, Path file) {
        return Api.upload(as(user), "/api/tasks/import", file);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object items) {
        return (List<Map<String, Object>>) items;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> task(long id) {
        // as of a day after the December starts, when their deadlines are in force
        return (Map<String, Object>) as("quangninh")
                .get()
                .uri("/api/tasks/" + id + "?asOf=2027-01-01")
                .retrieve()
                .toEntity(JSON)
                .getBody()
                .get("task");
    }

    @Test
    void aSheetSavedByAnOfficeAssignsEveryRow() throws Exception {
        var qn = communes(jdbc, "22", 3);
        // the codes start with 0: Calc takes them for numbers and drops the zero, as offices see it do
        assertThat(qn.getFirst().code()).startsWith("0");
        String run = Long.toString(System.nanoTime(), 36);
        Path file = xlsx(
                "giao-viec",
                "\"Rà soát, cập nhật hộ nghèo " + run + "\"," + qn.get(0).code() + ","
                        + qn.get(1).code() + ";" + qn.get(2).code()
                        + ",Nguyễn Văn A,cao,2026-12-01,15/03/2027,Danh sách hộ nghèo,1026-KL/TU",
                "Tổng kết công tác dân vận " + run + ",TU-QN,,,thấp,,,,",
                "Kiểm tra an toàn thực phẩm " + run + "," + qn.get(1).code() + ",,Trần Thị B,normal,01/12/2026,"
                        + "2027-06-30,,",
                ",,,,,,,,",
                ",,,,,,,,");

        var response = upload("quangninh", file);
        assertThat(response.getStatusCode().value())
                .as("%s", response.getBody())
                .isEqualTo(201);
        assertThat(response.getBody()).containsEntry("created", 3);
        var ids = ((List<?>) response.getBody().get("ids"))
                .stream().map(id -> ((Number) id).longValue()).toList();

        var listed = as("quangninh")
                .get()
                .uri(b -> b.path("/api/tasks")
                        // lists show tasks begun by their day: these begin in December
                        .queryParam("asOf", "2027-01-01")
                        .queryParam("responsible", "Nguyễn Văn A")
                        .queryParam("size", 1000)
                        .build())
                .retrieve()
                .toEntity(JSON)
                .getBody();
        assertThat(list(listed.get("items")))
                .extracting(t -> t.get("title"))
                .contains("Rà soát, cập nhật hộ nghèo " + run);

        var first = task(ids.get(0));
        assertThat(first)
                .containsEntry("title", "Rà soát, cập nhật hộ nghèo " + run)
                .containsEntry("leadUnitId", ((Number) qn.get(0).id()).intValue())
                .containsEntry("priority", "high")
                .containsEntry("startOn", "2026-12-01")
                .containsEntry("deadline", "2027-03-15")
                .containsEntry("documentSymbol", "1026-KL/TU");
        @SuppressWarnings("unchecked")
        var detail = (List<Map<String, Object>>) as("quangninh")
                .get()
                .uri("/api/tasks/" + ids.get(0))
                .retrieve()
                .toEntity(JSON)
                .getBody()
                .get("coordinators");
        assertThat(detail)
                .extracting(u -> ((Number) u.get("id")).longValue())
                .containsExactlyInAnyOrder(qn.get(1).id(), qn.get(2).id());
        // no dates: it starts today and is ongoing
        assertThat(task(ids.get(1)))
                .containsEntry("startOn", Tasks.today().toString())
                .containsEntry("deadline", null)
                .containsEntry("status", "ongoing")
                .containsEntry("priority", "low");
        assertThat(task(ids.get(2))).containsEntry("startOn", "2026-12-01").containsEntry("deadline", "2027-06-30");
        // a list with no unit, held to the reader's scope, exports as it lists
        var exported = as("quangninh")
                .get()
                .uri(b -> b.path("/api/tasks.xlsx")
                        .queryParam("asOf", "2027-01-01")
                        .queryParam("responsible", "Trần Thị B")
                        .build())
                .retrieve()
                .toEntity(byte[].class);
        assertThat(exported.getStatusCode().value()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(exported.getBody()))) {
            var titles = new ArrayList<String>();
            workbook.getSheetAt(0).forEach(r -> titles.add(r.getCell(1).getStringCellValue()));
            assertThat(titles).contains("Kiểm tra an toàn thực phẩm " + run);
        }
    }

    @Test
    void aSheetWithBadRowsListsEveryOneAndAssignsNothing() throws Exception {
        var qn = communes(jdbc, "22", 3);
        String lead = qn.getFirst().code();
        Path file = xlsx(
                "sai",
                "Nhiệm vụ đúng," + lead + ",,,,,,,",
                "," + lead + ",,,,,,,",
                "Đơn vị không có,99999,,,,,,,",
                "Ngày sai," + lead + ",,,,32/13/2026,,,",
                "Hạn trước ngày bắt đầu," + lead + ",,,,2027-01-10,2027-01-09,,",
                "Ưu tiên lạ," + lead + ",,,gấp,,,,",
                "Văn bản không có," + lead + ",,,,,,,9999-KL/TU");
        long before = taskCount();

        var response = upload("quangninh", file);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        var problem = response.getBody();
        assertThat(problem).containsEntry("file", "sai.xlsx");
        assertThat((String) problem.get("detail")).contains("6 problems in 6 rows", "nothing was imported");
        assertThat(list(problem.get("errors")))
                .extracting(e -> e.get("row"), e -> e.get("column"))
                .containsExactly(
                        tuple(3, "Nhiệm vụ"),
                        tuple(4, "Mã đơn vị chủ trì"),
                        tuple(5, "Ngày bắt đầu"),
                        tuple(6, "Hạn"),
                        tuple(7, "Ưu tiên"),
                        tuple(8, "Số ký hiệu văn bản nguồn"));
        assertThat(list(problem.get("errors")))
                .extracting(e -> (String) e.get("reason"))
                .allSatisfy(reason -> assertThat(reason).isNotBlank())
                .contains("no unit has the code '99999' in the registry today");
        assertThat(taskCount()).isEqualTo(before);
    }

    @Test
    void aRowOutsideTheImportersScopeUndoesTheWholeImport() throws Exception {
        var qn = communes(jdbc, "22", 3);
        var hp = communes(jdbc, "31", 3);
        Path file = xlsx(
                "ngoai-pham-vi",
                "Trong phạm vi," + qn.getFirst().code() + ",,,,,,,",
                "Ngoài phạm vi," + hp.getFirst().code() + ",,,,,,,");
        long before = taskCount();

        var response = upload("quangninh", file);
        assertThat(response.getStatusCode().value()).isEqualTo(403);
        assertThat((String) response.getBody().get("detail"))
                .startsWith("Row 3 of ngoai-pham-vi.xlsx: quangninh may not assign tasks")
                .endsWith("nothing was imported");
        assertThat(taskCount()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotAWorkbookIsRefusedByName() throws IOException {
        Path csv = dir.resolve("danh-sach.csv");
        Files.writeString(csv, HEADER + "\nMột nhiệm vụ,TU-QN,,,,,,,\n", StandardCharsets.UTF_8);
        var response = upload("quangninh", csv);
        assertThat(response.getStatusCode().value()).isEqualTo(400);
        assertThat(response.getBody()).containsEntry("file", "danh-sach.csv");
        assertThat((String) response.getBody().get("detail")).contains("not an Excel workbook (.xlsx)");
        assertThat(upload(null, csv).getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void anExportedListReadsBackAsTheListSays() throws Exception {
        long quangNinh = provinceCoded(jdbc, "22");
        // as of a day when the Móng Cái session's tasks had every status
        String filters = "unit=" + quangNinh + "&subtree=true&asOf=2026-11-25";
        var json = list(as("quangninh")
                .get()
                .uri("/api/tasks?size=1000&" + filters)
                .retrieve()
                .toEntity(JSON)
                .getBody()
                .get("items"));
        assertThat(json).extracting(t -> t.get("status")).contains("overdue", "done_on_time", "ongoing");

        var export = as("quangninh")
                .get()
                .uri("/api/tasks.xlsx?" + filters)
                .retrieve()
                .toEntity(byte[].class);
        assertThat(export.getStatusCode().value()).isEqualTo(200);
        assertThat(export.getHeaders().getContentDisposition().getFilename()).isEqualTo("nhiem-vu-2026-11-25.xlsx");
        Path xlsx = dir.resolve("nhiem-vu-2026-11-25.xlsx");
        Files.write(xlsx, export.getBody());
        Path csv = LibreOffice.convert(xlsx, "csv:Text - txt - csv (StarCalc):44,34,76");
        var rows = Csv.parse("export.csv", Files.readString(csv, StandardCharsets.UTF_8), List.of("Mã", "Nhiệm vụ"));

        Map<String, String> words = Map.of(
                "in_progress", "Đang thực hiện",
                "overdue", "Quá hạn",
                "done_on_time", "Hoàn thành đúng hạn",
                "done_late", "Hoàn thành quá hạn",
                "ongoing", "Thường xuyên");
        var expected = json.stream()
                .map(t -> List.of(
                        String.valueOf(t.get("id")),
                        (String) t.get("title"),
                        shown(t.get("startOn")),
                        shown(t.get("deadline")),
                        shown(t.get("completedOn")),
                        String.valueOf(t.get("progress")),
                        words.get((String) t.get("status")),
                        t.get("documentSymbol") == null ? "" : (String) t.get("documentSymbol")))
                .toList();
        var read = rows.stream()
                .map(r -> List.of(
                        r.get("Mã"),
                        r.get("Nhiệm vụ"),
                        r.get("Ngày bắt đầu"),
                        r.get("Hạn"),
                        r.get("Ngày hoàn thành"),
                        r.get("Tiến độ (%)"),
                        r.get("Trạng thái"),
                        r.get("Văn bản")))
                .toList();
        assertThat(read).containsExactlyElementsOf(expected);
    }

    private static String shown(Object isoDate) {
        return isoDate == null ? "" : LocalDate.parse((String) isoDate).format(SHOWN);
    }

    @Test
    void anExportWithABadFilterNamesItAndSendsNoFile() {
        var bad = as("quangninh")
                .get()
                .uri("/api/tasks.xlsx?status=late")
                .retrieve()
                .toEntity(JSON);
        assertThat(bad.getStatusCode().value()).isEqualTo(400);
        assertThat(bad.getBody()).containsEntry("field", "status");
        assertThat(bad.getHeaders().getContentDisposition().getFilename()).isNull();
        assertThat(as(null).get()
                        .uri("/api/tasks.xlsx")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void theTemplateHasTheColumnsToFillAndItsInstructionsApart() throws IOException {
        var template =
                as("mongcai1").get().uri("/api/tasks/template.xlsx").retrieve().toEntity(byte[].class);
        assertThat(template.getStatusCode().value()).isEqualTo(200);
        assertThat(template.getHeaders().getContentType().toString())
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(template.getBody()))) {
            assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1)))
                    .containsExactly("Nhiệm vụ", "Hướng dẫn");
            var data = workbook.getSheet("Nhiệm vụ");
            List<String> header = new ArrayList<>();
            data.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(String.join(",", header)).isEqualTo(HEADER);
            // nothing to import by mistake: the example is in the instructions
            assertThat(data.getLastRowNum()).isZero();
            var guide = workbook.getSheet("Hướng dẫn");
            var example = new ArrayList<String>();
            guide.getRow(guide.getLastRowNum()).forEach(c -> example.add(c.toString()));
            assertThat(example).contains("06712", "1026-KL/TU");
        }
        assertThat(as(null).get()
                        .uri("/api/tasks/template.xlsx")
                        .retrieve()
                        .toBodilessEntity()
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }
}
