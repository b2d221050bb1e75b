package org.mandate.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.mandate.access.ApiTokens;
import org.mandate.audit.AuditLog;
import org.mandate.support.MandateIT;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A backup of the test database restored into a second, empty PostgreSQL holds the same rows in
 * every table, and its audit chain is intact with the same head; a damaged backup, one whose
 * counts do not match, and one of another schema version are refused and change nothing.
 */
@MandateIT
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupIT {
    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokens tokens;

    @Autowired
    AuditLog audit;

    @TempDir
    static Path dir;

    EmbeddedPostgres second;
    DataSource copy;
    Path backup;
    BackupSummary written;
    Map<String, Fingerprint> original;

    @BeforeAll
    void backUpTheTestDatabaseAndStartAnEmptyOne() throws IOException {
        // an audit entry and a token of this test, whatever ran before it
        tokens.issue("quangninh", "backup test", 1, "test:backup");
        backup = dir.resolve("mandate.zip");
        written = new DatabaseBackup(dataSource).backup(backup);
        // nothing writes to the test database between the backup and this reading (tests run one at a time)
        original = fingerprints(dataSource);
        second = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("second-pg"))
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C")
                .start();
        var pool = new HikariDataSource();
        pool.setJdbcUrl(second.getJdbcUrl("postgres", "postgres"));
        pool.setMaximumPoolSize(4);
        copy = pool;
    }

    @AfterAll
    void stopTheSecondDatabase() throws IOException {
        if (copy instanceof HikariDataSource pool) {
            pool.close();
        }
        if (second != null) {
            second.close();
        }
    }

    @Test
    @Order(1)
    void theBackupHoldsEveryTableButSessionsInOneSnapshot() throws IOException {
        Manifest manifest = written.manifest();
        System.out.printf(
                "Backup: %d tables, %d rows, %d bytes of table data, zip %d bytes, in %d ms%n",
                manifest.tables().size(),
                manifest.rows(),
                manifest.bytes(),
                written.fileBytes(),
                written.took().toMillis());
        assertThat(manifest.schemaVersion())
                .isEqualTo(jdbc.sql("SELECT version FROM flyway_schema_history ORDER BY installed_rank DESC LIMIT 1")
                        .query(String.class)
                        .single());
        var names = manifest.tables().stream().map(Manifest.TableFile::name).toList();
        assertThat(names)
                .containsAll(original.keySet())
                .hasSameSizeAs(original.keySet())
                .contains("org_unit", "org_unit_version", "audit_log", "audit_chain_head", "app_user", "document")
                .doesNotContain("spring_session", "spring_session_attributes", "flyway_schema_history");
        // dependency order: a table comes after the tables it refers to
        assertThat(names.indexOf("org_unit")).isLessThan(names.indexOf("org_unit_version"));
        assertThat(names.indexOf("app_user")).isLessThan(names.indexOf("api_token"));
        assertThat(names.indexOf("document")).isLessThan(names.indexOf("meeting"));
        assertThat(names.indexOf("meeting")).isLessThan(names.indexOf("task"));
        for (var t : manifest.tables()) {
            assertThat(t.rows()).as(t.name()).isEqualTo(original.get(t.name()).rows());
        }
        assertThat(manifest.tables().stream()
                        .filter(t -> t.name().equals("org_unit_version"))
                        .findFirst()
                        .orElseThrow()
                        .columns())
                .as("generated columns are computed again on restore, not copied")
                .noneMatch(c -> c.name().equals("search_text"));
        assertThat(Files.exists(dir.resolve("mandate.zip.tmp"))).isFalse();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(backup)))
                .isEqualTo("rw-------");
    }

    @Test
    @Order(2)
    void aRestoreIntoAnEmptyDatabaseHoldsTheSameRowsAndTheSameAuditChain() {
        var restored = new DatabaseBackup(copy).restore(backup, false);
        System.out.printf(
                "Restore into an empty database: %d tables, %d rows, schema created: %s, %d sequences, in %d ms%n",
                restored.manifest().tables().size(),
                restored.manifest().rows(),
                restored.migrated(),
                restored.sequences(),
                restored.took().toMillis());
        assertThat(restored.migrated()).isTrue();
        assertThat(fingerprints(copy)).isEqualTo(original);

        var chain = AuditLog.verify(JdbcClient.create(copy));
        var source = audit.verify();
        assertThat(chain.intact()).as(chain.reason()).isTrue();
        assertThat(chain.entries()).isEqualTo(source.entries()).isPositive();
        assertThat(chain.headHash()).isEqualTo(source.headHash());
        assertThat(restored.chain()).isEqualTo(chain);
    }

    @Test
    @Order(3)
    void theRestoredCopyWorksOn() {
        var db = JdbcClient.create(copy);
        long lastUnit = db.sql("SELECT max(id) FROM org_unit").query(Long.class).single();
        long newUnit = db.sql("INSERT INTO org_unit (hierarchy) VALUES ('body') RETURNING id")
                .query(Long.class)
                .single();
        assertThat(newUnit).as("identity sequences follow the restored ids").isEqualTo(lastUnit + 1);
        long entries = AuditLog.verify(db).entries();
        db.sql("INSERT INTO audit_log (actor, action, entity) VALUES ('test', 'after-restore', 'test')")
                .update();
        var chain = AuditLog.verify(db);
        assertThat(chain.intact())
                .as("the chain trigger is on again and goes on from the restored head")
                .isTrue();
        assertThat(chain.entries()).isEqualTo(entries + 1);
    }

    @Test
    @Order(4)
    void aDatabaseWithDataIsReplacedOnlyWithForce() {
        assertThatThrownBy(() -> new DatabaseBackup(copy).restore(backup, false))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("already holds data")
                .hasMessageContaining("org_unit_version")
                .hasMessageContaining("--force");

        var restored = new DatabaseBackup(copy).restore(backup, true);
        assertThat(restored.migrated()).isFalse();
        assertThat(restored.replacedRows()).isEqualTo(written.manifest().rows() + 2);
        assertThat(fingerprints(copy)).isEqualTo(original);
        assertThat(AuditLog.verify(JdbcClient.create(copy)).headHash())
                .isEqualTo(audit.verify().headHash());
    }

    @Test
    @Order(5)
    void aDamagedTableFileIsRefusedWithItsNameAndNothingChanges() throws IOException {
        Path damaged = rewrite("damaged.zip", "tables/app_user.copy", bytes -> {
            bytes[bytes.length / 2] ^= 0x01;
            return bytes;
        });
        var before = fingerprints(copy);
        assertThatThrownBy(() -> new DatabaseBackup(copy).restore(damaged, true))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("table app_user")
                .hasMessageContaining("checksum")
                .hasMessageContaining("Nothing was changed");
        assertThat(fingerprints(copy)).isEqualTo(before);
    }

    @Test
    @Order(6)
    void aCountThatDoesNotMatchRollsTheWholeLoadBack() throws IOException {
        // the files are intact, so the load goes as far as the last table before the count fails
        String last = written.manifest().tables().getLast().name();
        Path wrong = rewriteManifest("wrong-count.zip", m -> {
            var tables = m.get("tables");
            for (int i = 0; i < tables.size(); i++) {
                var t = (ObjectNode) tables.get(i);
                if (t.get("name").asString().equals(last)) {
                    t.put("rows", t.get("rows").asLong() + 1);
                }
            }
        });
        // a difference from the backup, so that a load left half done would show
        JdbcClient.create(copy).sql("DELETE FROM api_token").update();
        var before = fingerprints(copy);
        assertThatThrownBy(() -> new DatabaseBackup(copy).restore(wrong, true))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("Table " + last)
                .hasMessageContaining("nothing was changed");
        assertThat(fingerprints(copy)).isEqualTo(before);
        assertThat(before.get("api_token").rows()).isZero();
        // the triggers disabled for the load are enabled again by the rollback
        assertThat(JdbcClient.create(copy)
                        .sql("SELECT count(*) FROM pg_trigger WHERE NOT tgisinternal AND tgenabled = 'D'")
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    @Order(7)
    void aBackupOfAnotherSchemaVersionIsRefused() throws IOException {
        String version = written.manifest().schemaVersion();
        String older = String.valueOf(Integer.parseInt(version) - 1);
        Path other = rewriteManifest("older.zip", m -> m.put("schemaVersion", older));
        var before = fingerprints(copy);
        assertThatThrownBy(() -> new DatabaseBackup(copy).restore(other, true))
                .isInstanceOf(BackupRefused.class)
                .hasMessageContaining("database is at schema version " + version)
                .hasMessageContaining("backup at " + older);
        assertThat(fingerprints(copy)).isEqualTo(before);

        Path newer = rewriteManifest("newer.zip", m -> m.put("schemaVersion", "999"));
        try (var blank = EmbeddedPostgres.builder()
                .setDataDirectory(dir.resolve("third-pg"))
                .setCleanDataDirectory(true)
                .setLocaleConfig("locale", "C")
                .start()) {
            assertThatThrownBy(() -> new DatabaseBackup(blank.getPostgresDatabase()).restore(newer, false))
                    .isInstanceOf(BackupRefused.class)
                    .hasMessageContaining("schema version 999, which this Mandate does not know");
            assertThat(Flyway.configure()
                            .dataSource(blank.getPostgresDatabase())
                            .load()
                            .info()
                            .current())
                    .as("an empty database stays empty")
                    .isNull();
        }
    }

    /** Rows and an md5 of every row's text in primary-key order, per table, computed by each server. */
    record Fingerprint(long rows, String md5) {}

    static Map<String, Fingerprint> fingerprints(DataSource db) {
        var jdbc = JdbcClient.create(db);
        record Keyed(String table, String order) {}
        List<Keyed> tables = jdbc.sql("""
                        SELECT c.relname,
                               coalesce((SELECT string_agg(format('x.%I', a.attname), ', ' ORDER BY k.ord)
                                           FROM pg_index i
                                           CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                                           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
                                          WHERE i.indrelid = c.oid AND i.indisprimary), 'x::text')
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                           AND c.relname NOT IN ('flyway_schema_history', 'spring_session', 'spring_session_attributes')
                         ORDER BY 1
                        """)
                .query((rs, n) -> new Keyed(rs.getString(1), rs.getString(2)))
                .list();
        String sql = tables.stream()
                .map(t -> "SELECT '" + t.table() + "', count(*), md5(coalesce(string_agg(x::text, E'\\n' ORDER BY "
                        + t.order() + "), '')) FROM public.\"" + t.table() + "\" x")
                .collect(java.util.stream.Collectors.joining(" UNION ALL "));
        var result = new LinkedHashMap<String, Fingerprint>();
        jdbc.sql(sql)
                .query((rs, n) -> result.put(rs.getString(1), new Fingerprint(rs.getLong(2), rs.getString(3))))
                .list();
        return result;
    }

    /** A copy of the backup with one entry's bytes changed (the zip itself stays valid). */
    private Path rewrite(String name, String entryName, UnaryOperator<byte[]> change) throws IOException {
        Path target = dir.resolve(name);
        try (var in = new ZipFile(backup.toFile());
                OutputStream file = Files.newOutputStream(target);
                var out = new ZipOutputStream(file)) {
            for (ZipEntry entry : in.stream().toList()) {
                byte[] bytes;
                try (InputStream content = in.getInputStream(entry)) {
                    bytes = content.readAllBytes();
                }
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(entry.getName().equals(entryName) ? change.apply(bytes) : bytes);
                out.closeEntry();
            }
        }
        return target;
    }

    private Path rewriteManifest(String name, java.util.function.Consumer<ObjectNode> change) throws IOException {
        var json = JsonMapper.builder().build();
        return rewrite(name, "manifest.json", bytes -> {
            var manifest = (ObjectNode) json.readTree(bytes);
            change.accept(manifest);
            return json.writeValueAsBytes(manifest);
        });
    }
}
