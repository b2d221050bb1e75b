package org.mandate.indicator;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Grant;
import org.mandate.access.Role;
import org.mandate.access.Scope;
import org.mandate.access.Scopes;
import org.mandate.audit.AuditLog;
import org.mandate.audit.AuditRecord;
import org.mandate.indicator.internal.CsvStream;
import org.mandate.indicator.internal.ImportStore;
import org.mandate.indicator.internal.RecordHandler;
import org.mandate.indicator.internal.ValueRows;
import org.mandate.indicator.internal.XlsxStream;
import org.mandate.shared.AccessDenied;
import org.mandate.shared.Conflict;
import org.mandate.shared.InputProblem;
import org.mandate.shared.RowProblems;
import org.mandate.shared.RowProblems.At;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.json.JsonWriter;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Values from a file: the template filled in (.xlsx), a CSV with the same columns, or SDMX-CSV. All
 * or nothing: every row is checked (its unit's code in the registry for its period, the period,
 * the indicator, the figure, the unit of measure) and every problem reported with its row and
 * column; only a file without any is written, in one transaction with one audit entry. A figure
 * for a unit, indicator and period that has a current value corrects it (the earlier figure stays
 * on record) unless it is the same; the rest are entered as drafts.
 *
 * <p>Built for a million rows: the file is read as it streams, the rows go to PostgreSQL with
 * COPY, and the lookups and writes are a few set-based statements ({@code ImportStore}).
 */
@Service
public class ValueImport {
    /** The sheet of the template the figures are read from (else the first sheet). */
    public static final String DATA_SHEET = "Số liệu";

    private static final Logger log = LoggerFactory.getLogger(ValueImport.class);
    private static final Set<Role> ENTERING = EnumSet.of(Role.ADMIN, Role.OFFICE, Role.REPORTER);
    /** Who may approve a unit's values ({@link Indicators#approve}). */
    private static final Set<Role> APPROVING = EnumSet.of(Role.ADMIN, Role.LEADER);

    private final ImportStore store;
    private final Scopes scopes;
    private final AuditLog audit;

    ValueImport(ImportStore store, Scopes scopes, AuditLog audit) {
        this.store = store;
        this.scopes = scopes;
        this.audit = audit;
    }

    /**
     * What an import did.
     *
     * @param rows rows with a figure
     * @param entered new values (drafts)
     * @param corrected current values replaced by a new draft
     * @param unchanged figures equal to the current value, left as they were
     * @param withoutFigure rows left out because they hold no figure
     */
    public record Imported(
            String file, String format, int rows, int entered, int corrected, int unchanged, int withoutFigure) {}

    /**
     * Imports every row of the file, or none.
     *
     * @throws RowProblems every problem of every row (the first thousand listed), when any row breaks a rule
     * @throws AccessDenied naming the first row whose unit lies outside the importer's scope
     * @throws InputProblem naming the file when it cannot be read at all
     */
    @Transactional
    public Imported importFile(String file, InputStream content) {
        return importFile(file, content, ValueState.DRAFT);
    }

    /**
     * Imports every row of the file, or none, and moves the values it writes (new and corrected)
     * from draft to {@code state}: submitted (as {@link Indicators#submit}: the importer's roles
     * admin, office or reporter cover every row's unit), or approved (as {@link Indicators#approve}
     * as well: a leader or administrator over every row's unit). Figures equal to the current value
     * are left as they are.
     */
    @Transactional
    public Imported importFile(String file, InputStream content, ValueState state) {
        Scope scope = scopes.current();
        var roles =
                scope.grants().stream().filter(g -> ENTERING.contains(g.role())).toList();
        if (roles.isEmpty()) {
            throw new AccessDenied((scope.signedIn() ? scope.username() : "An anonymous caller")
                    + " may not import values: that needs the role admin, office or reporter");
        }
        var approving = scope.grants().stream()
                .filter(g -> APPROVING.contains(g.role()))
                .toList();
        if (state == ValueState.APPROVED && approving.isEmpty()) {
            throw new AccessDenied(scope.username()
                    + " may not import values as approved: that needs the role leader or admin over their units");
        }
        long started = System.nanoTime();
        var in = new BufferedInputStream(content, 1 << 16);
        boolean workbook = isWorkbook(in);
        var staging = store.stage();
        var reading = new Reading(file);
        try {
            if (workbook) {
                XlsxStream.read(file, readAll(in), DATA_SHEET, reading.handler(staging));
            } else {
                CsvStream.read(file, in, reading.handler(staging));
            }
        } catch (RuntimeException e) {
            staging.cancel();
            throw e;
        }
        staging.close();
        ValueRows rows = reading.rows;
        if (rows == null) {
            throw new InputProblem(file, 0, null, "the file is empty: it has no header row");
        }
        if (rows.rows() == 0) {
            throw new InputProblem(file, 0, null, "the file has no figure below its header row");
        }
        long read = System.nanoTime();
        store.resolve();
        long resolved = System.nanoTime();
        var found = store.problems(ValueRows.MAX_LISTED, rows.problemCount() > 0);
        failOnProblems(rows, found);
        requireScope(scope, roles, file, "enter values for");
        if (state == ValueState.APPROVED) {
            requireScope(scope, approving, file, "approve values of");
        }
        long checked = System.nanoTime();
        var written = write(rows, Indicators.actor(scope));
        int moved = move(state, Indicators.actor(scope));
        long done = System.nanoTime();
        log.info(
                "{}: {} rows read and copied in {} ms, looked up in {} ms, checked in {} ms, written in {} ms",
                file,
                rows.rows(),
                (read - started) / 1_000_000,
                (resolved - read) / 1_000_000,
                (checked - resolved) / 1_000_000,
                (done - checked) / 1_000_000);
        var touched = store.touched();
        String format = workbook ? "xlsx" : rows.sdmx() ? "sdmx-csv" : "csv";
        var detail = new LinkedHashMap<String, Object>();
        detail.put("file", file);
        detail.put("format", format);
        detail.put("rows", rows.rows());
        detail.put("entered", written.entered());
        detail.put("corrected", written.corrected());
        detail.put("unchanged", written.unchanged());
        detail.put("state", state.code());
        detail.put("moved", moved);
        detail.put("indicators", touched.indicators());
        audit.record(new AuditRecord(
                Indicators.actor(scope),
                "import_values",
                "indicator_value",
                null,
                touched.unit(),
                JsonWriter.standard().writeToString(detail),
                null,
                null));
        return new Imported(
                file,
                format,
                rows.rows(),
                written.entered(),
                written.corrected(),
                written.unchanged(),
                rows.withoutFigure());
    }

    /** Reads the header, then hands every row to the checks and the good ones to the COPY. */
    private static final class Reading {
        private final String file;
        private @Nullable ValueRows rows;

        Reading(String file) {
            this.file = file;
        }

        RecordHandler handler(ImportStore.Staging staging) {
            return (row, cells) -> {
                if (rows == null) {
                    rows = ValueRows.header(file, row, cells);
                } else {
                    rows.row(row, cells, staging);
                }
            };
        }
    }

    private ImportStore.Written write(ValueRows rows, String actor) {
        store.savepoint();
        try {
            return store.write(actor);
        } catch (DuplicateKeyException e) {
            // rare, so only now are the rows searched for a second figure of the same value
            store.rollbackToSavepoint();
            var found = store.problems(ValueRows.MAX_LISTED, true);
            failOnProblems(rows, found);
            throw new Conflict("Values of these units and periods were entered or corrected while the file was being"
                    + " imported; nothing was imported. Upload the file again");
        }
    }

    /** Both kinds of problems in row order, the first thousand listed and the rest counted. */
    private static void failOnProblems(ValueRows rows, ImportStore.Problems found) {
        int total = rows.problemCount() + found.total();
        if (total == 0) {
            return;
        }
        var all = new ArrayList<At>(rows.problems());
        found.first().forEach(p -> all.add(new At(p.row(), rows.header(p.field()), p.reason())));
        all.sort(Comparator.comparingInt(At::row));
        var listed = new ArrayList<>(all.subList(0, Math.min(all.size(), ValueRows.MAX_LISTED)));
        if (total > listed.size()) {
            At next = all.size() > listed.size() ? all.get(listed.size()) : listed.getLast();
            listed.add(new At(
                    next.row(),
                    "",
                    "and " + (total - listed.size()) + " more problems from this row on, not listed; fix the rows"
                            + " above and upload the file again to see them"));
        }
        throw new RowProblems(rows.file(), listed);
    }

    /** The state asked for on an import: draft when none; 400 naming {@code state} when unknown. */
    public static ValueState state(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return ValueState.DRAFT;
        }
        try {
            return ValueState.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw InputProblem.field("state", e.getMessage());
        }
    }

    /**
     * The values written go from draft to the state asked for, through the states in order (each
     * step one that ValueState allows: draft, submitted, approved).
     */
    private int move(ValueState state, String actor) {
        return state == ValueState.DRAFT ? 0 : store.moveWritten(state, actor);
    }

    private void requireScope(Scope scope, List<Grant> roles, String file, String what) {
        if (roles.stream().anyMatch(Grant::wholeCountry)) {
            return;
        }
        var roots = roles.stream().map(Grant::unitId).collect(Collectors.toSet());
        store.firstOutOfScope(roots, Indicators.today()).ifPresent(out -> {
            throw new AccessDenied("Row " + out.row() + " of " + file + ": " + scope.username()
                    + " may not " + what + " unit " + out.unitId() + " (code " + out.unitCode()
                    + "): it lies outside their scope, or they have no role for that there; nothing was imported");
        });
    }

    private static boolean isWorkbook(BufferedInputStream in) {
        try {
            in.mark(8);
            byte[] head = in.readNBytes(8);
            in.reset();
            return XlsxStream.isWorkbook(head);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
