package org.mandate.indicator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Role;
import org.mandate.access.Scope;
import org.mandate.access.Scopes;
import org.mandate.indicator.internal.ExchangeStore;
import org.mandate.indicator.internal.ValueNumbers;
import org.mandate.shared.InputProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The data-entry form of a unit for a period: every indicator of the period's type with its
 * current figure and state. Saving enters new figures and corrects changed ones, submitting sends
 * the unit's drafts, approving approves what was submitted; every one through {@link Indicators}
 * (scope, roles, states, corrections kept on record, audit), all of a form in one transaction.
 */
@Service
public class DataEntry {
    private final Indicators indicators;
    private final IndicatorCatalogue catalogue;
    private final ExchangeStore store;
    private final Scopes scopes;

    DataEntry(Indicators indicators, IndicatorCatalogue catalogue, ExchangeStore store, Scopes scopes) {
        this.indicators = indicators;
        this.catalogue = catalogue;
        this.store = store;
        this.scopes = scopes;
    }

    /** A line of the form: the indicator, and its current value (null when none) with its state. */
    public record Line(
            Indicator indicator,
            @Nullable Long valueId,
            @Nullable BigDecimal value,
            @Nullable String state,
            int corrections) {}

    /**
     * The form: the unit as it stood in the period, the lines, and what the reader may do.
     *
     * @param mayEnter enter, correct and submit (admin, office, reporter of the unit)
     * @param mayApprove approve (a leader over the unit, an administrator)
     */
    public record Form(
            long unitId,
            String unitCode,
            String unitName,
            String period,
            List<Line> lines,
            boolean mayEnter,
            boolean mayApprove) {}

    @Transactional(readOnly = true)
    public Form form(long unit, String periodText) {
        scopes.requireRead(unit, "Unit " + unit);
        Period period = period(periodText);
        var label = store.inPeriod(unit, period.firstDay(), period.lastDay())
                .orElseThrow(() -> InputProblem.field("unit", "unit " + unit + " did not exist in " + period));
        var current = new HashMap<String, ExchangeStore.Current>();
        store.current(List.of(unit), period.toString()).forEach(c -> current.put(c.indicator(), c));
        var corrections = store.corrections(unit, period.toString());
        var lines = new ArrayList<Line>();
        for (Indicator i : catalogue.all()) {
            if (i.periodType() != period.type()) {
                continue;
            }
            var c = current.get(i.code());
            lines.add(new Line(
                    i,
                    c == null ? null : c.id(),
                    c == null ? null : Achievement.plain(c.value()),
                    c == null ? null : c.state(),
                    corrections.getOrDefault(i.code(), 0)));
        }
        Scope scope = scopes.current();
        return new Form(
                unit,
                label.code(),
                label.name(),
                period.toString(),
                lines,
                scopes.mayAct(scope, unit, Role.ADMIN, Role.OFFICE, Role.REPORTER),
                scopes.mayAct(scope, unit, Role.ADMIN, Role.LEADER));
    }

    /**
     * Saves the figures typed, by indicator code: a new figure is entered as a draft, a changed one
     * corrects the current value (which stays on record), an unchanged or empty one is left.
     *
     * @return how many values were entered or corrected
     * @throws InputProblem naming the field {@code value.CODE} of a figure that cannot be read
     */
    @Transactional
    public int save(long unit, String periodText, Map<String, String> typed) {
        scopes.requireRead(unit, "Unit " + unit);
        Period period = period(periodText);
        var current = new HashMap<String, ExchangeStore.Current>();
        store.current(List.of(unit), period.toString()).forEach(c -> current.put(c.indicator(), c));
        int changed = 0;
        for (var e : typed.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                continue;
            }
            BigDecimal value;
            try {
                value = new BigDecimal(ValueNumbers.parse(e.getValue().strip()));
            } catch (IllegalArgumentException bad) {
                throw InputProblem.field("value." + e.getKey(), bad.getMessage());
            }
            var c = current.get(e.getKey());
            if (c == null) {
                indicators.enter(e.getKey(), List.of(new NewValue(unit, period.toString(), value, null)));
                changed++;
            } else if (c.value().compareTo(value) != 0) {
                indicators.correct(e.getKey(), c.id(), value, null);
                changed++;
            }
        }
        return changed;
    }

    /** Submits every draft of the unit for the period; returns how many. */
    @Transactional
    public int submit(long unit, String periodText) {
        return move(unit, periodText, "draft", true);
    }

    /** Approves every submitted value of the unit for the period; returns how many. */
    @Transactional
    public int approve(long unit, String periodText) {
        return move(unit, periodText, "submitted", false);
    }

    private int move(long unit, String periodText, String from, boolean submit) {
        Period period = period(periodText);
        scopes.requireRead(unit, "Unit " + unit);
        int moved = 0;
        for (var c : store.current(List.of(unit), period.toString())) {
            if (c.state().equals(from)) {
                if (submit) {
                    indicators.submit(c.indicator(), c.id());
                } else {
                    indicators.approve(c.indicator(), c.id());
                }
                moved++;
            }
        }
        return moved;
    }

    private static Period period(String text) {
        return ValueExports.period("period", text);
    }
}
