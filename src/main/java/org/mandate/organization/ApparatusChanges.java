package org.mandate.organization;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.internal.VersionStore;
import org.mandate.organization.internal.VersionStore.Row;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.springframework.boot.json.JsonWriter;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records changes of the apparatus, each dated and backed by a legal basis, each audited in the
 * same transaction. Changes to a unit are recorded in date order: a change dated before the
 * unit's latest version would rewrite history, and is refused.
 */
@Service
@Transactional
public class ApparatusChanges {
    private static final Map<Hierarchy, Set<String>> LEVELS = Map.of(
            Hierarchy.LOCALITY, Set.of("province", "district", "commune"),
            Hierarchy.BODY, Set.of("central", "province", "district", "commune", "grassroots", "cell"));
    private static final Set<String> ROOT_LEVELS = Set.of("central", "province");

    private final VersionStore store;
    private final ChangeGuard guard;

    private final org.springframework.context.ApplicationEventPublisher events;

    ApparatusChanges(
            VersionStore store, ChangeGuard guard, org.springframework.context.ApplicationEventPublisher events) {
        this.store = store;
        this.guard = guard;
        this.events = events;
    }

    public long establish(NewUnit unit, Change change) {
        check(change);
        checkNames(unit.name(), unit.fullName());
        required("code", unit.code());
        required("kind", unit.kind());
        if (!LEVELS.get(unit.hierarchy()).contains(unit.level())) {
            throw InputProblem.field("level", "'" + unit.level() + "' is not one of " + LEVELS.get(unit.hierarchy()));
        }
        LocalDate date = change.effectiveDate();
        guard.check(change.actor(), unit.parentId(), date);
        String parentPath = null;
        if (unit.parentId() != null) {
            Row parent = standing(unit.parentId(), date, "parentId");
            if (!parent.hierarchy().equals(unit.hierarchy().code())) {
                throw InputProblem.field(
                        "parentId",
                        "unit " + unit.parentId() + " is a " + parent.hierarchy() + ", not a "
                                + unit.hierarchy().code());
            }
            parentPath = parent.path();
        } else if (!ROOT_LEVELS.contains(unit.level())) {
            throw InputProblem.field("parentId", "a " + unit.level() + " needs a parent unit");
        }
        if (unit.localityId() != null) {
            Row locality = standing(unit.localityId(), date, "localityId");
            if (!locality.hierarchy().equals(Hierarchy.LOCALITY.code())) {
                throw InputProblem.field("localityId", "unit " + unit.localityId() + " is not a locality");
            }
        }
        store.codeHolder(unit.hierarchy().code(), unit.code(), date, -1).ifPresent(other -> {
            throw new Conflict("Code " + unit.code() + " is borne by unit " + other + " on " + date);
        });
        long id = store.newUnit(unit.hierarchy().code());
        var version = new Row(
                0,
                id,
                unit.hierarchy().code(),
                date,
                null,
                unit.code().strip(),
                unit.name().strip(),
                unit.fullName().strip(),
                unit.nameEn(),
                null,
                unit.level(),
                unit.kind().strip(),
                unit.parentId(),
                unit.localityId(),
                parentPath == null ? Long.toString(id) : parentPath + "." + id);
        store.insert(version, date, null);
        record(EventKind.ESTABLISH, change, id, unit.fullName());
        return id;
    }

    public void rename(long unitId, String name, String fullName, @Nullable String nameEn, Change change) {
        check(change);
        checkNames(name, fullName);
        guard.check(change.actor(), unitId, change.effectiveDate());
        Row current = latestStanding(unitId, change.effectiveDate(), "id");
        revise(
                current,
                change.effectiveDate(),
                with(
                        current,
                        name.strip(),
                        fullName.strip(),
                        nameEn,
                        current.kind(),
                        current.parentId(),
                        current.path()));
        record(EventKind.RENAME, change, unitId, current.fullName() + " → " + fullName.strip());
    }

    public void changeKind(long unitId, String kind, Change change) {
        check(change);
        required("kind", kind);
        guard.check(change.actor(), unitId, change.effectiveDate());
        Row current = latestStanding(unitId, change.effectiveDate(), "id");
        revise(
                current,
                change.effectiveDate(),
                with(
                        current,
                        current.name(),
                        current.fullName(),
                        current.nameEn(),
                        kind.strip(),
                        current.parentId(),
                        current.path()));
        record(EventKind.CHANGE_KIND, change, unitId, current.kind() + " → " + kind.strip());
    }

    /** Moves a unit, and everything under it, under another parent from the date on. */
    public void transfer(long unitId, long newParentId, Change change) {
        check(change);
        guard.check(change.actor(), unitId, change.effectiveDate());
        guard.check(change.actor(), newParentId, change.effectiveDate());
        moveUnder(unitId, newParentId, change.effectiveDate());
        record(EventKind.TRANSFER, change, unitId, "→ " + newParentId);
    }

    public void dissolve(long unitId, Change change) {
        check(change);
        LocalDate date = change.effectiveDate();
        guard.check(change.actor(), unitId, date);
        Row current = latestStanding(unitId, date, "id");
        end(current, date);
        record(EventKind.DISSOLVE, change, unitId, null);
    }

    /**
     * Merges units into an existing unit or a new one. The units under each merged unit pass
     * under the successor; each merged unit ends on the day before the date.
     */
    public long merge(
            List<Long> predecessorIds, @Nullable Long successorId, @Nullable NewUnit newSuccessor, Change change) {
        check(change);
        if (predecessorIds.isEmpty()) {
            throw InputProblem.field("predecessorIds", "name at least one unit to merge");
        }
        if (new HashSet<>(predecessorIds).size() != predecessorIds.size()) {
            throw InputProblem.field("predecessorIds", "a unit is named twice");
        }
        if ((successorId == null) == (newSuccessor == null)) {
            throw InputProblem.field(
                    "successorId", "name either an existing successor or a new one, not both or neither");
        }
        LocalDate date = change.effectiveDate();
        List<Row> predecessors = new ArrayList<>();
        for (long id : predecessorIds) {
            guard.check(change.actor(), id, date);
            predecessors.add(latestStanding(id, date, "predecessorIds"));
        }
        long target;
        if (successorId != null) {
            if (predecessorIds.contains(successorId)) {
                throw InputProblem.field("successorId", "unit " + successorId + " cannot be merged into itself");
            }
            guard.check(change.actor(), successorId, date);
            target = latestStanding(successorId, date, "successorId").unitId();
        } else {
            target = establish(newSuccessor, change);
        }
        long event = record(EventKind.MERGE, change, target, null);
        for (Row predecessor : predecessors) {
            for (long child : store.childrenStanding(predecessor.unitId(), date)) {
                moveUnder(child, target, date);
            }
            end(latestStanding(predecessor.unitId(), date, "predecessorIds"), date);
            store.succession(event, predecessor.unitId(), target, date, Share.FULL.code(), null);
        }
        return target;
    }

    /**
     * Splits a unit into parts, existing or new, each with an optional weight (its share of the
     * unit, for apportioning figures). Unless {@code continues}, the unit ends.
     */
    public List<Long> split(long unitId, List<SplitPart> parts, boolean continues, Change change) {
        check(change);
        if (parts.isEmpty()
                || (!continues && parts.size() < 2 && parts.getFirst().unitId() == null)) {
            throw InputProblem.field("parts", "a split needs at least one part, two when the unit ends");
        }
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < parts.size(); i++) {
            SplitPart part = parts.get(i);
            if ((part.unitId() == null) == (part.newUnit() == null)) {
                throw InputProblem.field("parts[" + i + "]", "name either an existing unit or a new one");
            }
            if (part.weight() != null) {
                if (part.weight().signum() <= 0 || part.weight().compareTo(BigDecimal.ONE) > 0) {
                    throw InputProblem.field("parts[" + i + "].weight", "a weight is a share in (0, 1]");
                }
                total = total.add(part.weight());
            }
        }
        if (total.compareTo(BigDecimal.ONE) > 0) {
            throw InputProblem.field("parts", "the weights add up to " + total + ", more than the whole unit");
        }
        LocalDate date = change.effectiveDate();
        guard.check(change.actor(), unitId, date);
        Row unit = latestStanding(unitId, date, "id");
        List<Long> targets = new ArrayList<>();
        for (SplitPart part : parts) {
            if (part.unitId() != null && part.unitId() == unitId) {
                throw InputProblem.field("parts", "unit " + unitId + " cannot be a part of itself");
            }
            if (part.unitId() != null) {
                guard.check(change.actor(), part.unitId(), date);
            }
            targets.add(
                    part.unitId() != null
                            ? latestStanding(part.unitId(), date, "parts").unitId()
                            : establish(part.newUnit(), change));
        }
        long event = record(EventKind.SPLIT, change, unitId, null);
        for (int i = 0; i < parts.size(); i++) {
            store.succession(
                    event,
                    unitId,
                    targets.get(i),
                    date,
                    Share.PARTIAL.code(),
                    parts.get(i).weight());
        }
        if (!continues) {
            end(latestStanding(unitId, date, "id"), date);
        }
        return targets;
    }

    private void moveUnder(long unitId, long newParentId, LocalDate date) {
        Row current = latestStanding(unitId, date, "id");
        Row parent = standing(newParentId, date, "parentId");
        if (!parent.hierarchy().equals(current.hierarchy())) {
            throw InputProblem.field("parentId", "unit " + newParentId + " is in another hierarchy");
        }
        if (("." + parent.path() + ".").contains("." + unitId + ".")) {
            throw new Conflict("Unit " + newParentId + " (" + parent.fullName() + ") stands under unit " + unitId
                    + " (" + current.fullName() + ") on " + date + "; moving " + unitId
                    + " under it would make a unit its own ancestor");
        }
        if (Long.valueOf(newParentId).equals(current.parentId())) {
            throw InputProblem.field("parentId", "unit " + unitId + " already stands under unit " + newParentId);
        }
        String oldPrefix = current.path()
                .substring(0, current.path().length() - Long.toString(unitId).length());
        for (Row v : store.subtreeFrom(current.path(), date)) {
            if (v.validFrom() != null && v.validFrom().isAfter(date)) {
                throw new Conflict("Unit " + v.unitId() + " under the moved unit has a change recorded on "
                        + v.validFrom() + ", after " + date + "; record changes in date order");
            }
            String path = parent.path() + "." + v.path().substring(oldPrefix.length());
            Long parentId = v.unitId() == unitId ? Long.valueOf(newParentId) : v.parentId();
            revise(v, date, with(v, v.name(), v.fullName(), v.nameEn(), v.kind(), parentId, path));
        }
    }

    private void end(Row current, LocalDate date) {
        long standingBelow = store.countStandingBelow(current.path(), date);
        if (standingBelow > 0) {
            throw new Conflict(current.fullName() + " still has " + standingBelow + " units under it on " + date
                    + "; transfer or dissolve them first");
        }
        if (date.equals(current.validFrom())) {
            throw new Conflict(
                    current.fullName() + " only took this form on " + date + "; it cannot also end that day");
        }
        store.close(current.id(), date);
    }

    /** A new version from the date on; a second change on the same day replaces that day's version. */
    private void revise(Row current, LocalDate date, Row next) {
        if (date.equals(current.validFrom())) {
            store.delete(current.id());
        } else {
            store.close(current.id(), date);
        }
        store.insert(next, date, current.validTo());
    }

    private static Row with(
            Row v,
            String name,
            String fullName,
            @Nullable String nameEn,
            String kind,
            @Nullable Long parentId,
            String path) {
        return new Row(
                v.id(),
                v.unitId(),
                v.hierarchy(),
                v.validFrom(),
                v.validTo(),
                v.code(),
                name,
                fullName,
                nameEn,
                v.fullNameEn(),
                v.level(),
                kind,
                parentId,
                v.localityId(),
                path);
    }

    private Row standing(long unitId, LocalDate date, String field) {
        return store.standing(unitId, date).orElseThrow(() -> notStanding(unitId, date, field));
    }

    /** The unit's version on the date, which must also be its latest: history is recorded in order. */
    private Row latestStanding(long unitId, LocalDate date, String field) {
        Row row = standing(unitId, date, field);
        if (row.validTo() != null) {
            throw new Conflict(row.fullName() + " (unit " + unitId + ") has a change recorded from " + row.validTo()
                    + ", after " + date + "; record changes in date order");
        }
        return row;
    }

    private RuntimeException notStanding(long unitId, LocalDate date, String field) {
        var latest = store.latest(unitId);
        if (latest.isEmpty()) {
            return new NotFound("There is no unit " + unitId + " (" + field + ")");
        }
        Row row = latest.get();
        if (row.validTo() != null && !row.validTo().isAfter(date)) {
            return new Conflict(row.fullName() + " (unit " + unitId + ", " + field + ") was dissolved or ended on "
                    + row.validTo().minusDays(1) + " and did not stand on " + date);
        }
        return new Conflict(row.fullName() + " (unit " + unitId + ", " + field + ") did not yet stand on " + date);
    }

    private long record(EventKind kind, Change change, long subject, @Nullable String note) {
        long event = store.event(
                kind.code(),
                change.effectiveDate(),
                change.legalBasis().strip(),
                subject,
                note == null ? change.note() : note);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("event", event);
        detail.put("effectiveDate", change.effectiveDate().toString());
        detail.put("legalBasis", change.legalBasis());
        if (note != null) {
            detail.put("note", note);
        }
        store.audit(
                change.actor(),
                kind.code(),
                subject,
                change.effectiveDate(),
                JsonWriter.standard().writeToString(detail));
        events.publishEvent(new ApparatusChanged(kind.code(), subject, change.effectiveDate()));
        return event;
    }

    private static void check(Change change) {
        required("legalBasis", change.legalBasis());
    }

    private static void checkNames(String name, String fullName) {
        required("name", name);
        required("fullName", fullName);
    }

    private static void required(String field, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw InputProblem.field(field, "a value is required");
        }
    }
}
