package org.mandate.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mandate.organization.AdminUnitImport;
import org.mandate.organization.ChangeGuard;
import org.mandate.organization.ImportReport;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The administrative-unit import over HTTP: its report, and an upload of the files. */
@RestController
@RequestMapping("/api/imports/admin-units")
class ImportApi {
    private final AdminUnitImport adminUnits;
    private final ChangeGuard guard;

    ImportApi(AdminUnitImport adminUnits, ChangeGuard guard) {
        this.adminUnits = adminUnits;
        this.guard = guard;
    }

    @GetMapping
    @Operation(summary = "The report of the import that built the registry, with every finding")
    ImportReport last() {
        return adminUnits.lastReport().orElseThrow(() -> new NotFound("No administrative units have been imported"));
    }

    /**
     * Imports uploaded files (admin-units-YYYY-MM-DD.csv and succession-YYYY-MM-DD.csv, UTF-8 with or
     * without BOM): all or nothing. The same files as before change nothing; others are refused (409).
     */
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import administrative-unit files, all or nothing")
    ImportReport upload(@RequestParam("files") List<MultipartFile> files, Principal who) {
        // the import builds the whole country's history: only a user with the whole country may run it
        guard.check(who.getName(), null, LocalDate.now());
        Map<String, String> texts = new LinkedHashMap<>();
        for (MultipartFile file : files) {
            String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
            texts.put(name, utf8(name, file));
        }
        return adminUnits.importFiles(texts);
    }

    private static String utf8(String name, MultipartFile file) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(file.getBytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new InputProblem(name, 0, null, "not UTF-8 text; save the file as CSV UTF-8");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
