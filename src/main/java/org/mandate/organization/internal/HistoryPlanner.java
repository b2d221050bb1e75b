package org.mandate.organization.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import org.mandate.organization.EventKind;
import org.mandate.organization.Share;
import org.mandate.organization.internal.AdminUnitFiles.Bundle;
import org.mandate.organization.internal.AdminUnitFiles.Snapshot;
import org.mandate.organization.internal.AdminUnitFiles.UnitRow;
import org.mandate.organization.internal.HistoryPlan.Event;
import org.mandate.organization.internal.HistoryPlan.Finding;
import org.mandate.organization.internal.HistoryPlan.Succession;

/**
 * Turns successive snapshots and the successions between them into one history.
 *
 * <p>Identity: a unit of one snapshot is the same unit in the next when the succession says it
 * went wholly into exactly one new unit that has no other predecessor (a 1:1 full succession),
 * or, between snapshots without a succession file, when it keeps its level and code. Every other
 * new unit is a new identity: codes are reused (00004 was Trúc Bạch, then Ba Đình). Attribute
 * differences between snapshots of one identity become new versions with rename, change-kind and
 * transfer events dated on the later snapshot. A unit of one snapshot with no successor and no
 * continuation (the districts in 2025) is dissolved on the next snapshot's date; its territory's
 * succession is derived from the succession of its children.
 */
public final class HistoryPlanner {
    private final BiFunction<LocalDate, String, String> legalBasis;

    /** @param legalBasis the legal basis text for changes on a date at a level */
    public HistoryPlanner(BiFunction<LocalDate, String, String> legalBasis) {
        this.legalBasis = legalBasis;
    }

    public HistoryPlan plan(Bundle bundle) {
        return new Run(bundle).plan();
    }

    private final class Run {
        private final List<Snapshot> snapshots;
        private final Map<LocalDate, List<AdminUnitFiles.SuccessionRow>> successionsByDate = new HashMap<>();
        // identity of each row of each snapshot: index i -> key (level:code) -> unit number
        private final List<Map<String, Integer>> identity = new ArrayList<>();
        private final List<Map<String, UnitRow>> rowsByKey = new ArrayList<>();
        private final List<Event> events = new ArrayList<>();
        private final List<Succession> successions = new ArrayList<>();
        private final List<Finding> findings = new ArrayList<>();
        private int units;

        Run(Bundle bundle) {
            this.snapshots = bundle.snapshots();
            for (var row : bundle.successions()) {
                successionsByDate
                        .computeIfAbsent(row.effectiveDate(), d -> new ArrayList<>())
                        .add(row);
            }
        }

        HistoryPlan plan() {
            for (Snapshot snapshot : snapshots) {
                Map<String, UnitRow> byKey = new LinkedHashMap<>();
                snapshot.rows().forEach(r -> byKey.put(r.key(), r));
                rowsByKey.add(byKey);
            }
            Map<String, Integer> first = new HashMap<>();
            rowsByKey.getFirst().keySet().forEach(k -> first.put(k, units++));
            identity.add(first);
            for (int i = 1; i < snapshots.size(); i++) {
                var rows = successionsByDate.getOrDefault(snapshots.get(i).date(), List.of());
                identity.add(rows.isEmpty() ? followCodes(i) : followSuccession(i, rows));
            }
            var versions =
                    new VersionBuilder(snapshots, rowsByKey, identity, units, legalBasis, events::size).build(events);
            return new HistoryPlan(
                    units, versions, List.copyOf(events), List.copyOf(successions), List.copyOf(findings));
        }

        private Map<String, Integer> followCodes(int i) {
            Map<String, Integer> before = identity.get(i - 1);
            Map<String, Integer> now = new HashMap<>();
            LocalDate date = snapshots.get(i).date();
            for (String key : rowsByKey.get(i).keySet()) {
                Integer same = before.get(key);
                if (same != null) {
                    now.put(key, same);
                } else {
                    int unit = units++;
                    now.put(key, unit);
                    UnitRow row = rowsByKey.get(i).get(key);
                    event(EventKind.ESTABLISH, date, row.level(), unit, "appears in " + row.file());
                }
            }
            before.forEach((key, unit) -> {
                if (!now.containsKey(key)) {
                    UnitRow row = rowsByKey.get(i - 1).get(key);
                    event(
                            EventKind.DISSOLVE,
                            date,
                            row.level(),
                            unit,
                            "absent from " + snapshots.get(i).file());
                }
            });
            return now;
        }

        private Map<String, Integer> followSuccession(int i, List<AdminUnitFiles.SuccessionRow> rows) {
            var links = new SuccessionLinks(rowsByKey.get(i - 1), rowsByKey.get(i), findings).resolve(rows);
            Map<String, Integer> before = identity.get(i - 1);
            Map<String, Integer> now = new HashMap<>();
            LocalDate date = snapshots.get(i).date();
            for (String key : rowsByKey.get(i).keySet()) {
                Set<String> preds = links.predecessors(key);
                if (preds.size() == 1) {
                    String pred = preds.iterator().next();
                    if (links.successors(pred).size() == 1 && links.share(pred, key) == Share.FULL) {
                        now.put(key, before.get(pred)); // the same unit goes on
                        continue;
                    }
                }
                if (preds.isEmpty()
                        && before.containsKey(key)
                        && links.successors(key).isEmpty()) {
                    now.put(key, before.get(key)); // untouched by the succession, same level and code
                    continue;
                }
                now.put(key, units++);
            }
            Set<Integer> continuing = new LinkedHashSet<>(now.values());
            // merges: a new unit with several predecessors
            Map<String, Integer> mergeEvent = new HashMap<>();
            for (String key : rowsByKey.get(i).keySet()) {
                if (links.predecessors(key).size() > 1) {
                    mergeEvent.put(key, event(EventKind.MERGE, date, level(key), now.get(key), null));
                }
            }
            // splits: an old unit that went into several new units
            Map<String, Integer> splitEvent = new HashMap<>();
            for (String pred : links.oldKeys()) {
                if (links.successors(pred).size() > 1) {
                    splitEvent.put(pred, event(EventKind.SPLIT, date, level(pred), before.get(pred), null));
                }
            }
            for (var link : links.all()) {
                int predecessor = before.get(link.oldKey());
                int successor = now.get(link.newKey());
                if (predecessor == successor) {
                    continue;
                }
                Integer event = mergeEvent.get(link.newKey());
                if (event == null) {
                    event = splitEvent.get(link.oldKey());
                }
                if (event == null) { // a lone partial succession: the old unit became part of a new one
                    event = event(EventKind.MERGE, date, level(link.newKey()), successor, null);
                    mergeEvent.put(link.newKey(), event);
                }
                successions.add(new Succession(event, predecessor, successor, date, link.share()));
            }
            dissolveTheRest(i, before, continuing, links, now, date);
            for (String key : rowsByKey.get(i).keySet()) {
                if (links.predecessors(key).isEmpty() && !before.containsKey(key)) {
                    UnitRow row = rowsByKey.get(i).get(key);
                    event(EventKind.ESTABLISH, date, row.level(), now.get(key), "no predecessor in the succession");
                    findings.add(new Finding(
                            row.file(),
                            row.line(),
                            row.code(),
                            row.fullName(),
                            "no row of the succession leads to this unit; recorded as established on " + date,
                            row.raw()));
                }
            }
            return now;
        }

        /**
         * Old units that neither continue nor pass into a successor end here. Their territory went
         * where their children went, so the succession of a dissolved district is derived from
         * that of its communes.
         */
        private void dissolveTheRest(
                int i,
                Map<String, Integer> before,
                Set<Integer> continuing,
                SuccessionLinks links,
                Map<String, Integer> now,
                LocalDate date) {
            Map<String, UnitRow> old = rowsByKey.get(i - 1);
            Map<String, List<UnitRow>> children = new HashMap<>();
            old.values()
                    .forEach(r -> children.computeIfAbsent(r.parentCode(), c -> new ArrayList<>())
                            .add(r));
            for (var entry : old.entrySet()) {
                String key = entry.getKey();
                int unit = before.get(key);
                if (continuing.contains(unit) || !links.successors(key).isEmpty()) {
                    continue;
                }
                int event = event(
                        EventKind.DISSOLVE,
                        date,
                        entry.getValue().level(),
                        unit,
                        "successors derived from the succession of the units under it");
                Set<Integer> heirs = new LinkedHashSet<>();
                for (UnitRow child : children.getOrDefault(entry.getValue().code(), List.of())) {
                    int childUnit = before.get(child.key());
                    if (continuing.contains(childUnit)) {
                        heirs.add(childUnit);
                    }
                    links.successors(child.key()).forEach(k -> heirs.add(now.get(k)));
                }
                Share share = heirs.size() == 1 ? Share.FULL : Share.PARTIAL;
                heirs.forEach(heir -> successions.add(new Succession(event, unit, heir, date, share)));
            }
        }

        private String level(String key) {
            return key.substring(0, key.indexOf(':'));
        }

        private int event(EventKind kind, LocalDate date, String level, int subject, String note) {
            int number = events.size();
            events.add(new Event(
                    number, kind, date, Objects.requireNonNull(legalBasis.apply(date, level)), subject, note));
            return number;
        }
    }
}
