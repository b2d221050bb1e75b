package org.mandate.indicator;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Role;
import org.mandate.access.Scope;
import org.mandate.access.Scopes;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.indicator.internal.ValueReads;
import org.mandate.indicator.internal.ValueStore;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.springframework.boot.json.JsonWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The values units report, and their reads. A unit's reporters (and the office) enter and submit
 * its values, a leader over it (or an administrator) approves them; a correction replaces the
 * current value with a new draft and keeps the earlier one on record. Reads are held to the
 * reader's scope and roll values up "as it was" or "as it is now" ({@link View}). The catalogue,
 * terms and targets are {@link IndicatorCatalogue}.
 */
@Service
public class Indicators {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final int MAX_PERIODS = 240;

    private final IndicatorCatalogue catalogue;
    private final ValueStore values;
    private final ValueReads reads;
    private final Scopes scopes;
    private final AuditLog audit;

    Indicators(IndicatorCatalogue catalogue, ValueStore values, ValueReads reads, Scopes scopes, AuditLog audit) {
        this.catalogue = catalogue;
        this.values = values;
        this.reads = reads;
        this.scopes = scopes;
        this.audit = audit;
    }

    public static LocalDate today() {
        return LocalDate.now(VIETNAM);
    }

    /**
     * Enters values as drafts, one or many in one statement (a whole province's communes at
     * once); every unit must be in the caller's scope and must have existed in the period.
     */
    @Transactional
    public List<Long> enter(String code, List<NewValue> entered) {
        Scope scope = scopes.current();
        Indicator indicator = catalogue.get(code);
        if (entered.isEmpty()) {
            throw InputProblem.field("values", "no values were given");
        }
        var normalised = new ArrayList<NewValue>(entered.size());
        var seen = new HashSet<String>();
        for (int i = 0; i < entered.size(); i++) {
            NewValue v = entered.get(i);
            String field = entered.size() == 1 ? "period" : "values[" + i + "].period";
            Period period = period(field, v.period(), indicator.periodType());
            if (!seen.add(v.unitId() + "/" + period)) {
                throw InputProblem.field(field, "unit " + v.unitId() + " has two values for " + period);
            }
            normalised.add(new NewValue(v.unitId(), period.toString(), v.value(), blankToNull(v.note())));
        }
        for (long unit : normalised.stream().map(NewValue::unitId).collect(Collectors.toSet())) {
            scopes.requireAct(unit, "enter values for unit " + unit, Role.ADMIN, Role.OFFICE, Role.REPORTER);
        }
        int absent = values.firstUnitAbsentInPeriod(normalised);
        if (absent >= 0) {
            var v = normalised.get(absent);
            throw InputProblem.field(
                    entered.size() == 1 ? "unit" : "values[" + absent + "].unit",
                    "unit " + v.unitId() + " did not exist in " + v.period());
        }
        values.raiseEpochs(indicator.id(), normalised);
        var existing = values.existing(indicator.id(), normalised);
        if (!existing.isEmpty()) {
            var first = existing.entrySet().iterator().next();
            throw new Conflict(
                    "Unit/period " + first.getKey() + " already has a value (" + existing.size()
                            + " of these do); correct it instead",
                    "/api/indicators/" + code + "/values/" + first.getValue());
        }
        var ids = values.insert(indicator.id(), normalised, actor(scope));
        Long unit = normalised.size() == 1 ? normalised.getFirst().unitId() : null;
        audit.record(new AuditRecord(
                actor(scope),
                "enter_values",
                "indicator",
                indicator.id(),
                unit,
                JsonWriter.standard().writeToString(Map.of("values", ids.size(), "ids", ids)),
                null,
                null));
        return ids;
    }

    /** Replaces the current value with a new draft; the earlier value stays on record. */
    @Transactional
    public long correct(String code, long valueId, BigDecimal value, @Nullable String note) {
        Scope scope = scopes.current();
        var old = current(code, valueId);
        scopes.requireAct(old.unit(), "correct values of unit " + old.unit(), Role.ADMIN, Role.OFFICE, Role.REPORTER);
        String before = values.snapshot(valueId);
        long id = values.correct(valueId, value, blankToNull(note), actor(scope));
        audit.record(new AuditRecord(
                actor(scope),
                "correct_value",
                "indicator_value",
                id,
                old.unit(),
                JsonWriter.standard().writeToString(Map.of("replaces", valueId)),
                before,
                values.snapshot(id)));
        return id;
    }

    /** The unit sends a draft for approval. */
    @Transactional
    public void submit(String code, long valueId) {
        move(code, valueId, ValueState.SUBMITTED, "submit values of unit", Role.ADMIN, Role.OFFICE, Role.REPORTER);
    }

    /** A leader over the unit approves a submitted value. */
    @Transactional
    public void approve(String code, long valueId) {
        move(code, valueId, ValueState.APPROVED, "approve values of unit", Role.ADMIN, Role.LEADER);
    }

    private void move(String code, long valueId, ValueState to, String what, Role... roles) {
        Scope scope = scopes.current();
        var v = current(code, valueId);
        scopes.requireAct(v.unit(), what + " " + v.unit(), roles);
        String refusal = ValueState.of(v.state()).refusal(to);
        if (refusal != null) {
            throw new Conflict("Value " + valueId + ": " + refusal);
        }
        String before = values.snapshot(valueId);
        if (!values.move(valueId, ValueState.of(v.state()), to, actor(scope))) {
            throw new Conflict("Value " + valueId + " was changed by someone else; reload it");
        }
        audit.record(new AuditRecord(
                actor(scope),
                to == ValueState.SUBMITTED ? "submit_value" : "approve_value",
                "indicator_value",
                valueId,
                v.unit(),
                "{}",
                before,
                values.snapshot(valueId)));
    }

    /** A value as stored, superseded or not, if the reader may read its unit. */
    @Transactional(readOnly = true)
    public ValueRecord value(String code, long valueId) {
        var v = values.byId(valueId)
                .filter(r -> r.indicator().equals(code))
                .orElseThrow(() -> new NotFound("Value " + valueId + " of " + code + " was not found"));
        scopes.requireRead(v.unit(), "Value " + valueId + " of " + code);
        return v;
    }

    /** Every value entered for the unit (in a period, or all), corrections included. */
    @Transactional(readOnly = true)
    public List<ValueRecord> history(String code, long unitId, @Nullable String period) {
        Indicator indicator = catalogue.get(code);
        scopes.requireRead(unitId, "Unit " + unitId);
        String p = period == null
                ? null
                : period("period", period, indicator.periodType()).toString();
        return values.history(indicator.id(), unitId, p);
    }

    /**
     * The figures of a unit for the periods from..to, in a view. Without the subtree: the unit's
     * own values (as it is now, with what was carried into it). With the subtree, for an indicator
     * that rolls up: the rolled-up value of the unit and of every unit under it that has a figure
     * at or under it, per period; for one that does not, the own values of those units. With no
     * unit: every unit, for those who read the whole country.
     */
    @Transactional(readOnly = true)
    public ValueSeries values(
            String code,
            @Nullable Long unitId,
            boolean subtree,
            @Nullable String from,
            @Nullable String to,
            View view) {
        return values(code, unitId, subtree, from, to, view, ValueReads.ALL_LEVELS);
    }

    /**
     * As {@link #values(String, Long, boolean, String, String, View)}; with no unit, only the top
     * {@code levels} of the hierarchy (1: the provinces, side by side).
     */
    @Transactional(readOnly = true)
    public ValueSeries values(
            String code,
            @Nullable Long unitId,
            boolean subtree,
            @Nullable String from,
            @Nullable String to,
            View view,
            int levels) {
        if (levels < 1) {
            throw InputProblem.field("levels", "show at least one level");
        }
        Indicator indicator = catalogue.get(code);
        if (unitId == null) {
            if (!scopes.current().readsEverything()) {
                throw InputProblem.field("unit", "say which unit: only a whole-country grant reads every unit");
            }
        } else {
            scopes.requireRead(unitId, "Unit " + unitId);
        }
        Period first =
                from == null ? Achievements.first(indicator, 1900) : period("from", from, indicator.periodType());
        Period last = to == null ? Achievements.first(indicator, 2200) : period("to", to, indicator.periodType());
        if (last.compareTo(first) < 0) {
            throw InputProblem.field("to", last + " is before " + first);
        }
        Long weightId = indicator.weightIndicator() == null
                ? null
                : catalogue.get(indicator.weightIndicator()).id();
        LocalDate today = today();
        // as it is now, the unit's path today (it must stand): the subtree read's root
        String unitPath = view == View.AS_NOW && unitId != null
                ? values.pathOn(unitId, today)
                        .orElseThrow(() -> InputProblem.field(
                                "unit",
                                "unit " + unitId + " no longer exists; as it is now its figures are under the units"
                                        + " that succeeded it (read it as_was, or read its successors)"))
                : null;
        var read = view == View.AS_WAS
                ? reads.asWas(indicator, weightId, first, last, unitId, subtree, levels)
                : reads.asNow(indicator, weightId, first, last, unitId, unitPath, subtree, today, levels);
        var items = read.result().figures().stream()
                .map(f -> new ValueItem(
                        f.unitId(),
                        f.period().toString(),
                        plain(f.value()),
                        f.estimate(),
                        f.state().code()))
                .toList();
        return new ValueSeries(items.size(), items, notes(indicator, read));
    }

    private static List<String> notes(Indicator indicator, ValueReads.Read read) {
        var notes = new ArrayList<String>();
        read.result()
                .missingWeights()
                .forEach((period, units) -> notes.add(period + ": no value of the weight "
                        + indicator.weightIndicator() + " for unit(s) " + sample(units)
                        + "; the averages that need them are left empty"));
        read.result()
                .uncombined()
                .forEach((period, units) -> notes.add(period + ": unit(s) " + sample(units)
                        + " received several figures of " + indicator.code() + ", which does not roll up; left empty"));
        read.notCarried()
                .forEach((period, n) -> notes.add(period + ": " + n + " figure(s) of units that no longer exist"
                        + (indicator.rollup() == Rollup.NONE
                                ? " are not carried: a figure that does not roll up cannot be apportioned"
                                : " lead to no unit standing today and are not shown")));
        return notes;
    }

    private static String sample(Set<Long> units) {
        String shown = units.stream().limit(10).map(String::valueOf).collect(Collectors.joining(", "));
        return units.size() > 10 ? shown + " and " + (units.size() - 10) + " more" : shown;
    }

    /** The current value, locked for a change (its epoch first: ValueStore.raiseEpochs). */
    private ValueRecord current(String code, long valueId) {
        values.raiseEpochOf(valueId);
        var v = values.lock(valueId)
                .filter(r -> r.indicator().equals(code))
                .orElseThrow(() -> new NotFound("Value " + valueId + " of " + code + " was not found"));
        // a value outside the caller's scope is not revealed, as with tasks
        scopes.requireRead(v.unit(), "Value " + valueId + " of " + code);
        if (v.supersededBy() != null) {
            throw new Conflict(
                    "Value " + valueId + " was corrected by value " + v.supersededBy() + "; change that one",
                    "/api/indicators/" + code + "/values/" + v.supersededBy());
        }
        return v;
    }

    static Period period(String field, String text, PeriodType type) {
        try {
            return Period.parse(text, type);
        } catch (IllegalArgumentException e) {
            throw InputProblem.field(field, e.getMessage());
        }
    }

    private static @Nullable BigDecimal plain(@Nullable BigDecimal v) {
        return v == null ? null : Achievement.plain(v);
    }

    static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String actor(Scope scope) {
        return scope.signedIn() ? scope.username() : "system";
    }
}
