package org.mandate.indicator.web;

import java.util.HashMap;
import java.util.Locale;
import org.mandate.indicator.DocumentIndicators;
import org.mandate.organization.UnitCatalog;
import org.mandate.shared.InputProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The section of a document's page (loaded into it by htmx) that lists the indicators the
 * document defines and the targets it set, for the units the reader may see.
 */
@Controller
class DocumentIndicatorPages {
    private final DocumentIndicators indicators;
    private final UnitCatalog units;

    DocumentIndicatorPages(DocumentIndicators indicators, UnitCatalog units) {
        this.indicators = indicators;
        this.units = units;
    }

    @GetMapping("/indicators/of-document/{id}")
    String ofDocument(@PathVariable String id, Model model, Locale locale) {
        long document;
        try {
            document = Long.parseLong(id.strip());
        } catch (NumberFormatException e) {
            throw InputProblem.field("id", "'" + id + "' is not a document id");
        }
        var of = indicators.of(document);
        var names = new HashMap<Long, String>();
        of.targets().forEach(t -> names.computeIfAbsent(t.target().unit(), u -> UnitNames.name(units, u)));
        model.addAttribute("of", of);
        model.addAttribute("unitNames", names);
        model.addAttribute("english", locale.getLanguage().equals("en"));
        return "indicators/of-document :: indicators";
    }
}
