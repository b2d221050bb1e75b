package org.mandate.task;

import java.util.function.IntFunction;
import org.mandate.shared.InputProblem;
import org.mandate.shared.PageOf;
import org.mandate.task.internal.TaskListSheet;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * A task list as a spreadsheet: every task the list's filters match, not one page, read in pages
 * through {@link Tasks#find} (so the reader's scope applies as it does to the list) within one
 * snapshot of the database, so that pages neither skip nor repeat a task that changes meanwhile.
 */
@Service
public class TaskExport {
    static final int PAGE = 1000;
    public static final int MAX_ROWS = 100_000;

    private final Tasks tasks;

    TaskExport(Tasks tasks) {
        this.tasks = tasks;
    }

    /** The .xlsx workbook of every task {@code filters} match (its page and size are not used). */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public byte[] workbook(TaskQuery filters) {
        return workbook(page -> tasks.find(filters.page(page, PAGE)));
    }

    /** The workbook of every row of the pages of {@link #PAGE} rows, page 0 first. */
    static byte[] workbook(IntFunction<PageOf<TaskRow>> pages) {
        try (var sheet = new TaskListSheet()) {
            long written = 0;
            for (int page = 0; ; page++) {
                var found = pages.apply(page);
                if (found.total() > MAX_ROWS) {
                    throw new InputProblem(
                            null,
                            0,
                            null,
                            "the list holds " + found.total() + " tasks and an export holds at most " + MAX_ROWS
                                    + ": narrow it by unit, status, source document or deadlines");
                }
                found.items().forEach(sheet::add);
                written += found.items().size();
                if (found.items().size() < PAGE || written >= found.total()) {
                    return sheet.bytes();
                }
            }
        }
    }
}
