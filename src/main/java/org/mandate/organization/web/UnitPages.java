package org.mandate.organization.web;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.AdminUnitImport;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.UnitCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Server-rendered pages of the registry: search, the tree as of a date, a unit's history. */
@Controller
class UnitPages {
    private static final int SEARCH_LIMIT = 30;

    private final UnitCatalog catalog;
    private final AdminUnitImport adminUnits;

    UnitPages(UnitCatalog catalog, AdminUnitImport adminUnits) {
        this.catalog = catalog;
        this.adminUnits = adminUnits;
    }

    /** Search across all dates: a unit that no longer exists is found too, and marked so. */
    @GetMapping("/units/search")
    String search(@RequestParam(defaultValue = "") String q, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("results", catalog.searchAcrossTime(q, SEARCH_LIMIT));
        return "units/search";
    }

    @GetMapping("/units")
    String tree(
            @RequestParam(required = false) @Nullable String asOf,
            @RequestParam(required = false) @Nullable Long parent,
            @RequestParam(required = false) @Nullable String hierarchy,
            Model model) {
        LocalDate date = Params.date("asOf", asOf);
        Hierarchy tree = Params.hierarchy(hierarchy);
        model.addAttribute("hierarchy", tree.code());
        model.addAttribute("asOf", date);
        model.addAttribute("parent", parent);
        model.addAttribute("crumbs", parent == null ? java.util.List.of() : catalog.lineOfAncestors(parent, date));
        model.addAttribute("children", catalog.children(tree, parent, date));
        model.addAttribute("counts", catalog.countsByLevel(tree, null, date));
        return "units/tree";
    }

    @GetMapping("/units/summary")
    String summary(Model model) {
        LocalDate today = LocalDate.now();
        model.addAttribute("asOf", today);
        model.addAttribute("counts", catalog.countsByLevel(Hierarchy.LOCALITY, null, today));
        return "units/summary";
    }

    @GetMapping("/units/{id}")
    String unit(@PathVariable String id, Model model) {
        long unitId = Params.id(id);
        var history = catalog.history(unitId);
        model.addAttribute("history", history);
        model.addAttribute("unit", history.latest());
        model.addAttribute("wentTo", catalog.whereItWent(unitId).ends());
        model.addAttribute("cameFrom", catalog.whereItCameFrom(unitId).ends());
        return "units/unit";
    }

    @GetMapping("/imports")
    String imports(Model model) {
        model.addAttribute("report", adminUnits.lastReport().orElse(null));
        return "imports";
    }
}
