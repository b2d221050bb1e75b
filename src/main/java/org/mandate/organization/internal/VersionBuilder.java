package org.mandate.organization.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.IntSupplier;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.EventKind;
import org.mandate.organization.internal.AdminUnitFiles.Snapshot;
import org.mandate.organization.internal.AdminUnitFiles.UnitRow;
import org.mandate.organization.internal.HistoryPlan.Event;
import org.mandate.organization.internal.HistoryPlan.Version;

/**
 * Collapses the states of each unit across snapshots into versions: a new version starts on a
 * snapshot's date whenever an attribute, the parent or the path above it differs, and the
 * differences a unit itself underwent become rename, change-kind and transfer events.
 */
final class VersionBuilder {
    private record State(
            String code,
            String name,
            String fullName,
            String nameEn,
            String fullNameEn,
            String level,
            String kind,
            @Nullable Integer parent,
            List<Integer> path) {}

    private final List<Snapshot> snapshots;
    private final List<Map<String, UnitRow>> rowsByKey;
    private final List<Map<String, Integer>> identity;
    private final BiFunction<LocalDate, String, String> legalBasis;
    private final IntSupplier nextEvent;

    VersionBuilder(
            List<Snapshot> snapshots,
            List<Map<String, UnitRow>> rowsByKey,
            List<Map<String, Integer>> identity,
            int unitCount,
            BiFunction<LocalDate, String, String> legalBasis,
            IntSupplier nextEvent) {
        this.snapshots = snapshots;
        this.rowsByKey = rowsByKey;
        this.identity = identity;
        this.legalBasis = legalBasis;
        this.nextEvent = nextEvent;
    }

    List<Version> build(List<Event> events) {
        List<Version> versions = new ArrayList<>();
        Map<Integer, State> open = new LinkedHashMap<>();
        Map<Integer, LocalDate> openFrom = new HashMap<>();
        for (int i = 0; i < snapshots.size(); i++) {
            LocalDate date = snapshots.get(i).date();
            Map<Integer, State> states = states(i);
            for (var entry : states.entrySet()) {
                int unit = entry.getKey();
                State state = entry.getValue();
                State previous = open.get(unit);
                if (previous == null) {
                    openFrom.put(unit, i == 0 ? null : date);
                    open.put(unit, state);
                } else if (!previous.equals(state)) {
                    versions.add(version(unit, openFrom.get(unit), date, previous));
                    changes(unit, previous, state, date, events);
                    openFrom.put(unit, date);
                    open.put(unit, state);
                }
            }
            var ended =
                    open.keySet().stream().filter(u -> !states.containsKey(u)).toList();
            for (int unit : ended) {
                versions.add(version(unit, openFrom.remove(unit), date, open.remove(unit)));
            }
        }
        open.forEach((unit, state) -> versions.add(version(unit, openFrom.get(unit), null, state)));
        return versions;
    }

    private Map<Integer, State> states(int i) {
        Map<String, UnitRow> rows = rowsByKey.get(i);
        Map<String, UnitRow> byCode = new HashMap<>();
        rows.values().forEach(r -> byCode.put(r.code(), r));
        Map<String, List<Integer>> paths = new HashMap<>();
        Map<Integer, State> states = new LinkedHashMap<>();
        for (UnitRow row : rows.values()) {
            UnitRow parentRow = row.parentCode().isEmpty() ? null : byCode.get(row.parentCode());
            Integer parent = parentRow == null ? null : identity.get(i).get(parentRow.key());
            states.put(
                    identity.get(i).get(row.key()),
                    new State(
                            row.code(),
                            row.name(),
                            row.fullName(),
                            row.nameEn(),
                            row.fullNameEn(),
                            row.level(),
                            row.kind(),
                            parent,
                            path(i, row, byCode, paths)));
        }
        return states;
    }

    private List<Integer> path(int i, UnitRow row, Map<String, UnitRow> byCode, Map<String, List<Integer>> paths) {
        List<Integer> known = paths.get(row.key());
        if (known != null) {
            return known;
        }
        List<Integer> path = new ArrayList<>();
        UnitRow parent = row.parentCode().isEmpty() ? null : byCode.get(row.parentCode());
        if (parent != null) {
            path.addAll(path(i, parent, byCode, paths));
        }
        path.add(identity.get(i).get(row.key()));
        List<Integer> result = List.copyOf(path);
        paths.put(row.key(), result);
        return result;
    }

    private static Version version(int unit, @Nullable LocalDate from, @Nullable LocalDate to, State s) {
        return new Version(
                unit,
                from,
                to,
                s.code(),
                s.name(),
                s.fullName(),
                s.nameEn(),
                s.fullNameEn(),
                s.level(),
                s.kind(),
                s.parent(),
                s.path());
    }

    private void changes(int unit, State before, State after, LocalDate date, List<Event> events) {
        String basis = legalBasis.apply(date, after.level());
        if (!before.name().equals(after.name())
                || !before.fullName().equals(after.fullName())
                || !before.nameEn().equals(after.nameEn())
                || !before.fullNameEn().equals(after.fullNameEn())) {
            events.add(new Event(
                    nextEvent.getAsInt(),
                    EventKind.RENAME,
                    date,
                    basis,
                    unit,
                    before.fullName() + " → " + after.fullName()));
        }
        if (!before.kind().equals(after.kind()) || !before.level().equals(after.level())) {
            events.add(new Event(
                    nextEvent.getAsInt(),
                    EventKind.CHANGE_KIND,
                    date,
                    basis,
                    unit,
                    before.kind() + " → " + after.kind()));
        }
        if (!Objects.equals(before.parent(), after.parent())) {
            events.add(new Event(nextEvent.getAsInt(), EventKind.TRANSFER, date, basis, unit, null));
        }
    }
}
