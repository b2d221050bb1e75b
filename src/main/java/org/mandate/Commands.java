package org.mandate;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.mandate.access.ApiTokens;
import org.mandate.access.TokenKind;
import org.mandate.audit.AuditLog;
import org.mandate.audit.ChainCheck;
import org.mandate.audit.Origin;
import org.mandate.backup.BackupRefused;
import org.mandate.backup.DatabaseBackup;
import org.mandate.shared.InputProblem;
import org.mandate.shared.NotFound;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * The launcher's commands that act on the data rather than serve it: {@code token},
 * {@code audit verify}, {@code backup FILE} and {@code restore FILE}. Each starts the application
 * without a web server and without seeding, on the same database as {@code start} (the embedded
 * one in the data folder, reusing the server of a running Mandate, or the configured external
 * one), does its work and exits. {@code backup} and {@code restore} also start without Flyway: a
 * backup changes nothing, not even the schema's version, and a restore into an empty database
 * creates the schema at the backup's version itself.
 */
final class Commands {
    static final List<String> NAMES = List.of("token", "audit", "backup", "restore");

    private Commands() {}

    static int run(String[] args) {
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        var options = Options.parse(rest);
        boolean data = command.equals("backup") || command.equals("restore");
        if (data && options.positional().size() != 1) {
            return usage(command + " takes one FILE");
        }
        String wrong = wrongBeforeStart(command, options);
        if (wrong != null) {
            return usage(wrong);
        }
        var properties = new HashMap<String, Object>(Map.of(
                "mandate.seed.admin-units", "false",
                "mandate.seed.demo", "false",
                "logging.level.root", "WARN",
                // a start that fails is told in one line below, not as logged stack traces
                "logging.level.org.springframework.boot.SpringApplication", "OFF",
                "logging.level.org.springframework.context", "ERROR"));
        if (data) {
            properties.put("spring.flyway.enabled", "false");
        }
        var app = new SpringApplicationBuilder(MandateApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(properties);
        try (ConfigurableApplicationContext context = app.run(options.springArgs());
                var origin = Origin.set("cli")) {
            return switch (command) {
                case "token" -> token(context, options);
                case "audit" -> audit(context);
                case "backup" -> backup(context, options);
                case "restore" -> restore(context, options);
                default -> usage("unknown command " + command);
            };
        } catch (BackupRefused | NotFound | InputProblem e) {
            System.err.println(e.getMessage());
            return 1;
        } catch (RuntimeException e) {
            System.err.println("./mandate " + command + " failed: " + rootMessage(e));
            return 1;
        }
    }

    /** What can be judged before starting the application: the values given on the command line. */
    static @Nullable String wrongBeforeStart(String command, Options options) {
        if (command.equals("token")) {
            if (options.value("--user") == null || options.value("--user").isBlank()) {
                return "token needs --user NAME";
            }
            String days = options.valueOr("--days", "30");
            if (!days.matches("[0-9]{1,4}") || Integer.parseInt(days) < 1 || Integer.parseInt(days) > 366) {
                return "--days takes a number of days from 1 to 366, not '" + days + "'";
            }
        }
        if (command.equals("audit") && !options.positional().equals(List.of("verify"))) {
            return "audit takes one subcommand: verify";
        }
        return null;
    }

    /**
     * What went wrong, on one line: the first exception of the chain that is not Spring's wrapping
     * of a bean that could not be made (it names the cause: a refused connection, a missing folder),
     * and the innermost cause when it adds something.
     */
    static String rootMessage(Throwable e) {
        Throwable first = e;
        while (first instanceof org.springframework.beans.BeansException && first.getCause() != null) {
            first = first.getCause();
        }
        Throwable root = first;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = firstLine(first);
        String inner = firstLine(root);
        return root == first || outer.contains(inner) ? outer : outer + " (" + inner + ")";
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).strip();
    }

    private static int backup(ConfigurableApplicationContext context, Options options) {
        var backup = new DatabaseBackup(unpooled(context));
        var done = backup.backup(Path.of(options.positional().getFirst()));
        var manifest = done.manifest();
        for (var t : manifest.tables()) {
            System.out.printf(Locale.ROOT, "  %-28s %,12d rows %12s%n", t.name(), t.rows(), size(t.bytes()));
        }
        System.out.printf(
                Locale.ROOT,
                "Backed up %d tables, %,d rows (%s) of schema version %s as of %s to %s (%s) in %.1f s.%n",
                manifest.tables().size(),
                manifest.rows(),
                size(manifest.bytes()),
                manifest.schemaVersion(),
                manifest.takenAt(),
                done.file(),
                size(done.fileBytes()),
                done.took().toMillis() / 1000.0);
        System.out.println("Left out: " + String.join(", ", manifest.leftOut())
                + " (signed-in sessions are not kept; the schema's history is the version above)."
                + " The file holds password hashes and personal data: keep it as safe as the database.");
        return 0;
    }

    private static int restore(ConfigurableApplicationContext context, Options options) {
        var backup = new DatabaseBackup(unpooled(context));
        Path file = Path.of(options.positional().getFirst());
        var done = backup.restore(file, options.flag("--force"));
        var manifest = done.manifest();
        if (done.migrated()) {
            System.out.println("The database was empty: its schema was created up to version "
                    + manifest.schemaVersion() + " first.");
        }
        System.out.printf(
                Locale.ROOT,
                "Restored %d tables, %,d rows (%s) of the backup taken %s (schema version %s) from %s in %.1f s;"
                        + " %,d rows were replaced, %d identity sequences set past the restored ids, sessions emptied.%n",
                manifest.tables().size(),
                manifest.rows(),
                size(manifest.bytes()),
                manifest.takenAt(),
                manifest.schemaVersion(),
                file.toAbsolutePath(),
                done.took().toMillis() / 1000.0,
                done.replacedRows(),
                done.sequences());
        ChainCheck chain = done.chain();
        if (chain != null) {
            System.out.println(
                    chain.intact()
                            ? "Audit chain intact: " + chain.entries() + " entries; head hash " + chain.headHash()
                            : "Audit chain BROKEN at entry " + chain.brokenAt() + ": " + chain.reason()
                                    + " (it was so in the backup)");
        }
        if (done.otherConnections() > 0) {
            System.out.println(done.otherConnections() + " other connections are open on this database (a running"
                    + " Mandate?): restart it so that nothing it holds predates the restore.");
        }
        return 0;
    }

    /**
     * The application's database without its pool: connections opened as needed and closed after,
     * so that the pool's idle ones are not taken for those of a running Mandate at the end of a restore.
     */
    private static DataSource unpooled(ConfigurableApplicationContext context) {
        DataSource dataSource = context.getBean(DataSource.class);
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            var direct = new SimpleDriverDataSource(
                    new org.postgresql.Driver(), pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            direct.setConnectionProperties(pool.getDataSourceProperties());
            pool.close();
            return direct;
        }
        return dataSource;
    }

    private static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static int token(ConfigurableApplicationContext context, Options options) {
        String user = options.value("--user"); // present: wrongBeforeStart checked it, and --days
        int days = Integer.parseInt(options.valueOr("--days", "30"));
        boolean feed = options.flag("--feed");
        var issued = context.getBean(ApiTokens.class)
                .issue(
                        user,
                        feed ? TokenKind.FEED : TokenKind.API,
                        options.valueOr("--label", feed ? "calendar feed (command line)" : "command line"),
                        days,
                        "cli:" + System.getProperty("user.name"));
        System.out.println(issued.token());
        System.err.println((feed ? "Calendar feed token " : "API token ") + issued.id() + " for " + user
                + ", valid until " + issued.expiresAt() + ". "
                + (feed
                        ? "Add it to a unit's calendar address: /api/units/ID/calendar.ics?token=<token>;"
                                + " it opens nothing else."
                        : "Send it as: Authorization: Bearer <token>.")
                + " It is not shown again.");
        return 0;
    }

    /** {@code audit verify}, the one subcommand (wrongBeforeStart refused any other). */
    private static int audit(ConfigurableApplicationContext context) {
        var check = context.getBean(AuditLog.class).verify();
        if (check.intact()) {
            System.out.println("Audit chain intact: " + check.entries() + " entries; head hash " + check.headHash());
            return 0;
        }
        System.out.println("Audit chain BROKEN at entry " + check.brokenAt() + ": " + check.reason() + " ("
                + check.entries() + " entries before it are intact)");
        return 1;
    }

    private static int usage(String problem) {
        System.err.println(problem);
        System.err.println(
                "usage: ./mandate token --user NAME [--feed] [--days N] [--label TEXT] | ./mandate audit verify"
                        + " | ./mandate backup FILE | ./mandate restore [--force] FILE   (all take --data-dir DIR)");
        return 2;
    }

    /** Flags that take no value. */
    private static final List<String> FLAGS = List.of("--force", "--feed");

    /**
     * --name value pairs for the command, flags, positional words, and Spring arguments (--x=y)
     * passed through.
     */
    record Options(Map<String, String> values, List<String> flags, List<String> positional, String[] springArgs) {
        static Options parse(String[] args) {
            var values = new java.util.HashMap<String, String>();
            var flags = new java.util.ArrayList<String>();
            var positional = new java.util.ArrayList<String>();
            var spring = new java.util.ArrayList<String>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (FLAGS.contains(a)) {
                    flags.add(a);
                } else if (a.startsWith("--") && a.contains("=")) {
                    spring.add(a);
                } else if (a.startsWith("--") && i + 1 < args.length) {
                    values.put(a, args[++i]);
                } else {
                    positional.add(a);
                }
            }
            return new Options(values, flags, positional, spring.toArray(String[]::new));
        }

        boolean flag(String name) {
            return flags.contains(name);
        }

        String value(String name) {
            return values.get(name);
        }

        String valueOr(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }
    }
}
