package org.mandate.bench;

import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mandate.MandateApplication;
import org.mandate.organization.AdminUnitImport;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What every benchmark does around its measurements: start Mandate without its web server, its
 * seeds or its chatter on a database of its own, import the real administrative units, load data
 * sets without the secondary indexes, time the steps, and end with the report: the whole run's
 * note, printed and written to a file.
 */
final class BenchApp {
    private BenchApp() {}

    /**
     * Mandate on a new embedded database in {@code dataDir} (under target/), logging at WARN but
     * for the {@code logging.level.*=LEVEL} properties given, with its schedules off.
     */
    static ConfigurableApplicationContext start(String dataDir, String... logLevels) {
        return start(dataDir, true, logLevels);
    }

    /** The same, keeping the database of the last run in {@code dataDir} when {@code fresh} is false. */
    static ConfigurableApplicationContext start(String dataDir, boolean fresh, String... logLevels) {
        return run(List.of(logLevels), "--mandate.data-dir=" + dataDir, "--mandate.fresh=" + fresh);
    }

    /** Mandate on the database the arguments name ({@code --spring.datasource.url=...}, for instance). */
    static ConfigurableApplicationContext run(List<String> logLevels, String... args) {
        var properties = new ArrayList<>(List.of("logging.level.root=WARN", "logging.level.org.mandate=WARN"));
        properties.addAll(logLevels);
        var arguments = new ArrayList<>(List.of(args));
        // no scheduled work during a measurement: the roll-ups kept ready are filled by the
        // benchmark that measures them, when it says; no reminders
        arguments.addAll(List.of(
                "--mandate.seed.admin-units=false",
                "--mandate.seed.demo=false",
                "--mandate.indicator.ready-cron=-",
                "--mandate.reminders.cron=-",
                "--mandate.reminders.retry-cron=-"));
        return new SpringApplicationBuilder(MandateApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties.toArray(String[]::new))
                .run(arguments.toArray(String[]::new));
    }

    /** Imports the bundled administrative units (three snapshots and the succession); the seconds it took. */
    static double importUnits(ConfigurableApplicationContext app) {
        long t = System.nanoTime();
        app.getBean(AdminUnitImport.class).importBundled();
        double seconds = secondsSince(t);
        System.out.printf("real administrative units imported in %.1f s%n", seconds);
        return seconds;
    }

    static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }

    /**
     * Drops the foreign keys and the indexes that back no constraint (the primary keys stay) of the
     * tables, and returns the statements that re-create them from their own catalog definitions,
     * so that they are exactly the migration's and check the loaded rows again.
     */
    static List<String> dropSecondary(Statement st, List<String> tables) throws SQLException {
        var drop = new ArrayList<String>();
        var recreate = new ArrayList<String>();
        for (String table : tables) {
            try (var rs = st.executeQuery("SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
                    + " WHERE conrelid = '" + table + "'::regclass AND contype = 'f' ORDER BY conname")) {
                while (rs.next()) {
                    drop.add("ALTER TABLE " + table + " DROP CONSTRAINT " + rs.getString(1));
                    recreate.add("ALTER TABLE " + table + " ADD CONSTRAINT " + rs.getString(1) + " " + rs.getString(2));
                }
            }
            try (var rs = st.executeQuery("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'"
                    + " AND tablename = '" + table + "' AND indexname NOT IN (SELECT conname FROM pg_constraint"
                    + " WHERE conrelid = '" + table + "'::regclass) ORDER BY indexname")) {
                while (rs.next()) {
                    drop.add("DROP INDEX " + rs.getString(1));
                    recreate.add(rs.getString(2));
                }
            }
        }
        for (String sql : drop) {
            st.execute(sql);
        }
        return recreate;
    }

    /** Named steps and their seconds, as a note reads them: "tasks 12.3 s, counts 4.5 s". */
    static String steps(Map<String, Double> steps) {
        var parts = new ArrayList<String>();
        steps.forEach((step, s) -> parts.add(Report.fmt("%s %.1f s", step, s)));
        return String.join(", ", parts);
    }

    /** A line of the console's running account: ours and the baseline, and the baseline's p95 over ours. */
    static void print(String what, Latency ours, Latency base) {
        System.out.printf(
                "%-40s ours p50 %8.2f p95 %8.2f ms (n=%d) | baseline p50 %8.2f p95 %8.2f ms (n=%d) | %.3fx%n",
                what,
                ours.p50Ms(),
                ours.p95Ms(),
                ours.calls(),
                base.p50Ms(),
                base.p95Ms(),
                base.calls(),
                base.p95Ms() / ours.p95Ms());
    }

    /** Notes the whole run's time and machine, prints the report and writes it to {@code file}. */
    static void finish(Report report, long startedNanoTime, String file) {
        finish(report, startedNanoTime, file, "");
    }

    /** The same, with words after the machine's description (", heap 4096 MiB"). */
    static void finish(Report report, long startedNanoTime, String file, String aboutTheRun) {
        report.note(Report.fmt(
                "Whole run: %.0f s on %d cores, Java %s%s.",
                secondsSince(startedNanoTime),
                Runtime.getRuntime().availableProcessors(),
                Runtime.version(),
                aboutTheRun));
        System.out.println();
        System.out.println(report.markdown());
        report.write(Path.of(file));
        System.out.println("Written to " + file);
    }

    /** Fails the run, after its report, when a check before the timing found differences. */
    static void failOn(List<String> mismatches, String heading, String what) {
        if (mismatches.isEmpty()) {
            return;
        }
        System.out.println(heading);
        mismatches.forEach(System.out::println);
        throw new IllegalStateException(mismatches.size() + " " + what + ", listed above");
    }
}
