package org.mandate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.mandate.access.ApiTokens;
import org.mandate.audit.AuditLog;
import org.mandate.audit.Origin;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The launcher's commands that act on the data rather than serve it: {@code token} and
 * {@code audit verify}. Each starts the application without a web server and without seeding,
 * on the same database as {@code start} (the embedded one in the data folder, reusing the
 * server of a running Mandate, or the configured external one), does its work and exits.
 */
final class Commands {
    static final List<String> NAMES = List.of("token", "audit");

    private Commands() {}

    static int run(String[] args) {
        String command = args[0];
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        var options = Options.parse(rest);
        var app = new SpringApplicationBuilder(MandateApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .properties(Map.of(
                        "mandate.seed.admin-units", "false",
                        "mandate.seed.demo", "false",
                        "logging.level.root", "WARN"));
        try (ConfigurableApplicationContext context = app.run(options.springArgs());
                var origin = Origin.set("cli")) {
            return switch (command) {
                case "token" -> token(context, options);
                case "audit" -> audit(context, options);
                default -> usage("unknown command " + command);
            };
        }
    }

    private static int token(ConfigurableApplicationContext context, Options options) {
        String user = options.value("--user");
        if (user == null) {
            return usage("token needs --user NAME");
        }
        int days = Integer.parseInt(options.valueOr("--days", "30"));
        var issued = context.getBean(ApiTokens.class)
                .issue(
                        user,
                        options.valueOr("--label", "command line"),
                        days,
                        "cli:" + System.getProperty("user.name"));
        System.out.println(issued.token());
        System.err.println("Token " + issued.id() + " for " + user + ", valid until " + issued.expiresAt()
                + ". Send it as: Authorization: Bearer <token>. It is not shown again.");
        return 0;
    }

    private static int audit(ConfigurableApplicationContext context, Options options) {
        if (!options.positional().equals(List.of("verify"))) {
            return usage("audit takes one subcommand: verify");
        }
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
        System.err.println("usage: ./mandate token --user NAME [--days N] [--label TEXT] | ./mandate audit verify"
                + "   (both take --data-dir DIR)");
        return 2;
    }

    /** --name value pairs for the command, positional words, and Spring arguments (--x=y) passed through. */
    record Options(Map<String, String> values, List<String> positional, String[] springArgs) {
        static Options parse(String[] args) {
            var values = new java.util.HashMap<String, String>();
            var positional = new java.util.ArrayList<String>();
            var spring = new java.util.ArrayList<String>();
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                if (a.startsWith("--") && a.contains("=")) {
                    spring.add(a);
                } else if (a.startsWith("--") && i + 1 < args.length) {
                    values.put(a, args[++i]);
                } else {
                    positional.add(a);
                }
            }
            return new Options(values, positional, spring.toArray(String[]::new));
        }

        String value(String name) {
            return values.get(name);
        }

        String valueOr(String name, String fallback) {
            return values.getOrDefault(name, fallback);
        }
    }
}
