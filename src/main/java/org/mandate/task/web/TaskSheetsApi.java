package org.mandate.task.web;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.shared.InputProblem;
import org.mandate.task.TaskExport;
import org.mandate.task.TaskImport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Task lists as spreadsheets, and tasks assigned from one; held to the caller's scope like the list. */
@RestController
class TaskSheetsApi {
    static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    private final TaskExport export;
    private final TaskImport imports;

    TaskSheetsApi(TaskExport export, TaskImport imports) {
        this.export = export;
        this.imports = imports;
    }

    @GetMapping("/api/tasks.xlsx")
    @Operation(
            summary = "Every task of a list as an .xlsx file: the filters of GET /api/tasks, all pages, at most"
                    + " 100,000 tasks")
    ResponseEntity<byte[]> export(
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String asOf,
            @RequestParam(required = false) @Nullable Long source,
            @RequestParam(required = false) @Nullable String responsible,
            @RequestParam(required = false) @Nullable String deadlineFrom,
            @RequestParam(required = false) @Nullable String deadlineTo,
            @RequestParam(required = false) @Nullable Long meeting) {
        var query = TaskForms.query(
                unit,
                subtree,
                status,
                asOf,
                source,
                responsible,
                deadlineFrom,
                deadlineTo,
                meeting,
                0,
                TaskForms.MAX_PAGE_SIZE);
        // named after the day the statuses are as of: today unless asOf says otherwise
        return xlsx("nhiem-vu-" + query.asOf() + ".xlsx", export.workbook(query));
    }

    @GetMapping("/api/tasks/template.xlsx")
    @Operation(summary = "The .xlsx template to assign tasks from, with a sheet of instructions and an example")
    ResponseEntity<byte[]> template() {
        return xlsx("mau-nhap-nhiem-vu.xlsx", imports.template());
    }

    record Imported(int created, List<Long> ids) {}

    @PostMapping(path = "/api/tasks/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Assign the tasks of a filled-in template (part 'file'): all or none; 400 lists every bad"
                    + " row with its column and reason, 403 names a row outside your scope")
    ResponseEntity<Imported> importSheet(@RequestPart(name = "file", required = false) @Nullable MultipartFile file)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InputProblem.field("file", "attach the filled-in template (.xlsx) as the part 'file'");
        }
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "file"
                        : file.getOriginalFilename();
        var ids = imports.importSheet(name, file.getBytes());
        return ResponseEntity.status(201).body(new Imported(ids.size(), ids));
    }

    private static ResponseEntity<byte[]> xlsx(String filename, byte[] bytes) {
        return ResponseEntity.ok()
                .contentType(XLSX)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(filename)
                                .build()
                                .toString())
                .body(bytes);
    }
}
