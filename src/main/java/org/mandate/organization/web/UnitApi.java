package org.mandate.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.LevelCount;
import org.mandate.organization.UnitCatalog;
import org.mandate.organization.UnitQuery;
import org.mandate.shared.InputProblem;
import org.mandate.shared.PageOf;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The registry over HTTP: units as of a date, their history and where they went. */
@RestController
@RequestMapping("/api/units")
class UnitApi {
    private static final Set<String> LOCALITY_LEVELS = Set.of("province", "district", "commune");

    private final UnitCatalog catalog;

    UnitApi(UnitCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    @Operation(summary = "Units as of a date, filtered by level, by a unit above them and by name")
    PageOf<UnitJson> find(
            @Parameter(description = "YYYY-MM-DD; today when absent") @RequestParam(required = false) @Nullable
                    String asOf,
            @Parameter(description = "province, district or commune") @RequestParam(required = false) @Nullable
                    String level,
            @Parameter(description = "code of a unit: only units below it, at any depth, as of the same date")
                    @RequestParam(required = false)
                    @Nullable
                    String parent,
            @Parameter(description = "name or code; ignores tone marks and case, tolerates typos")
                    @RequestParam(required = false)
                    @Nullable
                    String q,
            @RequestParam(required = false) @Nullable String hierarchy,
            @RequestParam(defaultValue = "0") String page,
            @RequestParam(defaultValue = "50") String size) {
        Hierarchy tree = Params.hierarchy(hierarchy);
        if (level != null && !level.isBlank() && tree == Hierarchy.LOCALITY && !LOCALITY_LEVELS.contains(level)) {
            throw InputProblem.field("level", "'" + level + "' is not one of province, district, commune");
        }
        var query = new UnitQuery(
                Params.date("asOf", asOf),
                tree,
                blankToNull(level),
                blankToNull(parent),
                blankToNull(q),
                Params.integer("page", page, 0, 1_000_000),
                Params.integer("size", size, 1, 500));
        var found = catalog.find(query);
        return new PageOf<>(
                found.total(), found.items().stream().map(UnitJson::of).toList());
    }

    @GetMapping("/counts")
    @Operation(summary = "How many units of each level stood on a date, in all or below a unit")
    List<LevelCount> counts(
            @RequestParam(required = false) @Nullable String asOf,
            @RequestParam(required = false) @Nullable String parent,
            @RequestParam(required = false) @Nullable String hierarchy) {
        return catalog.countsByLevel(Params.hierarchy(hierarchy), blankToNull(parent), Params.date("asOf", asOf));
    }

    @GetMapping("/{id}/history")
    @Operation(summary = "A unit's versions, predecessors, successors and events")
    HistoryJson history(@PathVariable String id) {
        return HistoryJson.of(catalog.history(Params.id(id)));
    }

    @GetMapping("/{id}/lineage")
    @Operation(summary = "Where a unit went (forward) or came from (back), through the successions")
    LineageJson lineage(@PathVariable String id, @RequestParam(defaultValue = "forward") String direction) {
        long unit = Params.id(id);
        return switch (direction) {
            case "forward" -> LineageJson.of(catalog.whereItWent(unit));
            case "back" -> LineageJson.of(catalog.whereItCameFrom(unit));
            default -> throw InputProblem.field("direction", "'" + direction + "' is not forward or back");
        };
    }

    private static @Nullable String blankToNull(@Nullable String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
