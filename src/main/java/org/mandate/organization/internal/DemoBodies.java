package org.mandate.organization.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.mandate.organization.ApparatusChanges;
import org.mandate.organization.Change;
import org.mandate.organization.ChangeGuard;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.NewUnit;
import org.mandate.organization.SplitPart;
import org.mandate.shared.Csv;
import org.mandate.shared.Dates;
import org.mandate.shared.InputProblem;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The political-system bodies of the seed scenario (demo/bodies.csv): Party committees, standing
 * committees, People's Committees, the Fatherland Front and a mass organization of Quảng Ninh,
 * Móng Cái, Lào Cai, Lạng Sơn and Hải Phòng, recorded through the same changes a user makes.
 * Bodies that ended (the district-level ones on 30 June 2025) end the same way, in reverse order
 * so that units under them end first.
 */
@Component
class DemoBodies {
    static final String FILE = "demo/bodies.csv";
    static final String ACTOR = ChangeGuard.SYSTEM + "demo";

    private final ApparatusChanges changes;
    private final UnitRepository units;
    private final VersionStore store;

    DemoBodies(ApparatusChanges changes, UnitRepository units, VersionStore store) {
        this.changes = changes;
        this.units = units;
        this.store = store;
    }

    /** Loads the bodies unless they are there already (the Central Committee, code TW, stands). */
    @Transactional
    public boolean loadIfAbsent() {
        if (store.codeHolder(Hierarchy.BODY.code(), "TW", LocalDate.of(2021, 2, 1), -1)
                .isPresent()) {
            return false;
        }
        List<Csv.Row> rows = Csv.parse(
                FILE,
                read(),
                List.of(
                        "key",
                        "parent_key",
                        "locality_code",
                        "code",
                        "name",
                        "full_name",
                        "name_en",
                        "level",
                        "kind",
                        "valid_from",
                        "valid_to",
                        "successor_keys",
                        "legal_basis"));
        Map<String, Long> ids = new HashMap<>();
        for (Csv.Row row : rows) {
            LocalDate from = Dates.parse(FILE, row.line(), "valid_from", row.required("valid_from"));
            var unit = new NewUnit(
                    Hierarchy.BODY,
                    row.required("code"),
                    row.required("name"),
                    row.required("full_name"),
                    row.get("name_en"),
                    row.required("level"),
                    row.required("kind"),
                    key(ids, row, "parent_key"),
                    locality(row, from));
            ids.put(row.required("key"), changes.establish(unit, change(from, row.required("legal_basis"))));
        }
        for (Csv.Row row : rows.reversed()) {
            if (row.get("valid_to").isEmpty()) {
                continue;
            }
            LocalDate end = Dates.parse(FILE, row.line(), "valid_to", row.get("valid_to"))
                    .plusDays(1);
            var change = change(end, "Sắp xếp tổ chức bộ máy theo đơn vị hành chính mới (2025)");
            long id = ids.get(row.required("key"));
            List<SplitPart> parts = new ArrayList<>();
            for (String successor : row.get("successor_keys").split(" ")) {
                if (!successor.isBlank()) {
                    parts.add(new SplitPart(ids.get(successor), null, null));
                }
            }
            if (parts.isEmpty()) {
                changes.dissolve(id, change);
            } else {
                changes.split(id, parts, false, change);
            }
        }
        return true;
    }

    private @Nullable Long locality(Csv.Row row, LocalDate date) {
        String code = row.get("locality_code");
        if (code.isEmpty()) {
            return null;
        }
        return units.byCode(Hierarchy.LOCALITY, code, date)
                .orElseThrow(() ->
                        new InputProblem(FILE, row.line(), "locality_code", "no locality " + code + " on " + date))
                .unitId();
    }

    private static @Nullable Long key(Map<String, Long> ids, Csv.Row row, String column) {
        String key = row.get(column);
        if (key.isEmpty()) {
            return null;
        }
        Long id = ids.get(key);
        if (id == null) {
            throw new InputProblem(FILE, row.line(), column, "'" + key + "' is not defined on an earlier line");
        }
        return id;
    }

    private static Change change(LocalDate date, String basis) {
        return new Change(date, basis, ACTOR, "demo data of the seed scenario");
    }

    private static String read() {
        try (var in = new ClassPathResource(FILE).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
