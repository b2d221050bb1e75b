package org.mandate.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.mandate.access.Scopes;
import org.mandate.organization.ApparatusChanges;
import org.mandate.organization.Change;
import org.mandate.organization.Hierarchy;
import org.mandate.organization.NewUnit;
import org.mandate.task.Decomposition;
import org.mandate.task.NewTask;
import org.mandate.task.Priority;
import org.mandate.task.TaskStatus;
import org.mandate.task.Tasks;
import org.mandate.task.internal.TaskCounts;
import org.mandate.task.internal.TaskStore;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Benchmarks of tasks (issue 5) on the real administrative units and a million generated tasks
 * ({@link TaskDataset}): the dashboard counts by status as of a date, of a province and of the
 * whole country, through the product's {@link TaskStore#counts} against a naive recursive query
 * over parent links run in the same run; and decomposing a task to every commune of a province
 * and of the country through {@link Tasks#decompose} (the province's against creating the same
 * children one by one with {@link Tasks#create}). Before timing anything, the fast counts are
 * checked against counts computed from the task rows, and again after the decompositions. Run with {@code ./mandate bench tasks}; see
 * docs/BENCHMARKS.md. Arguments: {@code --calls N} (timed calls of each fast read, default 300),
 * {@code --tasks N} (default 1,000,000).
 */
public final class TaskBenchmarks {
    static final double PROVINCE_TARGET_MS = 20;
    static final double COUNTRY_TARGET_MS = 50;
    static final double MIN_RATIO = 10;
    static final double DECOMPOSE_TARGET_S = 5;
    static final long SEED = 20250701L;
    static final LocalDate FIRST_DAY = LocalDate.parse("2020-01-01");
    static final LocalDate LAST_DAY = LocalDate.parse("2026-12-31");
    /** Days the fast counts are checked on: both sides of the 2025 reform and of the 2026 renaming. */
    static final List<LocalDate> CHECK_DAYS = List.of(
            LocalDate.parse("2020-06-15"),
            LocalDate.parse("2022-03-01"),
            LocalDate.parse("2024-12-31"),
            LocalDate.parse("2025-06-30"),
            LocalDate.parse("2025-07-01"),
            LocalDate.parse("2025-12-31"),
            LocalDate.parse("2026-07-25"),
            LocalDate.parse("2026-11-25"),
            LocalDate.parse("2026-12-31"));
    /** Days the country is checked on (its slow queries take seconds): before, on and after the reform. */
    static final List<LocalDate> COUNTRY_CHECK_DAYS = List.of(
            LocalDate.parse("2022-03-01"),
            LocalDate.parse("2025-06-30"),
            LocalDate.parse("2025-07-01"),
            LocalDate.parse("2026-11-25"));

    private TaskBenchmarks() {}

    public static void main(String[] args) throws Exception {
        int calls = 300;
        int taskCount = 1_000_000;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--calls" -> calls = Integer.parseInt(args[++i]);
                case "--tasks" -> taskCount = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        var report = new Report();
        var mismatches = new ArrayList<String>();
        long started = System.nanoTime();
        try (var app = BenchApp.start("target/bench-tasks-data")) {
            var dataSource = app.getBean(DataSource.class);
            var jdbc = JdbcClient.create(dataSource);
            double importSeconds = BenchApp.importUnits(app);

            var data = TaskDataset.generate(dataSource, app.getBean(TaskCounts.class), taskCount, SEED);
            System.out.printf(
                    "generated %,d tasks, %,d deadline rows, %,d rows of task_status_change in %.1f s: %s%n",
                    data.tasks(), data.deadlineRows(), data.changeRows(), data.seconds(), data.stepSeconds());
            System.out.printf(
                    "lead units by level %s; %,d led by units that ended (merged 2025-07-01); %,d with an approved"
                            + " extension; %,d completed; %,d ongoing (no deadline)%n",
                    data.byLeadLevel(),
                    data.ledByUnitsThatEnded(),
                    data.withExtension(),
                    data.completed(),
                    data.ongoing());
            report.note(Report.fmt(
                    "Data: the real administrative units (imported in %.1f s) and %,d generated tasks (seed %d):"
                            + " lead units by level %s, %,d of them led by units that ended on the 2025 reform,"
                            + " %,d with an approved extension, %,d completed, %,d ongoing; %,d task_deadline rows,"
                            + " %,d task_status_change rows. Generated in %.1f s (%s).",
                    importSeconds,
                    data.tasks(),
                    SEED,
                    data.byLeadLevel(),
                    data.ledByUnitsThatEnded(),
                    data.withExtension(),
                    data.completed(),
                    data.ongoing(),
                    data.deadlineRows(),
                    data.changeRows(),
                    data.seconds(),
                    BenchApp.steps(data.stepSeconds())));

            var counts = new DashboardCounts(jdbc, app.getBean(TaskStore.class));
            check(counts, jdbc, new Random(SEED), null, CHECK_DAYS, COUNTRY_CHECK_DAYS, mismatches, report);
            dashboards(counts, report, calls);
            decompositions(app, counts, jdbc, report, mismatches);
        }
        BenchApp.finish(report, started, "target/benchmarks-tasks.md");
        BenchApp.failOn(
                mismatches,
                "MISMATCHES between the fast counts and the counts from the task rows:",
                "count mismatches");
    }

    /**
     * The fast counts against counts computed from the task rows: always the query over
     * units_under_as_of, which takes in the units standing under the root and the units that ended
     * and whose heir (or heir's heir) stands there; and the naive query on the days before any unit
     * ended, where its meaning is the same. A province on every day, the country on the days given
     * (the slow country queries take seconds each). Mismatches are collected, not thrown, so that
     * the run still reports its figures.
     */
    private static void check(
            DashboardCounts counts,
            JdbcClient jdbc,
            Random random,
            @Nullable Long province,
            List<LocalDate> days,
            List<LocalDate> countryDays,
            List<String> mismatches,
            Report report) {
        LocalDate firstEnd = jdbc.sql("""
                        SELECT min(last_day) FROM (
                            SELECT max(upper(valid)) AS last_day, bool_or(upper_inf(valid)) AS open
                              FROM org_unit_version GROUP BY unit_id) u
                         WHERE NOT open
                        """).query(LocalDate.class).single();
        int checked = 0;
        int naiveChecked = 0;
        var found = new ArrayList<String>();
        for (LocalDate day : days) {
            boolean naiveApplies = day.isBefore(firstEnd);
            List<Long> provinces = counts.provinces(day);
            long root = province != null ? province : provinces.get(random.nextInt(provinces.size()));
            var cases = new ArrayList<Case>();
            cases.add(new Case("province " + root, List.of(root), counts.fast(root, day), counts.naive(root, day)));
            if (countryDays.contains(day)) {
                List<Long> roots = counts.roots(day);
                var naive = naiveApplies ? counts.naive(null, day) : null;
                cases.add(new Case("country (the country scope)", roots, counts.fastCountry(day), naive));
            }
            Map<List<Long>, Map<TaskStatus, Long>> correct = new java.util.HashMap<>();
            for (Case c : cases) {
                long start = System.nanoTime();
                var expected = correct.computeIfAbsent(c.roots(), r -> counts.correct(r, day));
                double ms = (System.nanoTime() - start) / 1e6;
                checked++;
                boolean same = c.fast().equals(expected);
                System.out.printf(
                        "check %s as of %s: fast %s | from units_under_as_of %s (%.0f ms)%s | naive %s%n",
                        c.what(),
                        day,
                        new EnumMap<>(c.fast()),
                        expected,
                        ms,
                        same ? " equal" : " <-- MISMATCH",
                        c.naive() == null ? "not run" : c.naive());
                if (!same) {
                    found.add(Report.fmt(
                            "%s as of %s: fast %s, from units_under_as_of %s", c.what(), day, c.fast(), expected));
                }
                if (naiveApplies && c.naive() != null) {
                    naiveChecked++;
                    if (!c.fast().equals(c.naive())) {
                        found.add(Report.fmt(
                                "%s as of %s (before any unit ended): fast %s, naive %s",
                                c.what(), day, c.fast(), c.naive()));
                    }
                }
            }
        }
        mismatches.addAll(found);
        report.note(Report.fmt(
                "Checked %d (root, day) pairs (a random province on each of %s; the country on %s): the fast"
                        + " counts against the counts computed from the task rows over units_under_as_of, and in"
                        + " the %d pairs dated before %s (the first day a unit had ended) against the naive query"
                        + " too, whose meaning is the same until then: %s.",
                checked,
                days,
                countryDays,
                naiveChecked,
                firstEnd,
                found.isEmpty() ? "all equal" : "MISMATCHES: " + String.join("; ", found)));
    }

    private record Case(
            String what,
            List<Long> roots,
            Map<TaskStatus, Long> fast,
            @Nullable Map<TaskStatus, Long> naive) {}

    private static void dashboards(DashboardCounts counts, Report report, int calls) {
        var random = new Random(SEED + 1);
        int span = (int) (LAST_DAY.toEpochDay() - FIRST_DAY.toEpochDay() + 1);
        record Input(long province, LocalDate day) {}
        var inputs = new ArrayList<Input>();
        for (int i = 0; i < calls; i++) {
            LocalDate day = FIRST_DAY.plusDays(random.nextInt(span));
            List<Long> provinces = counts.provinces(day);
            inputs.add(new Input(provinces.get(random.nextInt(provinces.size())), day));
        }
        int baselineCalls = 30;
        long baselineBudgetMs = 60_000;

        Latency fast = Latency.measure(Math.min(50, calls), calls, 120_000, i -> {
            Input in = inputs.get(i % inputs.size());
            counts.fast(in.province(), in.day());
        });
        Latency naive = Latency.measure(3, baselineCalls, baselineBudgetMs, i -> {
            Input in = inputs.get(i % inputs.size());
            counts.naive(in.province(), in.day());
        });
        BenchApp.print("province dashboard", fast, naive);
        report.latency(
                "Dashboard of a province: counts by status as of a day (random province, random day 2020-2026)",
                fast,
                naive,
                PROVINCE_TARGET_MS,
                MIN_RATIO);

        Latency country = Latency.measure(
                Math.min(50, calls),
                calls,
                60_000,
                i -> counts.fastCountry(inputs.get(i % inputs.size()).day()));
        // one warm-up call only: on a million tasks a call takes seconds
        Latency countryNaive = Latency.measure(
                1,
                baselineCalls,
                baselineBudgetMs,
                i -> counts.naive(null, inputs.get(i % inputs.size()).day()));
        BenchApp.print("country dashboard", country, countryNaive);
        report.latency(
                "Dashboard of the whole country (TaskStore.counts of the country scope)",
                country,
                countryNaive,
                COUNTRY_TARGET_MS,
                MIN_RATIO);

        report.note("Inputs (seed " + (SEED + 1) + "): " + calls + " (province, day) pairs, the day uniform over "
                + FIRST_DAY + " .. " + LAST_DAY + ", the province one of those standing on that day; the country"
                + " reads use the same days. Ours: 50 warm-up calls, then timed calls until " + calls
                + " or the budget (120 s for the province, 60 s for the country); baselines: at most "
                + baselineCalls + " timed calls, fewer when " + baselineBudgetMs / 1000 + " s run out (at least 5),"
                + " after 3 warm-up calls (the country: 1).");
    }

    /**
     * Decomposing a task to every commune of the province with the most communes, and a national
     * task (led by the Government, a central body established for it) to every commune of the
     * country, through the Spring bean in the system scope; three times each. Baseline, for the
     * province only (3,321 one by one would take a minute of the run's ten): the same children
     * created one by one with Tasks.create.
     */
    private static void decompositions(
            ConfigurableApplicationContext app,
            DashboardCounts counts,
            JdbcClient jdbc,
            Report report,
            List<String> mismatches)
            throws Exception {
        var tasks = app.getBean(Tasks.class);
        LocalDate today = Tasks.today();
        LocalDate deadline = today.plusDays(90);
        long province = jdbc.sql("""
                        SELECT p.unit_id FROM org_unit_version p JOIN org_unit_version c
                            ON c.parent_id = p.unit_id AND c.valid @> CAST(:today AS date) AND c.level = 'commune'
                         WHERE p.level = 'province' AND p.valid @> CAST(:today AS date)
                         GROUP BY p.unit_id ORDER BY count(*) DESC, p.unit_id LIMIT 1
                        """).param("today", today).query(Long.class).single();
        List<Long> communes =
                jdbc.sql("""
                        SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
                         WHERE u.hierarchy = 'locality' AND v.level = 'commune' AND v.valid @> CAST(:today AS date)
                         ORDER BY v.code
                        """).param("today", today).query(Long.class).list();
        try (var job = Scopes.asSystem("bench")) {
            long government = app.getBean(ApparatusChanges.class)
                    .establish(
                            new NewUnit(
                                    Hierarchy.BODY,
                                    "CP",
                                    "Chính phủ",
                                    "Chính phủ nước Cộng hòa xã hội chủ nghĩa Việt Nam",
                                    "Government of Viet Nam",
                                    "central",
                                    "government",
                                    null,
                                    null),
                            new Change(
                                    LocalDate.parse("2016-04-09"),
                                    "Nghị quyết của Quốc hội khóa XIV về cơ cấu tổ chức Chính phủ (2016)",
                                    "system:bench",
                                    null));
            for (var target : List.of(
                    new Target("province", province, "one province task to its communes", null),
                    new Target("national", government, "one national task to every commune", communes))) {
                var seconds = new ArrayList<Double>();
                List<Long> children = List.of();
                for (int rep = 0; rep < 3; rep++) {
                    long parent = tasks.create(newTask(target.what() + " task " + rep, target.lead(), today, deadline));
                    long t = System.nanoTime();
                    children = target.units() == null
                            ? tasks.decompose(parent, new Decomposition(List.of(), "commune", null, null))
                            : tasks.decompose(parent, new Decomposition(target.units(), null, null, null));
                    seconds.add(BenchApp.secondsSince(t));
                }
                double worst =
                        seconds.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                String name = Report.fmt(
                        "Decompose %s (%,d children; 3 runs: %s s)",
                        target.label(),
                        children.size(),
                        String.join(
                                " / ",
                                seconds.stream().map(s -> Report.fmt("%.2f", s)).toList()));
                if (target.units() != null) {
                    System.out.printf("decompose %s (%d children): %s s%n", target.label(), children.size(), seconds);
                    report.seconds(name, worst, DECOMPOSE_TARGET_S);
                    continue;
                }
                // baseline: the same children, one Tasks.create each
                long parent = tasks.create(newTask(target.what() + " one by one", target.lead(), today, deadline));
                List<Long> units = jdbc.sql(
                                "SELECT lead_unit_id FROM task WHERE id = ANY (CAST(:ids AS bigint[])) ORDER BY id")
                        .param("ids", children.toArray(Long[]::new))
                        .query(Long.class)
                        .list();
                long t = System.nanoTime();
                for (long unit : units) {
                    tasks.create(new NewTask(
                            target.what() + " one by one",
                            unit,
                            List.of(),
                            null,
                            Priority.NORMAL,
                            null,
                            today,
                            deadline,
                            null,
                            null,
                            null,
                            parent));
                }
                double oneByOne = BenchApp.secondsSince(t);
                System.out.printf(
                        "decompose %s (%d children): %s s; one by one: %.2f s%n",
                        target.label(), children.size(), seconds, oneByOne);
                report.seconds(name, worst, oneByOne, DECOMPOSE_TARGET_S);
            }
        }
        report.note(Report.fmt(
                "Decomposition: Tasks.decompose through the Spring bean in Scopes.asSystem(\"bench\"), start %s,"
                        + " deadline %s; the figure is the worst of 3 runs. Province: the one with the most communes"
                        + " today (unit %d), by level 'commune'; baseline: the same children created one by one"
                        + " with Tasks.create. National: led by the Government, a central body the benchmark"
                        + " establishes (the registry has no country unit, so 'every commune under the lead unit'"
                        + " cannot be asked), with the %,d communes standing today given as units; no baseline.",
                today, deadline, province, communes.size()));
        // the product's own writes (decompositions, creates) must agree with the counts too
        check(
                counts,
                jdbc,
                new Random(SEED + 2),
                province,
                List.of(today, deadline.plusDays(1)),
                List.of(today),
                mismatches,
                report);
    }

    private record Target(
            String what, long lead, String label, @Nullable List<Long> units) {}

    private static NewTask newTask(String title, long lead, LocalDate start, LocalDate deadline) {
        return new NewTask(
                "Bench: " + title,
                lead,
                List.of(),
                null,
                Priority.NORMAL,
                null,
                start,
                deadline,
                null,
                null,
                null,
                null);
    }

    /** Counts by status as of a day: the product's, the naive baseline's, and from units_under_as_of. */
    static final class DashboardCounts {
        private static final String TASK_STATUS = """
                SELECT %s AS status
                  FROM %s
                  JOIN task t ON t.lead_unit_id = sub.unit_id AND t.start_on <= :asOf
                  LEFT JOIN LATERAL (SELECT deadline FROM task_deadline x WHERE x.task_id = t.id AND x.effective_on <= :asOf
                                      ORDER BY x.effective_on DESC LIMIT 1) dd ON true
                  LEFT JOIN LATERAL (SELECT deadline FROM task_deadline x WHERE x.task_id = t.id
                                        AND x.effective_on <= t.completed_on
                                      ORDER BY x.effective_on DESC LIMIT 1) dc ON true
                """;
        private final JdbcClient jdbc;
        private final TaskStore store;
        private final String naiveProvince;
        private final String naiveCountry;
        private final String correct;

        DashboardCounts(JdbcClient jdbc, TaskStore store) throws ReflectiveOperationException {
            this.jdbc = jdbc;
            this.store = store;
            // the product's CASE, read from the class so that the baselines cannot drift from it
            var field = TaskStore.class.getDeclaredField("STATUS");
            field.setAccessible(true);
            String status = (String) field.get(null);
            this.naiveProvince = naive(status, "v.unit_id = :root");
            this.naiveCountry = naive(
                    status,
                    "v.parent_id IS NULL AND v.unit_id IN (SELECT id FROM org_unit WHERE hierarchy = 'locality')");
            this.correct = "SELECT status, count(*) AS n FROM ("
                    + TASK_STATUS.formatted(
                            status,
                            "(SELECT DISTINCT u.unit_id FROM unnest(CAST(:roots AS bigint[])) AS r(id),"
                                    + " units_under_as_of(r.id, :asOf) u) sub")
                    + ") s GROUP BY status";
        }

        /** Naive: walk the parent links down from the root(s) as of the day, then compute every status. */
        private static String naive(String status, String start) {
            return """
                    WITH RECURSIVE sub AS (
                        SELECT v.unit_id FROM org_unit_version v WHERE %s AND v.valid @> :asOf
                        UNION ALL
                        SELECT c.unit_id FROM sub JOIN org_unit_version c ON c.parent_id = sub.unit_id AND c.valid @> :asOf
                    )
                    SELECT status, count(*) AS n FROM (
                    """.formatted(start) + TASK_STATUS.formatted(status, "sub") + ") s GROUP BY status";
        }

        Map<TaskStatus, Long> fast(long scope, LocalDate day) {
            return store.counts(scope, day);
        }

        /**
         * The roots standing on the day: the provinces (the registry has no country unit) and the
         * central bodies, which belong to no locality; the country scope counts their tasks too.
         */
        List<Long> roots(LocalDate day) {
            return jdbc.sql("""
                            SELECT v.unit_id FROM org_unit_version v JOIN org_unit u ON u.id = v.unit_id
                             WHERE v.parent_id IS NULL AND v.valid @> CAST(:day AS date)
                               AND (u.hierarchy = 'locality' OR v.locality_id IS NULL)
                             ORDER BY v.unit_id
                            """).param("day", day).query(Long.class).list();
        }

        List<Long> provinces(LocalDate day) {
            return jdbc.sql("""
                            SELECT unit_id FROM org_unit_version
                             WHERE level = 'province' AND valid @> CAST(:day AS date) ORDER BY unit_id
                            """).param("day", day).query(Long.class).list();
        }

        /** The whole country with the product: TaskStore.counts of the country scope (TaskCounts.COUNTRY). */
        Map<TaskStatus, Long> fastCountry(LocalDate day) {
            var sum = zeros();
            store.counts(org.mandate.task.internal.TaskCounts.COUNTRY, day)
                    .forEach((s, n) -> sum.merge(s, n, Long::sum));
            return sum;
        }

        /** The naive baseline for a root, or for the whole country (every root) when null. */
        Map<TaskStatus, Long> naive(@Nullable Long root, LocalDate day) {
            var spec = jdbc.sql(root == null ? naiveCountry : naiveProvince).param("asOf", day);
            if (root != null) {
                spec = spec.param("root", root);
            }
            return read(spec);
        }

        Map<TaskStatus, Long> correct(List<Long> roots, LocalDate day) {
            return read(
                    jdbc.sql(correct).param("roots", roots.toArray(Long[]::new)).param("asOf", day));
        }

        private static Map<TaskStatus, Long> read(JdbcClient.StatementSpec spec) {
            var counts = zeros();
            spec.query((rs, i) -> counts.put(TaskStatus.of(rs.getString("status")), rs.getLong("n")))
                    .list();
            return counts;
        }

        private static Map<TaskStatus, Long> zeros() {
            var counts = new EnumMap<TaskStatus, Long>(TaskStatus.class);
            for (TaskStatus s : TaskStatus.values()) {
                counts.put(s, 0L);
            }
            return counts;
        }
    }
}
