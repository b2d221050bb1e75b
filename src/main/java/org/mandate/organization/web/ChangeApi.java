package org.mandate.organization.web;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.ApparatusChanges;
import org.mandate.organization.Change;
import org.mandate.organization.NewUnit;
import org.mandate.organization.SplitPart;
import org.mandate.shared.InputProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Changes of the apparatus over HTTP. Every request names its effective date (YYYY-MM-DD) and
 * legal basis; bad fields are 400 problem details naming the field, contradictions of the record
 * (a dissolved unit, a cycle, a change out of date order) are 409.
 */
@RestController
@RequestMapping("/api")
class ChangeApi {
    private final ApparatusChanges changes;

    ChangeApi(ApparatusChanges changes) {
        this.changes = changes;
    }

    record Dated(
            @Nullable String effectiveDate,
            @Nullable String legalBasis,
            @Nullable String note) {}

    record UnitRequest(
            @Nullable String hierarchy,
            @Nullable String code,
            @Nullable String name,
            @Nullable String fullName,
            @Nullable String nameEn,
            @Nullable String level,
            @Nullable String kind,
            @Nullable Long parentId,
            @Nullable Long localityId,
            @Nullable String effectiveDate,
            @Nullable String legalBasis,
            @Nullable String note) {

        NewUnit unit() {
            return new NewUnit(
                    Params.hierarchy(hierarchy),
                    text(code),
                    text(name),
                    text(fullName),
                    nameEn,
                    text(level),
                    text(kind),
                    parentId,
                    localityId);
        }

        Dated dated() {
            return new Dated(effectiveDate, legalBasis, note);
        }
    }

    record RenameRequest(
            @Nullable String name,
            @Nullable String fullName,
            @Nullable String nameEn,
            @Nullable String effectiveDate,
            @Nullable String legalBasis,
            @Nullable String note) {}

    record KindRequest(
            @Nullable String kind,
            @Nullable String effectiveDate,
            @Nullable String legalBasis,
            @Nullable String note) {}

    record TransferRequest(
            @Nullable Long parentId,
            @Nullable String effectiveDate,
            @Nullable String legalBasis,
            @Nullable String note) {}

    record MergeRequest(
            @Nullable List<Long> predecessorIds,
            @Nullable Long successorId,
            @Nullable UnitRequest newSuccessor,
            @Nullable String effectiveDate,
            @Nullable String legalBasis,
            @Nullable String note) {}

    record PartRequest(
            @Nullable Long unitId,
            @Nullable UnitRequest newUnit,
            @Nullable BigDecimal weight) {}

    record SplitRequest(
            @Nullable List<PartRequest> parts,
            @Nullable Boolean continues,
            @Nullable String effectiveDate,
            @Nullable String legalBasis,
            @Nullable String note) {}

    @PostMapping("/units")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Establish a unit")
    Map<String, Long> establish(@RequestBody UnitRequest request, @Nullable Principal who) {
        return Map.of("id", changes.establish(request.unit(), change(request.dated(), who)));
    }

    @PostMapping("/units/{id}/rename")
    @Operation(summary = "Rename a unit from a date on")
    Map<String, Long> rename(@PathVariable String id, @RequestBody RenameRequest r, @Nullable Principal who) {
        long unit = Params.id(id);
        changes.rename(
                unit,
                text(r.name()),
                text(r.fullName()),
                r.nameEn(),
                change(new Dated(r.effectiveDate(), r.legalBasis(), r.note()), who));
        return Map.of("id", unit);
    }

    @PostMapping("/units/{id}/kind")
    @Operation(summary = "Change the kind of a unit from a date on")
    Map<String, Long> changeKind(@PathVariable String id, @RequestBody KindRequest r, @Nullable Principal who) {
        long unit = Params.id(id);
        changes.changeKind(unit, text(r.kind()), change(new Dated(r.effectiveDate(), r.legalBasis(), r.note()), who));
        return Map.of("id", unit);
    }

    @PostMapping("/units/{id}/transfer")
    @Operation(summary = "Move a unit and everything under it under another parent")
    Map<String, Long> transfer(@PathVariable String id, @RequestBody TransferRequest r, @Nullable Principal who) {
        long unit = Params.id(id);
        if (r.parentId() == null) {
            throw InputProblem.field("parentId", "a value is required");
        }
        changes.transfer(unit, r.parentId(), change(new Dated(r.effectiveDate(), r.legalBasis(), r.note()), who));
        return Map.of("id", unit);
    }

    @PostMapping("/units/{id}/dissolve")
    @Operation(summary = "Dissolve a unit")
    Map<String, Long> dissolve(@PathVariable String id, @RequestBody Dated r, @Nullable Principal who) {
        long unit = Params.id(id);
        changes.dissolve(unit, change(r, who));
        return Map.of("id", unit);
    }

    @PostMapping("/merges")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Merge units into an existing or a new unit")
    Map<String, Long> merge(@RequestBody MergeRequest r, @Nullable Principal who) {
        long target = changes.merge(
                r.predecessorIds() == null ? List.of() : r.predecessorIds(),
                r.successorId(),
                r.newSuccessor() == null ? null : r.newSuccessor().unit(),
                change(new Dated(r.effectiveDate(), r.legalBasis(), r.note()), who));
        return Map.of("id", target);
    }

    @PostMapping("/units/{id}/split")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Split a unit into existing or new units")
    Map<String, List<Long>> split(@PathVariable String id, @RequestBody SplitRequest r, @Nullable Principal who) {
        List<SplitPart> parts = r.parts() == null
                ? List.of()
                : r.parts().stream()
                        .map(p -> new SplitPart(
                                p.unitId(),
                                p.newUnit() == null ? null : p.newUnit().unit(),
                                p.weight()))
                        .toList();
        var ids = changes.split(
                Params.id(id),
                parts,
                Boolean.TRUE.equals(r.continues()),
                change(new Dated(r.effectiveDate(), r.legalBasis(), r.note()), who));
        return Map.of("ids", ids);
    }

    private static Change change(Dated dated, @Nullable Principal who) {
        if (dated.effectiveDate() == null || dated.effectiveDate().isBlank()) {
            throw InputProblem.field("effectiveDate", "a value is required (YYYY-MM-DD)");
        }
        return new Change(
                Params.date("effectiveDate", dated.effectiveDate()),
                text(dated.legalBasis()),
                who == null ? "anonymous" : who.getName(),
                dated.note());
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }
}
