package org.mandate.indicator.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scopes;
import org.mandate.indicator.DataEntry;
import org.mandate.indicator.Indicators;
import org.mandate.indicator.ValueImport;
import org.mandate.shared.InputProblem;
import org.mandate.shared.RowProblems;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data-entry page of a unit for a period: type the figures, save them as drafts, submit them;
 * a leader approves them on the same page.
 */
@Controller
class DataEntryPages {
    private final DataEntry entry;
    private final ValueImport imports;
    private final Scopes scopes;

    DataEntryPages(DataEntry entry, ValueImport imports, Scopes scopes) {
        this.entry = entry;
        this.imports = imports;
        this.scopes = scopes;
    }

    @GetMapping("/indicators/entry")
    String form(
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(required = false) @Nullable String period,
            Model model) {
        Long shown = unit;
        if (shown == null) {
            // the first unit of the reader's grants
            shown = scopes.current().readRoots().stream().sorted().findFirst().orElse(null);
        }
        if (shown == null) {
            throw InputProblem.field("unit", "say which unit: /indicators/entry?unit=ID&period=2024");
        }
        String p = period == null || period.isBlank()
                ? Integer.toString(Indicators.today().getYear() - 1)
                : period.strip();
        model.addAttribute("form", entry.form(shown, p));
        return "indicators/entry";
    }

    /**
     * A file uploaded from the page (the template filled in, CSV, SDMX-CSV): imported, or shown
     * back with every problem at its row and column.
     */
    @PostMapping("/indicators/import")
    String upload(
            @RequestParam long unit,
            @RequestParam String period,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable String state,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        if (file == null || file.isEmpty()) {
            throw InputProblem.field("file", "choose the file to import");
        }
        String name =
                file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()
                        ? "file"
                        : file.getOriginalFilename();
        try (var in = file.getInputStream()) {
            var imported = imports.importFile(name, in, ValueImport.state(state));
            redirect.addAttribute("unit", unit);
            redirect.addAttribute("period", period);
            // flash attributes live in the session, which is stored: plain values only
            var shown = new LinkedHashMap<String, Object>();
            shown.put("file", imported.file());
            shown.put("entered", imported.entered());
            shown.put("corrected", imported.corrected());
            shown.put("unchanged", imported.unchanged());
            redirect.addFlashAttribute("imported", shown);
            return "redirect:/indicators/entry";
        } catch (RowProblems problems) {
            response.setStatus(400);
            model.addAttribute("form", entry.form(unit, period));
            model.addAttribute("problems", problems);
            return "indicators/entry";
        }
    }

    @PostMapping("/indicators/entry")
    String act(
            @RequestParam long unit,
            @RequestParam String period,
            @RequestParam String action,
            @RequestParam MultiValueMap<String, String> params,
            RedirectAttributes redirect) {
        int n = switch (action) {
            case "save" -> {
                var typed = new LinkedHashMap<String, String>();
                params.forEach((key, values) -> {
                    if (key.startsWith("value.") && !values.isEmpty()) {
                        typed.put(key.substring("value.".length()), values.getFirst());
                    }
                });
                yield entry.save(unit, period, typed);
            }
            case "submit" -> entry.submit(unit, period);
            case "approve" -> entry.approve(unit, period);
            default -> throw InputProblem.field("action", "'" + action + "' is not one of save, submit, approve");
        };
        redirect.addAttribute("unit", unit);
        redirect.addAttribute("period", period);
        redirect.addFlashAttribute("done", action);
        redirect.addFlashAttribute("count", n);
        return "redirect:/indicators/entry";
    }
}
