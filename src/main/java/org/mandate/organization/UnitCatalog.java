package org.mandate.organization;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.internal.UnitRepository;
import org.mandate.organization.internal.UnitSearch;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.mandate.shared.PageOf;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of the apparatus: every answer is as of a date, or the whole history. */
@Service
@Transactional(readOnly = true)
public class UnitCatalog {
    private static final int MAX_LINEAGE_DEPTH = 12;

    private final UnitRepository units;
    private final UnitSearch search;

    UnitCatalog(UnitRepository units, UnitSearch search) {
        this.units = units;
        this.search = search;
    }

    public PageOf<UnitVersion> find(UnitQuery query) {
        String rootPath = null;
        if (query.parentCode() != null) {
            rootPath =
                    parent(query.hierarchy(), query.parentCode(), query.asOf()).path();
        }
        return search.find(query, rootPath);
    }

    private UnitRepository.CodedUnit parent(Hierarchy hierarchy, String code, LocalDate asOf) {
        return units.byCode(hierarchy, code, asOf)
                .orElseThrow(() ->
                        InputProblem.field("parent", "no " + hierarchy.code() + " had code " + code + " on " + asOf));
    }

    /**
     * The units that bore exactly this code on the date, localities and bodies alike: one, or none
     * when no unit had it; more than one only if the two hierarchies share a code.
     */
    public List<UnitVersion> withCode(String code, LocalDate date) {
        return code.isBlank() ? List.of() : units.withCode(code.strip(), date);
    }

    public List<UnitVersion> searchAcrossTime(String text, int limit) {
        return text.isBlank() ? List.of() : search.acrossTime(text, limit);
    }

    /** Whether there is a unit of this id (standing today or not). */
    public boolean exists(long unitId) {
        return units.exists(unitId);
    }

    public UnitVersion asOf(long unitId, LocalDate date) {
        return units.asOf(unitId, date).orElseThrow(() -> new NotFound("Unit " + unitId + " did not stand on " + date));
    }

    /**
     * The unit as it stood on the day or, when it did not stand then (it had ended), its latest
     * version: to name a unit whether or not it still stands.
     *
     * @throws NotFound when there is no such unit
     */
    public UnitVersion versionOn(long unitId, LocalDate day) {
        return units.asOf(unitId, day).orElseGet(() -> history(unitId).latest());
    }

    /**
     * Whether grants at these root units cover the unit on the date: the unit, or a unit above it
     * (for a body, also its locality), or a unit any of them passed into, stands under a root.
     */
    @Transactional(readOnly = true)
    public boolean covers(long unitId, java.util.Collection<Long> roots, LocalDate date) {
        return !roots.isEmpty() && units.covers(unitId, roots, date);
    }

    /** Which of the units grants at these root units cover on the date (see {@link #covers}), in one query. */
    @Transactional(readOnly = true)
    public java.util.Set<Long> covered(
            java.util.Collection<Long> unitIds, java.util.Collection<Long> roots, LocalDate date) {
        return roots.isEmpty() || unitIds.isEmpty() ? java.util.Set.of() : units.covered(unitIds, roots, date);
    }

    public List<UnitVersion> lineOfAncestors(long unitId, LocalDate date) {
        return units.lineOfAncestors(unitId, date);
    }

    public List<UnitVersion> children(Hierarchy hierarchy, @Nullable Long parentId, LocalDate date) {
        return units.children(hierarchy, parentId, date);
    }

    /** Counts by level as of a date, for the whole hierarchy or below a unit (by code). */
    public List<LevelCount> countsByLevel(Hierarchy hierarchy, @Nullable String parentCode, LocalDate date) {
        if (parentCode == null) {
            return units.countsByLevel(hierarchy, date);
        }
        return units.countsByLevelBelow(parent(hierarchy, parentCode, date).path(), date);
    }

    public UnitHistory history(long unitId) {
        var hierarchy = units.hierarchy(unitId).orElseThrow(() -> new NotFound("There is no unit " + unitId));
        return new UnitHistory(
                unitId,
                hierarchy,
                units.versions(unitId),
                units.predecessors(unitId),
                units.successors(unitId),
                units.events(unitId));
    }

    /** Where the unit went: successions followed forward until units with no successor. */
    public Lineage whereItWent(long unitId) {
        return lineage(unitId, true);
    }

    /** Where the unit came from: successions followed back to the oldest recorded units. */
    public Lineage whereItCameFrom(long unitId) {
        return lineage(unitId, false);
    }

    // Breadth-first over succession links: lineages are small (tens of units), and each step's
    // links come from an indexed lookup by predecessor or successor.
    private Lineage lineage(long unitId, boolean forward) {
        var start = history(unitId).latest();
        List<Lineage.Step> steps = new ArrayList<>();
        Map<Long, UnitVersion> ends = new LinkedHashMap<>();
        Map<Long, String> names = new LinkedHashMap<>(Map.of(unitId, start.name()));
        List<Long> frontier = List.of(unitId);
        for (int depth = 1; !frontier.isEmpty() && depth <= MAX_LINEAGE_DEPTH; depth++) {
            List<Long> next = new ArrayList<>();
            for (long id : frontier) {
                var links = forward ? units.successors(id) : units.predecessors(id);
                if (links.isEmpty() && id != unitId) {
                    units.versions(id).stream()
                            .reduce((a, b) -> forward ? b : a)
                            .ifPresent(v -> ends.put(id, v));
                }
                for (SuccessionLink link : links) {
                    steps.add(new Lineage.Step(id, names.get(id), link.unitId(), link.name(), link, depth));
                    if (names.putIfAbsent(link.unitId(), link.name()) == null) {
                        next.add(link.unitId());
                    }
                }
            }
            frontier = next;
        }
        return new Lineage(unitId, steps, List.copyOf(ends.values()));
    }
}
