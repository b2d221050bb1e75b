package org.mandate.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.mandate.shared.InputProblem;
import org.mandate.shared.PageOf;

/** The export reads every page, writes every row as the sheet's columns say, and refuses huge lists. */
class TaskExportTest {

    private static TaskRow row(long id) {
        return new TaskRow(
                id,
                "Nhiệm vụ " + id,
                7,
                "Phường Móng Cái 1",
                id % 2 == 0 ? "Nguyễn Văn A" : null,
                "high",
                LocalDate.of(2026, 1, 15),
                id % 2 == 0 ? LocalDate.of(2026, 12, 31) : null,
                null,
                40,
                id % 2 == 0 ? TaskStatus.IN_PROGRESS : TaskStatus.ONGOING,
                null,
                id % 2 == 0 ? "1026-KL/TU" : null,
                null,
                null);
    }

    @Test
    void everyPageIsReadUntilTheLastAndEveryRowWritten() throws IOException {
        long total = 2 * TaskExport.PAGE + 500;
        var asked = new ArrayList<Integer>();
        byte[] xlsx = TaskExport.workbook(page -> {
            asked.add(page);
            long from = (long) page * TaskExport.PAGE;
            return new PageOf<>(
                    total,
                    LongStream.range(from, Math.min(total, from + TaskExport.PAGE))
                            .mapToObj(TaskExportTest::row)
                            .toList());
        });
        assertThat(asked).containsExactly(0, 1, 2);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheet("Nhiệm vụ");
            assertThat(sheet.getLastRowNum()).isEqualTo((int) total);
            List<String> header = new ArrayList<>();
            sheet.getRow(0).forEach(c -> header.add(c.getStringCellValue()));
            assertThat(header)
                    .containsExactly(
                            "Mã",
                            "Nhiệm vụ",
                            "Đơn vị chủ trì",
                            "Người phụ trách",
                            "Ưu tiên",
                            "Ngày bắt đầu",
                            "Hạn",
                            "Ngày hoàn thành",
                            "Tiến độ (%)",
                            "Trạng thái",
                            "Văn bản");
            Row second = sheet.getRow(3);
            assertThat(second.getCell(0).getNumericCellValue()).isEqualTo(2);
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo("Nhiệm vụ 2");
            assertThat(second.getCell(4).getStringCellValue()).isEqualTo("Cao");
            assertThat(DateUtil.isCellDateFormatted(second.getCell(6))).isTrue();
            assertThat(second.getCell(6).getCellStyle().getDataFormatString()).isEqualTo("dd/mm/yyyy");
            assertThat(second.getCell(6).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(LocalDate.of(2026, 12, 31));
            assertThat(second.getCell(7)).isNull();
            assertThat(second.getCell(8).getNumericCellValue()).isEqualTo(40);
            assertThat(second.getCell(9).getStringCellValue()).isEqualTo("Đang thực hiện");
            assertThat(second.getCell(10).getStringCellValue()).isEqualTo("1026-KL/TU");
            assertThat(sheet.getRow(2).getCell(9).getStringCellValue()).isEqualTo("Thường xuyên");
            assertThat(sheet.getRow((int) total).getCell(0).getNumericCellValue())
                    .isEqualTo(total - 1);
        }
    }

    @Test
    void aListLongerThanTheLimitIsRefusedBeforeAnyRowIsWritten() {
        assertThatThrownBy(() -> TaskExport.workbook(page -> new PageOf<>(TaskExport.MAX_ROWS + 1, List.of(row(1)))))
                .isInstanceOf(InputProblem.class)
                .hasMessage("the list holds 100001 tasks and an export holds at most 100000: narrow it by unit,"
                        + " status, source document or deadlines");
    }
}
