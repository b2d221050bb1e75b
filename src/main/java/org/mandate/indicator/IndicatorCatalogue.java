package org.mandate.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Grant;
import org.mandate.access.Role;
import org.mandate.access.Scope;
import org.mandate.access.Scopes;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.indicator.internal.IndicatorStore;
import org.mandate.organization.UnitCatalog;
import org.mandate.shared.AccessDenied;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.springframework.boot.json.JsonWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalogue of indicators (one for the whole country, kept by the offices), congress terms,
 * and the targets resolutions set for units. Everyone signed in reads the catalogue; an office or
 * an administrator adds to it; a unit's targets are set by the office over the unit.
 */
@Service
public class IndicatorCatalogue {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    private static final Pattern TERM = Pattern.compile("(\\d{4})-(\\d{4})");

    private final IndicatorStore store;
    private final Scopes scopes;
    private final AuditLog audit;
    private final UnitCatalog units;

    IndicatorCatalogue(IndicatorStore store, Scopes scopes, AuditLog audit, UnitCatalog units) {
        this.store = store;
        this.scopes = scopes;
        this.audit = audit;
        this.units = units;
    }

    @Transactional(readOnly = true)
    public List<Indicator> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Indicator get(String code) {
        return store.byCode(code).orElseThrow(() -> new NotFound("Indicator " + code + " was not found"));
    }

    @Transactional
    public Indicator create(NewIndicator n) {
        Scope scope = requireOffice("add indicators to the catalogue");
        if (!CODE.matcher(n.code()).matches()) {
            throw InputProblem.field(
                    "code", "'" + n.code() + "' is not a code: letters, digits, '_', '.', '-', at most 64");
        }
        if (n.nameVi().isBlank()) {
            throw InputProblem.field("nameVi", "the indicator has no Vietnamese name");
        }
        if (n.unitOfMeasure().isBlank()) {
            throw InputProblem.field("unitOfMeasure", "say what it is measured in (người, %, triệu đồng/người/năm...)");
        }
        if (!List.of("higher", "lower").contains(n.direction())) {
            throw InputProblem.field("direction", "'" + n.direction() + "' is not one of higher, lower");
        }
        Long weightId = null;
        if (n.rollup() == Rollup.WEIGHTED_AVERAGE) {
            if (n.weightIndicator() == null) {
                throw InputProblem.field("weightIndicator", "a weighted average needs the indicator that weighs it");
            }
            Indicator weight = store.byCode(n.weightIndicator())
                    .orElseThrow(() ->
                            InputProblem.field("weightIndicator", "there is no indicator " + n.weightIndicator()));
            if (weight.rollup() != Rollup.SUM || weight.periodType() != n.periodType()) {
                throw InputProblem.field(
                        "weightIndicator",
                        n.weightIndicator() + " must add up (rule sum) and be measured by "
                                + n.periodType().code());
            }
            weightId = weight.id();
        } else if (n.weightIndicator() != null) {
            throw InputProblem.field("weightIndicator", "only a weighted average has a weight");
        }
        if (n.documentId() != null && !store.documentExists(n.documentId())) {
            throw InputProblem.field("document", "there is no document " + n.documentId());
        }
        if (store.byCode(n.code()).isPresent()) {
            throw new Conflict("Indicator " + n.code() + " exists", "/api/indicators/" + n.code());
        }
        long id = store.insert(n, weightId, Indicators.actor(scope));
        audit.record(new AuditRecord(
                Indicators.actor(scope),
                "create",
                "indicator",
                id,
                null,
                JsonWriter.standard()
                        .writeToString(
                                Map.of("code", n.code(), "rollup", n.rollup().code())),
                null,
                null));
        return get(n.code());
    }

    @Transactional(readOnly = true)
    public List<Term> terms() {
        return store.terms();
    }

    @Transactional
    public Term createTerm(String code) {
        Scope scope = requireOffice("add congress terms");
        var m = TERM.matcher(code.strip());
        if (!m.matches() || Integer.parseInt(m.group(2)) <= Integer.parseInt(m.group(1))) {
            throw InputProblem.field("code", "'" + code + "' is not a term such as 2020-2025");
        }
        if (store.term(code.strip()).isPresent()) {
            throw new Conflict("Term " + code + " exists");
        }
        long id = store.insertTerm(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        audit.record(AuditRecord.of(Indicators.actor(scope), "create", "term", id, "{}"));
        return store.term(code.strip()).orElseThrow();
    }

    /** Sets a unit's target for a term (year null) or a year of it. */
    @Transactional
    public Target setTarget(
            String code,
            long unitId,
            String termCode,
            @Nullable Integer year,
            BigDecimal value,
            @Nullable Long documentId) {
        Scope scope = scopes.current();
        Indicator indicator = get(code);
        if (!units.exists(unitId)) {
            throw InputProblem.field("unit", "there is no unit " + unitId);
        }
        scopes.requireAct(unitId, "set targets of unit " + unitId, Role.ADMIN, Role.OFFICE);
        Term term = store.term(termCode).orElseThrow(() -> InputProblem.field("term", "there is no term " + termCode));
        if (year != null && (year < term.startYear() || year > term.endYear())) {
            throw InputProblem.field("year", year + " is not in the term " + term.code());
        }
        if (documentId != null && !store.documentExists(documentId)) {
            throw InputProblem.field("document", "there is no document " + documentId);
        }
        if (store.target(indicator.id(), unitId, term.id(), year).isPresent()) {
            throw new Conflict("Unit " + unitId + " already has a target of " + code + " for " + term.code()
                    + (year == null ? "" : " (" + year + ")"));
        }
        long id =
                store.insertTarget(indicator.id(), unitId, term.id(), year, value, documentId, Indicators.actor(scope));
        audit.record(new AuditRecord(
                Indicators.actor(scope),
                "set_target",
                "target",
                id,
                unitId,
                JsonWriter.standard()
                        .writeToString(Map.of("indicator", code, "term", term.code(), "value", value.toPlainString())),
                null,
                null));
        return store.target(indicator.id(), unitId, term.id(), year).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<Target> targets(String code, long unitId) {
        Indicator indicator = get(code);
        scopes.requireRead(unitId, "Unit " + unitId);
        return store.targets(indicator.id(), unitId);
    }

    /** The caller's scope, when it holds an office or administrator grant anywhere; else AccessDenied. */
    Scope requireOffice(String what) {
        Scope scope = scopes.current();
        boolean office = scope.grants().stream().map(Grant::role).anyMatch(r -> r == Role.ADMIN || r == Role.OFFICE);
        if (!office) {
            throw new AccessDenied((scope.signedIn() ? scope.username() : "An anonymous caller") + " may not " + what
                    + ": that needs an office or administrator grant");
        }
        return scope;
    }
}
