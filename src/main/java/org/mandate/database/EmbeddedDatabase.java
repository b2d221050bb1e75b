package org.mandate.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL server per data folder and JVM. When run as root (CI containers),
 * zonky starts PostgreSQL through {@code unshare -U}, since PostgreSQL refuses to run as root. Spring test contexts that differ in
 * configuration still share the server of their JVM, so a test run starts PostgreSQL once.
 */
public final class EmbeddedDatabase {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Map<Path, EmbeddedDatabase> RUNNING = new HashMap<>();
    private static final List<EmbeddedPostgres> STARTED = new java.util.ArrayList<>();

    private final int port;

    private EmbeddedDatabase(int port) {
        this.port = port;
    }

    static synchronized EmbeddedDatabase shared(EmbeddedDatabaseProperties properties) {
        Path clusterDir = properties.dataDir().toAbsolutePath().normalize().resolve("pg");
        return RUNNING.computeIfAbsent(clusterDir, dir -> {
            var running = properties.fresh() ? OptionalInt.empty() : runningPort(dir);
            if (running.isPresent()) {
                // another Mandate process (./mandate start) serves this data folder: the
                // launcher's commands (token, audit verify, backup) work through it
                log.info("Using the PostgreSQL already running on port {} for {}", running.getAsInt(), dir);
                return new EmbeddedDatabase(running.getAsInt());
            }
            return start(dir, properties.fresh());
        });
    }

    /** The port of a live postmaster for the cluster: postmaster.pid holds its pid (line 1) and port (line 4). */
    private static OptionalInt runningPort(Path clusterDir) {
        Path pidFile = clusterDir.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return OptionalInt.empty();
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.size() < 4) {
                return OptionalInt.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            return alive ? OptionalInt.of(Integer.parseInt(lines.get(3).strip())) : OptionalInt.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalInt.empty();
        }
    }

    private static EmbeddedDatabase start(Path clusterDir, boolean fresh) {
        try {
            if (fresh && Files.exists(clusterDir)) {
                deleteTree(clusterDir);
            }
            Files.createDirectories(clusterDir);
            var builder = EmbeddedPostgres.builder()
                    .setDataDirectory(clusterDir)
                    .setCleanDataDirectory(fresh)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("max_connections", "100")
                    .setServerConfig("shared_buffers", "256MB")
                    .setServerConfig("work_mem", "16MB");
            var postgres = builder.start();
            log.info("Embedded PostgreSQL on port {} with data in {}", postgres.getPort(), clusterDir);
            STARTED.add(postgres); // held for the life of the JVM; zonky stops it at exit
            return new EmbeddedDatabase(postgres.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + clusterDir, e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?reWriteBatchedInserts=true";
    }

    public int port() {
        return port;
    }
}
