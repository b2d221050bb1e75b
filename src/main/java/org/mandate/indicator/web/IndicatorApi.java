package org.mandate.indicator.web;

import static org.mandate.indicator.web.WebParams.blankToNull;
import static org.mandate.indicator.web.WebParams.parse;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.indicator.Indicator;
import org.mandate.indicator.IndicatorCatalogue;
import org.mandate.indicator.Indicators;
import org.mandate.indicator.NewIndicator;
import org.mandate.indicator.NewValue;
import org.mandate.indicator.PeriodType;
import org.mandate.indicator.Rollup;
import org.mandate.indicator.Target;
import org.mandate.indicator.Term;
import org.mandate.indicator.ValueRecord;
import org.mandate.indicator.ValueSeries;
import org.mandate.indicator.View;
import org.mandate.shared.InputProblem;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Indicators, their values and targets over HTTP; every call is held to the caller's scope and role. */
@RestController
class IndicatorApi {
    private final IndicatorCatalogue catalogue;
    private final Indicators indicators;

    IndicatorApi(IndicatorCatalogue catalogue, Indicators indicators) {
        this.catalogue = catalogue;
        this.indicators = indicators;
    }

    @GetMapping("/api/indicators")
    @Operation(summary = "The catalogue of indicators")
    List<Indicator> all() {
        return catalogue.all();
    }

    record IndicatorRequest(
            @Nullable String code,
            @Nullable String nameVi,
            @Nullable String nameEn,
            @Nullable String unitOfMeasure,
            @Nullable String direction,
            @Nullable String periodType,
            @Nullable String rollup,
            @Nullable String weightIndicator,
            @Nullable Long document) {}

    @PostMapping("/api/indicators")
    @Operation(summary = "Add an indicator: code, names, unit of measure, direction, period type, roll-up rule")
    ResponseEntity<Indicator> create(@RequestBody IndicatorRequest r) {
        var created = catalogue.create(new NewIndicator(
                required("code", r.code()),
                required("nameVi", r.nameVi()),
                blankToNull(r.nameEn()),
                required("unitOfMeasure", r.unitOfMeasure()),
                required("direction", r.direction()),
                parse("periodType", required("periodType", r.periodType()), PeriodType::of),
                parse("rollup", required("rollup", r.rollup()), Rollup::of),
                blankToNull(r.weightIndicator()),
                r.document()));
        return ResponseEntity.created(URI.create("/api/indicators/" + created.code()))
                .body(created);
    }

    @GetMapping("/api/indicators/{code}")
    @Operation(summary = "One indicator of the catalogue")
    Indicator get(@PathVariable String code) {
        return catalogue.get(code);
    }

    @GetMapping("/api/indicators/{code}/values")
    @Operation(
            summary = "Figures of a unit (with subtree: rolled up, and those of the units under it) for periods"
                    + " from..to, as it was (the hierarchy of each period) or as it is now (through the succession)")
    ValueSeries values(
            @PathVariable String code,
            @RequestParam(required = false) @Nullable Long unit,
            @RequestParam(defaultValue = "false") boolean subtree,
            @RequestParam(required = false) @Nullable String from,
            @RequestParam(required = false) @Nullable String to,
            @RequestParam(defaultValue = "as_was") String view,
            @Parameter(description = "with no unit: only the top N levels (1: the provinces side by side)")
                    @RequestParam(required = false)
                    @Nullable
                    Integer levels) {
        View parsed = WebParams.view(view);
        if (levels == null) {
            return indicators.values(code, unit, subtree, blankToNull(from), blankToNull(to), parsed);
        }
        if (unit != null) {
            throw InputProblem.field("levels", "applies to a read of every unit (no unit): leave it out with unit");
        }
        return indicators.values(code, null, true, blankToNull(from), blankToNull(to), parsed, levels);
    }

    record ValueRequest(
            @Nullable Long unit,
            @Nullable String period,
            @Nullable BigDecimal value,
            @Nullable String note) {}

    /** One value (unit, period, value, note) or many ({@code values}). */
    record ValuesRequest(
            @Nullable Long unit,
            @Nullable String period,
            @Nullable BigDecimal value,
            @Nullable String note,
            @Nullable List<ValueRequest> values) {}

    @PostMapping("/api/indicators/{code}/values")
    @Operation(summary = "Enter values as drafts: one (unit, period, value, note) or many at once (values: [...])")
    ResponseEntity<Map<String, Object>> enter(@PathVariable String code, @RequestBody ValuesRequest r) {
        var entered = new ArrayList<NewValue>();
        if (r.values() != null) {
            for (int i = 0; i < r.values().size(); i++) {
                var v = r.values().get(i);
                entered.add(newValue("values[" + i + "].", v.unit(), v.period(), v.value(), v.note()));
            }
        } else {
            entered.add(newValue("", r.unit(), r.period(), r.value(), r.note()));
        }
        var ids = indicators.enter(code, entered);
        return ResponseEntity.status(201).body(Map.of("ids", ids));
    }

    @GetMapping("/api/indicators/{code}/values/{id}")
    @Operation(summary = "One stored value, current or superseded by a correction")
    ValueRecord value(@PathVariable String code, @PathVariable String id) {
        return indicators.value(code, id("id", id));
    }

    @GetMapping("/api/indicators/{code}/history")
    @Operation(summary = "Every value entered for a unit (in a period), corrections included")
    List<ValueRecord> history(
            @PathVariable String code,
            @RequestParam long unit,
            @RequestParam(required = false) @Nullable String period) {
        return indicators.history(code, unit, blankToNull(period));
    }

    record Correction(@Nullable BigDecimal value, @Nullable String note) {}

    @PostMapping("/api/indicators/{code}/values/{id}/correct")
    @Operation(summary = "Correct a value: a new draft replaces it; the earlier value stays on record")
    ResponseEntity<Map<String, Object>> correct(
            @PathVariable String code, @PathVariable String id, @RequestBody Correction c) {
        if (c.value() == null) {
            throw InputProblem.field("value", "missing: the corrected figure");
        }
        long corrected = indicators.correct(code, id("id", id), c.value(), c.note());
        return ResponseEntity.created(URI.create("/api/indicators/" + code + "/values/" + corrected))
                .body(Map.of("id", corrected));
    }

    @PostMapping("/api/indicators/{code}/values/{id}/submit")
    @Operation(summary = "Submit a draft value for approval (the unit's reporters, the office)")
    ResponseEntity<Void> submit(@PathVariable String code, @PathVariable String id) {
        indicators.submit(code, id("id", id));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/indicators/{code}/values/{id}/approve")
    @Operation(summary = "Approve a submitted value (a leader over the unit)")
    ResponseEntity<Void> approve(@PathVariable String code, @PathVariable String id) {
        indicators.approve(code, id("id", id));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/indicators/{code}/targets")
    @Operation(summary = "A unit's targets of the indicator, by term and year")
    List<Target> targets(@PathVariable String code, @RequestParam long unit) {
        return catalogue.targets(code, unit);
    }

    record TargetRequest(
            @Nullable Long unit,
            @Nullable String term,
            @Nullable Integer year,
            @Nullable BigDecimal value,
            @Nullable Long document) {}

    @PostMapping("/api/indicators/{code}/targets")
    @Operation(summary = "Set a unit's target for a term (no year) or a year of it, with the resolution that sets it")
    ResponseEntity<Target> setTarget(@PathVariable String code, @RequestBody TargetRequest r) {
        if (r.unit() == null) {
            throw InputProblem.field("unit", "missing: the unit the target is set for");
        }
        if (r.value() == null) {
            throw InputProblem.field("value", "missing: the target figure");
        }
        return ResponseEntity.status(201)
                .body(catalogue.setTarget(
                        code, r.unit(), required("term", r.term()), r.year(), r.value(), r.document()));
    }

    @GetMapping("/api/terms")
    @Operation(summary = "Congress terms")
    List<Term> terms() {
        return catalogue.terms();
    }

    record TermRequest(@Nullable String code) {}

    @PostMapping("/api/terms")
    @Operation(summary = "Add a congress term such as 2025-2030")
    ResponseEntity<Term> createTerm(@RequestBody TermRequest r) {
        return ResponseEntity.status(201).body(catalogue.createTerm(required("code", r.code())));
    }

    private static NewValue newValue(
            String prefix,
            @Nullable Long unit,
            @Nullable String period,
            @Nullable BigDecimal value,
            @Nullable String note) {
        if (unit == null) {
            throw InputProblem.field(prefix + "unit", "missing: the unit the value is for");
        }
        if (value == null) {
            throw InputProblem.field(prefix + "value", "missing: the figure");
        }
        return new NewValue(unit, required(prefix + "period", period), value, note);
    }

    private static String required(String field, @Nullable String text) {
        if (text == null || text.isBlank()) {
            throw InputProblem.field(field, "missing");
        }
        return text.strip();
    }

    private static long id(String field, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw InputProblem.field(field, "'" + text + "' is not an id");
        }
    }
}
