package org.mandate.organization.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mandate.organization.Share;
import org.mandate.organization.internal.AdminUnitFiles.SuccessionRow;
import org.mandate.organization.internal.AdminUnitFiles.UnitRow;
import org.mandate.organization.internal.HistoryPlan.Finding;

/**
 * The rows of one succession file resolved against the snapshot before it and the one on its
 * date. Real data has flaws, each decided the same way every time and reported as a finding:
 * <ul>
 *   <li>an old code missing from the earlier snapshot (the unit was merged before that list was
 *       made): the row is skipped, there is no unit to link;</li>
 *   <li>a new code missing from the later snapshot: the row is re-pointed to the one unit of the
 *       later snapshot with the same level and full name; with none or several, it is skipped;</li>
 *   <li>a row whose level differs from the level of the unit its code names (island districts
 *       that became commune-level special zones are listed as communes): the code decides, the
 *       row is linked to the unit its code names;</li>
 *   <li>a repeated old/new pair: the first row counts, the repeat is skipped.</li>
 * </ul>
 */
final class SuccessionLinks {
    record Link(String oldKey, String newKey, Share share) {}

    private final List<Finding> findings;
    private final Map<String, List<UnitRow>> afterByFullName = new HashMap<>();
    private final Map<String, UnitRow> beforeByCode = new HashMap<>();
    private final Map<String, UnitRow> afterByCode = new HashMap<>();
    private final Map<String, Link> links = new LinkedHashMap<>();
    private final Map<String, Set<String>> predecessors = new HashMap<>();
    private final Map<String, Set<String>> successors = new LinkedHashMap<>();

    SuccessionLinks(Map<String, UnitRow> before, Map<String, UnitRow> after, List<Finding> findings) {
        this.findings = findings;
        before.values().forEach(r -> beforeByCode.put(r.code(), r));
        after.values().forEach(r -> afterByCode.put(r.code(), r));
        after.values()
                .forEach(r -> afterByFullName
                        .computeIfAbsent(r.level() + ":" + r.fullName(), k -> new ArrayList<>())
                        .add(r));
    }

    SuccessionLinks resolve(List<SuccessionRow> rows) {
        for (SuccessionRow row : rows) {
            UnitRow old = beforeByCode.get(row.oldCode());
            if (old == null) {
                skip(
                        row,
                        row.oldCode(),
                        row.oldName(),
                        "old code " + row.oldCode() + " (" + row.oldName()
                                + ") is not in the earlier list: the unit was merged before that list was made;"
                                + " row skipped, no unit to link");
                continue;
            }
            String oldKey = old.key();
            if (!old.level().equals(row.level())) {
                findings.add(new Finding(
                        row.file(),
                        row.line(),
                        row.oldCode(),
                        row.oldName(),
                        "the row says " + row.level() + " but code " + row.oldCode() + " is a " + old.level()
                                + " in the earlier list; linked to that " + old.level(),
                        row.raw()));
            }
            UnitRow current = afterByCode.get(row.newCode());
            String newKey = current == null ? null : current.key();
            if (newKey == null) {
                var sameName = afterByFullName.getOrDefault(row.level() + ":" + row.newName(), List.of());
                if (sameName.size() != 1) {
                    skip(
                            row,
                            row.newCode(),
                            row.newName(),
                            "new code " + row.newCode() + " is not in the later list and " + sameName.size()
                                    + " units there are named " + row.newName() + "; row skipped");
                    continue;
                }
                UnitRow match = sameName.getFirst();
                findings.add(new Finding(
                        row.file(),
                        row.line(),
                        row.newCode(),
                        row.newName(),
                        "new code " + row.newCode() + " is not in the later list; linked by name to " + match.code()
                                + " " + match.fullName(),
                        row.raw()));
                newKey = match.key();
            }
            Link link = new Link(oldKey, newKey, row.share());
            if (links.putIfAbsent(oldKey + ">" + newKey, link) != null) {
                skip(
                        row,
                        row.oldCode(),
                        row.oldName(),
                        "repeats the link " + row.oldCode() + " -> " + row.newCode() + " of an earlier row; skipped");
                continue;
            }
            predecessors.computeIfAbsent(newKey, k -> new LinkedHashSet<>()).add(oldKey);
            successors.computeIfAbsent(oldKey, k -> new LinkedHashSet<>()).add(newKey);
        }
        return this;
    }

    private void skip(SuccessionRow row, String code, String name, String decision) {
        findings.add(new Finding(row.file(), row.line(), code, name, decision, row.raw()));
    }

    Set<String> predecessors(String newKey) {
        return predecessors.getOrDefault(newKey, Set.of());
    }

    Set<String> successors(String oldKey) {
        return successors.getOrDefault(oldKey, Set.of());
    }

    Set<String> oldKeys() {
        return successors.keySet();
    }

    Share share(String oldKey, String newKey) {
        return links.get(oldKey + ">" + newKey).share();
    }

    Iterable<Link> all() {
        return links.values();
    }
}
