package org.mandate.task;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.mandate.document.DocumentQuery;
import org.mandate.document.Documents;
import org.mandate.organization.UnitCatalog;
import org.mandate.shared.AccessDenied;
import org.mandate.shared.InputProblem;
import org.mandate.shared.RowProblems;
import org.mandate.task.internal.ImportColumn;
import org.mandate.task.internal.ImportRows;
import org.mandate.task.internal.ImportTemplate;
import org.mandate.task.internal.SheetReader;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigning many tasks from a spreadsheet filled in from the template: every row is checked
 * first and every problem reported; only a file without problems is imported, all of it in one
 * transaction, each task through {@link Tasks#create} (so each passes the same scope check and
 * leaves the same audit row as one assigned by hand). A row outside the importer's scope undoes
 * the whole import.
 */
@Service
public class TaskImport {
    public static final int MAX_ROWS = 5_000;
    // enough to hold every document of one number the reader may see (one per year and issuer)
    private static final int DOCUMENTS_PER_NUMBER = 100;

    private final Tasks tasks;
    private final UnitCatalog units;
    private final Documents documents;

    TaskImport(Tasks tasks, UnitCatalog units, Documents documents) {
        this.tasks = tasks;
        this.units = units;
        this.documents = documents;
    }

    /** The template to fill in (.xlsx): the data sheet, and a sheet of instructions with an example. */
    public byte[] template() {
        return ImportTemplate.write();
    }

    /**
     * Creates a task for every row of the workbook, or none.
     *
     * @return the ids of the tasks created, in the order of the rows
     * @throws RowProblems every problem of every row, when any row breaks a rule
     * @throws AccessDenied naming the row, when a row's lead unit is outside the importer's scope
     * @throws InputProblem naming the file, when it is not an .xlsx workbook or holds no task
     */
    @Transactional
    public List<Long> importSheet(String file, byte[] content) {
        var sheet = SheetReader.read(file, content, ImportTemplate.DATA_SHEET, MAX_ROWS);
        var checked = ImportRows.check(sheet, new Registry(Tasks.today()), Tasks.today());
        if (!checked.problems().isEmpty()) {
            throw new RowProblems(file, checked.problems());
        }
        if (checked.tasks().isEmpty()) {
            throw new InputProblem(file, 0, null, "the sheet has no task below its header row");
        }
        var ids = new ArrayList<Long>(checked.tasks().size());
        for (var row : checked.tasks()) {
            try {
                ids.add(tasks.create(row.task()));
            } catch (AccessDenied e) {
                throw new AccessDenied(
                        "Row " + row.row() + " of " + file + ": " + e.getMessage() + "; nothing was imported");
            } catch (InputProblem e) {
                // the rules above are Tasks.create's own; this is a safety net, named by row all the same
                String column = "deadline".equals(e.field())
                        ? ImportColumn.DEADLINE.header()
                        : "title".equals(e.field()) ? ImportColumn.TITLE.header() : String.valueOf(e.field());
                throw new RowProblems(file, List.of(new RowProblems.At(row.row(), column, e.reason())));
            }
        }
        return ids;
    }

    /** The registry as the rules see it, each code and number looked up once per import. */
    private final class Registry implements ImportRows.Registry {
        private final LocalDate today;
        private final Map<String, List<ImportRows.Unit>> units = new HashMap<>();
        private final Map<String, List<ImportRows.Document>> documents = new HashMap<>();

        Registry(LocalDate today) {
            this.today = today;
        }

        @Override
        public List<ImportRows.Unit> unitsWithCode(String code) {
            return units.computeIfAbsent(
                    code,
                    c -> TaskImport.this.units.withCode(c, today).stream()
                            .map(u -> new ImportRows.Unit(u.id(), u.code(), u.name()))
                            .toList());
        }

        @Override
        public List<ImportRows.Document> documentsWithNumber(String symbol) {
            return documents.computeIfAbsent(
                    symbol,
                    s ->
                            TaskImport.this
                                    .documents
                                    .find(new DocumentQuery(s, null, true, 0, DOCUMENTS_PER_NUMBER))
                                    .items()
                                    .stream()
                                    .map(d -> new ImportRows.Document(d.id(), d.symbol(), d.issuedOn(), d.registered()))
                                    .toList());
        }
    }
}
