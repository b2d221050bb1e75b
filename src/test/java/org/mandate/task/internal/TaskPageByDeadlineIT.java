package org.mandate.task.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mandate.support.Units.province;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.mandate.access.Scopes;
import org.mandate.shared.PageOf;
import org.mandate.support.MandateIT;
import org.mandate.task.NewTask;
import org.mandate.task.Priority;
import org.mandate.task.TaskQuery;
import org.mandate.task.TaskRow;
import org.mandate.task.Tasks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The page walked in deadline order ({@link TaskPageByDeadline}) against the list computed whole
 * and sorted ({@link TaskSearch#sorted}), on tasks of Sơn La made for it (deadlines tied, moved
 * by an approved extension, none; done on time and late; led by a commune that ended in 2025;
 * starting in the future) and on every other task of the shared database: for each unit, day,
 * status and page, the same rows (status, deadline in force, everything) and the same total.
 */
@MandateIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskPageByDeadlineIT {
    @Autowired
    Tasks tasks;

    @Autowired
    TaskSearch search;

    @Autowired
    TaskPageByDeadline byDeadline;

    @Autowired
    JdbcClient jdbc;

    private final LocalDate today = Tasks.today();
    private long sonLa;
    private long sonLaBefore;

    @BeforeAll
    void tasksOfSonLa() throws Exception {
        sonLa = province(jdbc, "Sơn La");
        sonLaBefore = province(jdbc, "Sơn La", "2025-06-30");
        long endedCommune =
                jdbc.sql("""
                        SELECT c.unit_id FROM org_unit_version p JOIN org_unit_version c ON c.path <@ p.path
                         WHERE p.unit_id = :p AND p.valid @> DATE '2025-06-30' AND c.level = 'commune'
                           AND upper(c.valid) = DATE '2025-07-01' ORDER BY c.unit_id LIMIT 1
                        """).param("p", sonLaBefore).query(Long.class).single();
        long commune = jdbc.sql("""
                        SELECT c.unit_id FROM org_unit_version p JOIN org_unit_version c ON c.path <@ p.path
                         WHERE p.unit_id = :p AND p.valid @> CURRENT_DATE AND c.level = 'commune'
                           AND c.valid @> CURRENT_DATE ORDER BY c.unit_id LIMIT 1
                        """).param("p", sonLa).query(Long.class).single();
        try (var job = Scopes.asSystem("test")) {
            LocalDate d = LocalDate.parse("2025-12-31");
            task("Hai hạn trùng nhau (1)", sonLaBefore, LocalDate.parse("2025-01-10"), d);
            task("Hai hạn trùng nhau (2)", sonLaBefore, LocalDate.parse("2025-01-10"), d);
            long onTime =
                    task("Xong đúng hạn", endedCommune, LocalDate.parse("2025-02-01"), LocalDate.parse("2025-05-30"));
            tasks.complete(onTime, LocalDate.parse("2025-05-20"), null);
            long late =
                    task("Xong quá hạn", endedCommune, LocalDate.parse("2025-02-01"), LocalDate.parse("2025-04-30"));
            tasks.complete(late, LocalDate.parse("2025-06-15"), null);
            task("Thường xuyên", commune, today.minusDays(300), null);
            task("Sắp đến hạn", commune, today.minusDays(90), today.plusDays(3));
            extended(
                    task("Gia hạn khi đã quá hạn", commune, today.minusDays(60), today.minusDays(30)),
                    today.plusDays(60));
            extended(
                    task("Gia hạn khi sắp đến hạn", sonLa, today.minusDays(300), today.plusDays(5)),
                    today.plusDays(40));
            task("Chưa bắt đầu", sonLa, today.plusDays(10), today.plusDays(100));
        }
    }

    private long task(String title, long lead, LocalDate start, @Nullable LocalDate deadline) {
        return tasks.create(new NewTask(
                title, lead, List.of(), null, Priority.NORMAL, null, start, deadline, null, null, null, null));
    }

    /** An extension approved today: the new deadline is in force from today on. */
    private void extended(long task, LocalDate deadline) {
        tasks.decideExtension(task, tasks.requestExtension(task, deadline, "Chờ số liệu"), true, null);
    }

    @Test
    void everyPageWalkedInDeadlineOrderIsThePageTheSortGives() {
        List<LocalDate> days = List.of(
                LocalDate.parse("2025-06-01"),
                LocalDate.parse("2025-07-01"),
                today.minusDays(1),
                today,
                today.plusDays(30));
        List<@Nullable String> statuses =
                Arrays.asList(null, "in_progress", "overdue", "done_on_time", "done_late", "ongoing", "due_soon");
        int compared = 0;
        for (LocalDate day : days) {
            for (Long unit : Arrays.asList(sonLa, sonLaBefore, null)) {
                for (String status : statuses) {
                    compared += samePages(new TaskQuery(unit, true, status, day, null, null, null, null, null, 0, 1));
                }
            }
        }
        // the lists of Sơn La were not all empty
        assertThat(compared).isGreaterThan(100);
    }

    /**
     * Walks the list page by page (3 tasks a page, 25 for the country) up to the first page past
     * its end: each page equal to the sort's, and every task of the list once, in the list's order.
     */
    private int samePages(TaskQuery q) {
        int size = q.unitId() == null ? 25 : 3;
        var whole = search.sorted(q.page(0, 100_000), true, List.of());
        var walked = new ArrayList<TaskRow>();
        for (int page = 0; ; page++) {
            TaskQuery paged = q.page(page, size);
            PageOf<TaskRow> ours = byDeadline.walk(paged);
            assertThat(ours).as("%s", paged).isEqualTo(search.sorted(paged, true, List.of()));
            if (ours.items().isEmpty()) {
                break;
            }
            assertThat(ours.total()).as("%s", paged).isEqualTo(whole.total());
            walked.addAll(ours.items());
        }
        assertThat(walked).as("%s", q).isEqualTo(whole.items());
        return walked.size();
    }

    @Test
    void theListsFindGivesAreTheSortsWhicheverWayItReadsThem() {
        for (Long unit : Arrays.asList(sonLa, null)) {
            for (String status : Arrays.asList(null, "overdue", "in_progress", "due_soon")) {
                var q = new TaskQuery(unit, true, status, today, null, null, null, null, null, 0, 4);
                assertThat(search.find(q, true, List.of())).isEqualTo(search.sorted(q, true, List.of()));
            }
        }
    }
}
