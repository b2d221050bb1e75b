package org.mandate.bench;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import javax.sql.DataSource;
import org.mandate.access.Scopes;
import org.mandate.organization.ApparatusChanges;
import org.mandate.organization.Change;
import org.mandate.organization.SplitPart;
import org.mandate.task.NewTask;
import org.mandate.task.Priority;
import org.mandate.task.Tasks;
import org.mandate.task.internal.TaskStore;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Not a benchmark: a probe, found while writing {@link TaskBenchmarks}, of where the kept counts
 * (task_status_change, read by TaskStore.counts) and the counts computed from the task rows over
 * units_under_as_of part ways. On the real registry, with communes of Quảng Ninh (unit 14):
 *
 * <ol>
 *   <li>a task is created, then its commune is merged into another one (ApparatusChanges.merge)
 *       dated after the task's start;
 *   <li>a task is created, then its commune is transferred to Nghệ An (unit 27);
 *   <li>a commune that was renamed on 2026-07-25 (so it has a closed version) cedes a part to a
 *       neighbour and continues (split with continues = true), then a task of it is created;
 *   <li>the same with a commune that has a single version.
 * </ol>
 *
 * It prints both counts for each unit concerned, before and after the changes' date, and the
 * pairs that differ. Run with {@code mvn -o exec:java -Dexec.mainClass=org.mandate.bench.RestructuringCountsProbe
 * -Dexec.classpathScope=test -Dexec.cleanupDaemonThreads=false} (a fresh database in
 * target/bench-probe-data; about a minute). See docs/BENCHMARKS.md, "Tasks (issue 5)".
 */
public final class RestructuringCountsProbe {
    private RestructuringCountsProbe() {}

    public static void main(String[] args) throws Exception {
        try (var app = BenchApp.start("target/bench-probe-data")) {
            BenchApp.importUnits(app);
            var jdbc = JdbcClient.create(app.getBean(DataSource.class));
            var counts = new TaskBenchmarks.DashboardCounts(jdbc, app.getBean(TaskStore.class));
            var tasks = app.getBean(Tasks.class);
            var changes = app.getBean(ApparatusChanges.class);
            LocalDate today = Tasks.today();
            LocalDate on = today.plusDays(6);
            LocalDate start = today.minusDays(20);
            List<Long> single = communesOf14(jdbc, today, false);
            List<Long> renamed = communesOf14(jdbc, today, true);
            long merged = single.get(0);
            long mergedInto = single.get(1);
            long moved = single.get(2);
            long nephew = single.get(3);
            long splitOneVersion = single.get(4);
            long nephew2 = single.get(5);
            long splitRenamed = renamed.get(0);
            long nghean = 27;
            try (var job = Scopes.asSystem("probe")) {
                tasks.create(task("merged after the task", merged, start));
                tasks.create(task("transferred after the task", moved, start));
                changes.merge(List.of(merged), mergedInto, null, change(on));
                changes.transfer(moved, nghean, change(on));
                changes.split(
                        splitRenamed, List.of(new SplitPart(nephew, null, new BigDecimal("0.2"))), true, change(on));
                changes.split(
                        splitOneVersion,
                        List.of(new SplitPart(nephew2, null, new BigDecimal("0.2"))),
                        true,
                        change(on));
                tasks.create(task("of a renamed commune that continues after a split", splitRenamed, start));
                tasks.create(task("of a commune that continues after a split", splitOneVersion, start));
            }
            System.out.printf(
                    "changes dated %s: %d merged into %d; %d transferred from 14 to %d; %d (renamed 2026-07-25) and %d"
                            + " (one version) cede parts to %d and %d and continue%n",
                    on, merged, mergedInto, moved, nghean, splitRenamed, splitOneVersion, nephew, nephew2);
            var differ = new ArrayList<String>();
            for (LocalDate day : List.of(today, on.plusDays(14))) {
                for (long unit : List.of(
                        merged, mergedInto, moved, 14L, nghean, splitRenamed, nephew, splitOneVersion, nephew2)) {
                    var fast = new EnumMap<>(counts.fast(unit, day));
                    var slow = counts.correct(List.of(unit), day);
                    String line = String.format(
                            "unit %d as of %s: kept %s | from units_under_as_of %s", unit, day, fast, slow);
                    System.out.println(line + (fast.equals(slow) ? "" : "  <-- differ"));
                    if (!fast.equals(slow)) {
                        differ.add(line);
                    }
                }
            }
            for (long unit : List.of(merged, moved, splitRenamed, splitOneVersion)) {
                System.out.println("unit_scope_spans(" + unit + "): "
                        + jdbc.sql("SELECT scope_id, during::text AS during FROM unit_scope_spans(:u) ORDER BY 1, 2")
                                .param("u", unit)
                                .query()
                                .listOfRows());
            }
            System.out.println(differ.size() + " (unit, day) pairs differ");
        }
    }

    private static List<Long> communesOf14(JdbcClient jdbc, LocalDate today, boolean withClosedVersion) {
        return jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version v
                         WHERE v.parent_id = 14 AND v.level = 'commune' AND v.valid @> CAST(:d AS date)
                           AND EXISTS (SELECT 1 FROM org_unit_version w
                                        WHERE w.unit_id = v.unit_id AND upper(w.valid) IS NOT NULL) = :closed
                         ORDER BY v.code
                        """)
                .param("d", today)
                .param("closed", withClosedVersion)
                .query(Long.class)
                .list();
    }

    private static Change change(LocalDate on) {
        return new Change(on, "probe (not a real change)", "system:probe", null);
    }

    private static NewTask task(String title, long lead, LocalDate start) {
        return new NewTask(
                "Probe: " + title, lead, List.of(), null, Priority.NORMAL, null, start, null, null, null, null, null);
    }
}
