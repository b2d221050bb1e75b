package org.mandate.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
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

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static synchronized EmbeddedDatabase shared(EmbeddedDatabaseProperties properties) {
        Path clusterDir = properties.dataDir().toAbsolutePath().normalize().resolve("pg");
        return RUNNING.computeIfAbsent(clusterDir, dir -> start(dir, properties.fresh()));
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
            return new EmbeddedDatabase(postgres);
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
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres?reWriteBatchedInserts=true";
    }

    public int port() {
        return postgres.getPort();
    }
}
