package org.mandate.indicator.web;

import static org.mandate.indicator.web.WebParams.blankToNull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.ValueExports;
import org.mandate.indicator.ValueExports.Format;
import org.mandate.indicator.ValueImport;
import org.mandate.indicator.View;
import org.mandate.shared.InputProblem;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Values to and from files: the template, the import, and exports as .xlsx, CSV and SDMX-CSV. */
@RestController
class IndicatorExchangeApi {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String CSV = "text/csv;charset=UTF-8";

    private final ValueImport imports;
    private final ValueExports exports;

    IndicatorExchangeApi(ValueImport imports, ValueExports exports) {
        this.imports = imports;
        this.exports = exports;
    }

    @GetMapping("/api/indicators/template.xlsx")
    @Operation(
            summary = "The .xlsx template of a unit (with subtree: and every unit under it) for a period: a row per"
                    + " indicator of the period's type, current values filled in")
    ResponseEntity<byte[]> template(
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String period,
            @RequestParam(defaultValue = "false") boolean subtree) {
        if (unit == null) {
            throw InputProblem.field("unit", "missing: the unit the template is for");
        }
        if (period == null || period.isBlank()) {
            throw InputProblem.field("period", "missing: the period (2024, 2024-Q1, 2024-03)");
        }
        byte[] bytes = exports.template(unit, period.strip(), subtree);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        attachment("mau-so-lieu-" + unit + "-" + period.strip() + ".xlsx"))
                .body(bytes);
    }

    @PostMapping(path = "/api/indicators/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import values from a file (part 'file'): the template (.xlsx), CSV (comma or semicolon, UTF-8)"
                    + " or SDMX-CSV; all or none: 400 lists every bad row with its column and reason")
    ResponseEntity<ValueImport.Imported> importFile(
            @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
            @Parameter(description = "draft (the default), submitted (reporters, offices) or approved (leaders)")
                    @RequestParam(required = false)
                    @Nullable
                    String state)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InputProblem.field("file", "attach the file (.xlsx or .csv) as the part 'file'");
        }
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "file"
                        : file.getOriginalFilename();
        try (var in = file.getInputStream()) {
            return ResponseEntity.status(201).body(imports.importFile(name, in, ValueImport.state(state)));
        }
    }

    @GetMapping({
        "/api/indicators/{code}/values.xlsx",
        "/api/indicators/{code}/values.csv",
        "/api/indicators/{code}/values.sdmx.csv"
    })
    @Operation(
            summary = "A read of GET /api/indicators/{code}/values as a file: .xlsx, .csv (UTF-8 with BOM, CRLF) or"
                    + " .sdmx.csv (SDMX-CSV; version=1.0 or 2.0)")
    void view(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "as_was") String view,
            @RequestParam(defaultValue = "1.0") String version,
            jakarta.servlet.http.HttpServletRequest request,
            HttpServletResponse response)
            throws IOException {
        String uri = request.getRequestURI();
        Format format = uri.endsWith(".xlsx") ? Format.XLSX : uri.endsWith(".sdmx.csv") ? sdmx(version) : Format.CSV;
        View v = WebParams.view(view);
        // the read is checked before anything is sent, so that a bad query is a problem detail
        var buffer = new java.io.ByteArrayOutputStream();
        exports.view(code, unit, subtree, blankToNull(from), blankToNull(to), v, format, buffer);
        String name = code + "-" + v.code() + extension(format);
        send(response, format, name, buffer.toByteArray());
    }

    @GetMapping("/api/indicators/values.sdmx.csv")
    @Operation(
            summary = "Stored values (as reported, not rolled up) of the unit or its subtree as SDMX-CSV, for"
                    + " statistical offices; indicator=CODE,CODE (default all), from/to periods, version=1.0|2.0")
    void stored(
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(defaultValue = "true") boolean subtree,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String indicator,
            @RequestParam(defaultValue = "1.0") String version,
            HttpServletResponse response)
            throws IOException {
        Format format = sdmx(version);
        List<String> codes = indicator == null || indicator.isBlank()
                ? List.of()
                : Arrays.stream(indicator.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .toList();
        var buffer = new java.io.ByteArrayOutputStream();
        exports.stored(unit, subtree, blankToNull(from), blankToNull(to), codes, format, buffer);
        send(response, format, "chi-tieu" + (unit == null ? "" : "-" + unit) + ".sdmx.csv", buffer.toByteArray());
    }

    private static void send(HttpServletResponse response, Format format, String name, byte[] bytes)
            throws IOException {
        response.setContentType(format == Format.XLSX ? XLSX : CSV);
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(name));
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    private static Format sdmx(String version) {
        return switch (version.strip()) {
            case "1.0", "1" -> Format.SDMX_1;
            case "2.0", "2" -> Format.SDMX_2;
            default -> throw InputProblem.field("version", "'" + version + "' is not an SDMX-CSV version: 1.0 or 2.0");
        };
    }

    private static String extension(Format format) {
        return switch (format) {
            case XLSX -> ".xlsx";
            case CSV -> ".csv";
            case SDMX_1, SDMX_2 -> ".sdmx.csv";
        };
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment().filename(name).build().toString();
    }
}
