package org.mandate.organization.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mandate.organization.Share;
import org.mandate.shared.Csv;
import org.mandate.shared.Dates;
import org.mandate.shared.InputProblem;

/**
 * Reads the administrative-unit files (snapshots {@code admin-units-YYYY-MM-DD.csv} and
 * successions {@code succession-YYYY-MM-DD.csv}) into checked rows. Anything that cannot be read
 * is an {@link InputProblem} naming file, line and field; nothing is half-read.
 */
public final class AdminUnitFiles {
    static final List<String> SNAPSHOT_COLUMNS =
            List.of("code", "level", "kind", "name", "full_name", "name_en", "full_name_en", "parent_code");
    static final List<String> SUCCESSION_COLUMNS =
            List.of("effective_date", "level", "old_code", "old_name", "new_code", "new_name", "share");
    static final List<String> LEVELS = List.of("province", "district", "commune");
    static final Set<String> KINDS = Set.of(
            "municipality",
            "province",
            "provincial_city",
            "municipal_city",
            "urban_district",
            "district_level_town",
            "district",
            "ward",
            "commune_level_town",
            "commune",
            "special_administrative_region");

    private static final Pattern SNAPSHOT_NAME = Pattern.compile("admin-units-(.+)\\.csv");
    private static final Pattern SUCCESSION_NAME = Pattern.compile("succession-(.+)\\.csv");

    /** A file's name and its whole text. */
    public record NamedText(String name, String text) {}

    public record UnitRow(
            String file,
            int line,
            String code,
            String level,
            String kind,
            String name,
            String fullName,
            String nameEn,
            String fullNameEn,
            String parentCode,
            String raw) {
        String key() {
            return level + ":" + code;
        }
    }

    public record Snapshot(String file, LocalDate date, List<UnitRow> rows) {}

    public record SuccessionRow(
            String file,
            int line,
            LocalDate effectiveDate,
            String level,
            String oldCode,
            String oldName,
            String newCode,
            String newName,
            Share share,
            String raw) {}

    public record Bundle(List<Snapshot> snapshots, List<SuccessionRow> successions) {}

    private AdminUnitFiles() {}

    public static Bundle read(List<NamedText> files) {
        List<Snapshot> snapshots = new ArrayList<>();
        List<SuccessionRow> successions = new ArrayList<>();
        for (NamedText file : files) {
            String name = file.name().replaceFirst("^.*/", "");
            var snapshot = SNAPSHOT_NAME.matcher(name);
            var succession = SUCCESSION_NAME.matcher(name);
            if (snapshot.matches()) {
                snapshots.add(snapshot(name, Dates.parse(name, 0, "file name", snapshot.group(1)), file.text()));
            } else if (succession.matches()) {
                Dates.parse(name, 0, "file name", succession.group(1));
                successions.addAll(successions(name, file.text()));
            } else {
                throw new InputProblem(
                        name,
                        0,
                        "file name",
                        "not an administrative-unit file; expected admin-units-YYYY-MM-DD.csv or succession-YYYY-MM-DD.csv");
            }
        }
        if (snapshots.isEmpty()) {
            throw new InputProblem(null, 0, "files", "at least one admin-units-YYYY-MM-DD.csv snapshot is needed");
        }
        snapshots.sort(Comparator.comparing(Snapshot::date));
        for (int i = 1; i < snapshots.size(); i++) {
            if (snapshots.get(i).date().equals(snapshots.get(i - 1).date())) {
                throw new InputProblem(snapshots.get(i).file(), 0, "file name", "two snapshots for the same date");
            }
        }
        checkSuccessionDates(snapshots, successions);
        return new Bundle(List.copyOf(snapshots), List.copyOf(successions));
    }

    static Snapshot snapshot(String file, LocalDate date, String text) {
        List<UnitRow> rows = new ArrayList<>();
        Map<String, UnitRow> byKey = new HashMap<>();
        Map<String, UnitRow> byCode = new HashMap<>();
        for (Csv.Row row : Csv.parse(file, text, SNAPSHOT_COLUMNS)) {
            String level = oneOf(row, "level", LEVELS);
            String kind = row.required("kind");
            if (!KINDS.contains(kind)) {
                throw new InputProblem(
                        file, row.line(), "kind", "unknown kind '" + kind + "'; expected one of " + KINDS);
            }
            var unit = new UnitRow(
                    file,
                    row.line(),
                    row.required("code"),
                    level,
                    kind,
                    row.required("name"),
                    row.required("full_name"),
                    row.get("name_en"),
                    row.get("full_name_en"),
                    row.get("parent_code"),
                    row.raw());
            UnitRow earlier = byCode.putIfAbsent(unit.code(), unit);
            if (earlier != null) {
                throw new InputProblem(
                        file, row.line(), "code", "code " + unit.code() + " is already used on line " + earlier.line());
            }
            byKey.put(unit.key(), unit);
            rows.add(unit);
        }
        for (UnitRow unit : rows) {
            checkParent(unit, byCode);
        }
        return new Snapshot(file, date, List.copyOf(rows));
    }

    private static void checkParent(UnitRow unit, Map<String, UnitRow> byCode) {
        int depth = LEVELS.indexOf(unit.level());
        if (unit.parentCode().isEmpty()) {
            if (depth > 0) {
                throw new InputProblem(
                        unit.file(), unit.line(), "parent_code", "a " + unit.level() + " needs a parent code");
            }
            return;
        }
        UnitRow parent = byCode.get(unit.parentCode());
        if (parent == null) {
            throw new InputProblem(
                    unit.file(),
                    unit.line(),
                    "parent_code",
                    "unknown parent code " + unit.parentCode() + " (not in this file)");
        }
        if (LEVELS.indexOf(parent.level()) >= depth) {
            throw new InputProblem(
                    unit.file(),
                    unit.line(),
                    "parent_code",
                    "parent " + parent.code() + " is a " + parent.level() + ", not above a " + unit.level());
        }
    }

    static List<SuccessionRow> successions(String file, String text) {
        List<SuccessionRow> rows = new ArrayList<>();
        for (Csv.Row row : Csv.parse(file, text, SUCCESSION_COLUMNS)) {
            String share = oneOf(row, "share", List.of("full", "partial"));
            rows.add(new SuccessionRow(
                    file,
                    row.line(),
                    Dates.parse(file, row.line(), "effective_date", row.required("effective_date")),
                    oneOf(row, "level", LEVELS),
                    row.required("old_code"),
                    row.required("old_name"),
                    row.required("new_code"),
                    row.required("new_name"),
                    Share.of(share),
                    row.raw()));
        }
        return rows;
    }

    private static void checkSuccessionDates(List<Snapshot> snapshots, List<SuccessionRow> successions) {
        for (SuccessionRow row : successions) {
            boolean before = snapshots.getFirst().date().isBefore(row.effectiveDate());
            boolean onSnapshot = snapshots.stream().anyMatch(s -> s.date().equals(row.effectiveDate()));
            if (!before || !onSnapshot) {
                throw new InputProblem(
                        row.file(),
                        row.line(),
                        "effective_date",
                        row.effectiveDate() + " is not the date of a snapshot that follows an earlier snapshot;"
                                + " a succession needs the lists before and after it");
            }
        }
    }

    private static String oneOf(Csv.Row row, String column, List<String> allowed) {
        String value = row.required(column);
        if (!allowed.contains(value)) {
            throw new InputProblem(row.file(), row.line(), column, "'" + value + "' is not one of " + allowed);
        }
        return value;
    }
}
