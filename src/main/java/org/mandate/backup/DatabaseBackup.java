package org.mandate.backup;

import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.jspecify.annotations.Nullable;
import org.mandate.audit.AuditLog;
import org.mandate.audit.ChainCheck;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Backs up and restores Mandate's database over JDBC, on the embedded server or an external one
 * (pg_dump is not usable: the embedded bundle has none, and an older pg_dump refuses a newer server).
 *
 * <p>A backup is one REPEATABLE READ, READ ONLY transaction, so a consistent snapshot while Mandate
 * runs: every table of the public schema but those {@link #LEFT_OUT}, in dependency order, each as
 * PostgreSQL's binary COPY output in a zip entry, and a manifest with the schema version, the time
 * of the snapshot and each table's columns, row count and SHA-256. It is written beside the target
 * and renamed over it when complete, so the file named is never half written.
 *
 * <p>A restore checks every file against the manifest before touching the database, needs the
 * database at the backup's schema version (or empty: its schema is then created up to that
 * version), and replaces all the data in one transaction: the tables' own triggers are disabled
 * so that nothing is computed again (the audit chain keeps its numbers and hashes, the counts and
 * word lists kept by triggers are loaded as they were), all tables are emptied, each file is
 * copied in, identity sequences are set past the highest id, and the row counts and checksums are
 * compared with the manifest. Any difference rolls everything back.
 */
public final class DatabaseBackup {
    /** The layout of the zip: manifest.json and tables/NAME.copy in binary COPY format. */
    public static final int FORMAT = 1;

    /**
     * Not backed up: signed-in sessions are not worth restoring (they are emptied by a restore, so
     * everyone signs in again), and Flyway's history is the schema's, which the target must
     * already have (its version is in the manifest).
     */
    public static final List<String> LEFT_OUT =
            List.of("flyway_schema_history", "spring_session", "spring_session_attributes");

    private static final String MANIFEST = "manifest.json";
    private static final String MIGRATIONS = "classpath:db/migration";
    private static final Duration LOCK_WAIT = Duration.ofSeconds(30);
    private static final JsonMapper JSON =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final DataSource dataSource;

    public DatabaseBackup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    // ------------------------------------------------------------------------------------ backup

    /** Writes a backup of the database to {@code file}, replacing it only once the new one is complete. */
    public BackupSummary backup(Path file) {
        long started = System.nanoTime();
        Path target = file.toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new BackupRefused(target + " is a folder: give the name of the backup file to write.");
        }
        Path folder = Objects.requireNonNull(target.getParent());
        if (!Files.isDirectory(folder)) {
            throw new BackupRefused("There is no folder " + folder + " to write the backup in.");
        }
        Path partial = folder.resolve(target.getFileName() + ".tmp");
        try {
            Manifest manifest = write(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return new BackupSummary(
                    target, manifest, Files.size(target), Duration.ofNanos(System.nanoTime() - started));
        } catch (IOException e) {
            deleteQuietly(partial);
            throw new UncheckedIOException("Could not write the backup " + target, e);
        } catch (SQLException e) {
            deleteQuietly(partial);
            throw new BackupRefused("The backup failed: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            deleteQuietly(partial);
            throw e;
        }
    }

    private Manifest write(Path partial) throws IOException, SQLException {
        Files.deleteIfExists(partial);
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            // it holds password hashes and personal data: readable by its owner only
            Files.createFile(
                    partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        try (Connection c = dataSource.getConnection();
                FileChannel channel = FileChannel.open(
                        partial,
                        StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE,
                        StandardOpenOption.TRUNCATE_EXISTING)) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try (var zip = new ZipOutputStream(Channels.newOutputStream(channel))) {
                // the first statement of the transaction: every read below sees one snapshot
                execute(c, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
                var schema = schemaVersion(c);
                if (schema == null) {
                    throw new BackupRefused(
                            "This database holds no Mandate schema (no Flyway history): nothing to back up.");
                }
                JdbcClient jdbc = jdbc(c);
                OffsetDateTime takenAt =
                        jdbc.sql("SELECT now()").query(OffsetDateTime.class).single();
                String server = jdbc.sql("SELECT version()").query(String.class).single();
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                var files = new ArrayList<Manifest.TableFile>();
                for (Table table : tables(jdbc)) {
                    String name = "tables/" + table.name() + ".copy";
                    zip.putNextEntry(new ZipEntry(name));
                    var out = new MeasuredOutput(zip);
                    String sql = table.partitioned()
                            ? "COPY (SELECT " + table.columnList() + " FROM " + table.qualified()
                                    + ") TO STDOUT (FORMAT binary)"
                            : "COPY " + table.qualified() + " (" + table.columnList() + ") TO STDOUT (FORMAT binary)";
                    long rows = copy.copyOut(sql, out);
                    zip.closeEntry();
                    files.add(new Manifest.TableFile(table.name(), name, table.columns(), rows, out.bytes, out.hex()));
                }
                var manifest = new Manifest(
                        FORMAT,
                        "Mandate",
                        schema.version(),
                        schema.description(),
                        takenAt.toInstant().toString(),
                        server,
                        "PostgreSQL COPY binary",
                        files,
                        LEFT_OUT);
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.finish();
                channel.force(true);
                c.rollback(); // read only: nothing to commit
                return manifest;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        }
    }

    // ----------------------------------------------------------------------------------- restore

    /** The manifest of a backup file, after checking that it is one. */
    public static Manifest manifest(Path file) {
        try (var zip = new ZipFile(file.toFile())) {
            return manifest(zip, file);
        } catch (IOException e) {
            throw new BackupRefused(
                    file + " is not a Mandate backup (not a readable zip file: " + e.getMessage() + ").", e);
        }
    }

    private static Manifest manifest(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new BackupRefused(file + " is not a Mandate backup (it has no " + MANIFEST + ").");
        }
        Manifest manifest;
        try (InputStream in = zip.getInputStream(entry)) {
            manifest = JSON.readValue(in, Manifest.class);
        } catch (RuntimeException e) {
            throw new BackupRefused("The manifest of " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (manifest.format() != FORMAT) {
            throw new BackupRefused(file + " is a backup in format " + manifest.format()
                    + "; this Mandate reads format " + FORMAT + ".");
        }
        return manifest;
    }

    /**
     * Replaces the data of the database with the backup's. A database that holds data is replaced
     * only when {@code force} is set; one at another schema version is refused.
     */
    public RestoreSummary restore(Path file, boolean force) {
        long started = System.nanoTime();
        if (!Files.isRegularFile(file)) {
            throw new BackupRefused("There is no backup file " + file.toAbsolutePath() + ".");
        }
        try (var zip = new ZipFile(file.toFile())) {
            Manifest manifest = manifest(zip, file);
            checkFiles(zip, manifest);
            boolean migrated = prepareSchema(manifest);
            try (Connection c = dataSource.getConnection()) {
                boolean autoCommit = c.getAutoCommit();
                c.setAutoCommit(false);
                try {
                    var summary = load(c, zip, manifest, force, migrated, started);
                    c.commit();
                    return summary;
                } catch (SQLException | RuntimeException | IOException | Error e) {
                    c.rollback();
                    throw e;
                } finally {
                    c.setAutoCommit(autoCommit);
                }
            }
        } catch (ZipException e) {
            throw new BackupRefused(
                    file + " is not a Mandate backup (not a readable zip file: " + e.getMessage() + ").", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the backup " + file, e);
        } catch (SQLException e) {
            if ("55P03".equals(e.getSQLState())) {
                throw new BackupRefused(
                        "The tables could not be locked within " + LOCK_WAIT.toSeconds()
                                + " s (a running Mandate is in a long transaction): nothing was changed; try again.",
                        e);
            }
            throw new BackupRefused("The restore failed and nothing was changed: " + e.getMessage(), e);
        }
    }

    /** Every table file against the manifest, before the database is touched. */
    private static void checkFiles(ZipFile zip, Manifest manifest) throws IOException {
        for (var t : manifest.tables()) {
            ZipEntry entry = zip.getEntry(t.file());
            if (entry == null) {
                throw new BackupRefused("The backup is damaged: the file of table " + t.name() + " (" + t.file()
                        + ") is missing. Nothing was changed.");
            }
            var measured = new MeasuredInput(zip.getInputStream(entry));
            try (measured) {
                measured.transferTo(OutputStream.nullOutputStream());
            } catch (ZipException e) {
                throw new BackupRefused(
                        "The backup is damaged: the file of table " + t.name() + " cannot be read (" + e.getMessage()
                                + "). Nothing was changed.",
                        e);
            }
            if (measured.bytes != t.bytes() || !measured.hex().equals(t.sha256())) {
                throw new BackupRefused("The backup is damaged: the file of table " + t.name()
                        + " does not match its checksum in the manifest (" + measured.bytes + " bytes, SHA-256 "
                        + measured.hex() + "; the manifest says " + t.bytes() + " bytes, " + t.sha256()
                        + "). Nothing was changed.");
            }
        }
    }

    /**
     * The target's schema must be at the backup's version. An empty database (no table at all, as
     * a new data folder's) is first migrated to exactly that version, so that an older backup is
     * restored into the schema it was taken from and the next start of Mandate brings it up to date.
     */
    private boolean prepareSchema(Manifest manifest) throws SQLException {
        Schema current;
        int tableCount;
        try (Connection c = dataSource.getConnection()) {
            current = schemaVersion(c);
            tableCount = jdbc(c).sql("""
                            SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                             WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
                            """).query(Integer.class).single();
        }
        if (current != null) {
            if (!current.version().equals(manifest.schemaVersion())) {
                throw new BackupRefused("The database is at schema version " + current.version() + " and the backup at "
                        + manifest.schemaVersion() + ": a restore needs the same version, or an empty database"
                        + " (a new data folder, or a new external database), whose schema it creates at the backup's"
                        + " version; Mandate's next start brings it up to date. Nothing was changed.");
            }
            return false;
        }
        if (tableCount > 0) {
            throw new BackupRefused("The database holds " + tableCount + " tables but no Flyway history: it is not a"
                    + " Mandate database. Restore into a Mandate database or an empty one. Nothing was changed.");
        }
        var known = java.util.Arrays.stream(Flyway.configure()
                        .dataSource(dataSource)
                        .locations(MIGRATIONS)
                        .load()
                        .info()
                        .all())
                .map(MigrationInfo::getVersion)
                .filter(Objects::nonNull)
                .map(MigrationVersion::getVersion)
                .toList();
        if (!known.contains(manifest.schemaVersion())) {
            throw new BackupRefused("The backup is at schema version " + manifest.schemaVersion()
                    + ", which this Mandate does not know (its versions: " + String.join(", ", known)
                    + "): restore it with the Mandate that made it, or a newer one. Nothing was changed.");
        }
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .target(MigrationVersion.fromVersion(manifest.schemaVersion()))
                .load()
                .migrate();
        return true;
    }

    private RestoreSummary load(
            Connection c, ZipFile zip, Manifest manifest, boolean force, boolean migrated, long started)
            throws SQLException, IOException {
        JdbcClient jdbc = jdbc(c);
        execute(c, "SET LOCAL lock_timeout = '" + LOCK_WAIT.toSeconds() + "s'");
        Map<String, Table> present = new LinkedHashMap<>();
        for (Table t : tables(jdbc)) {
            present.put(t.name(), t);
        }
        checkTables(manifest, present);

        // what would be replaced: the chain's head row is there in any migrated schema, not data
        var held = new ArrayList<Map.Entry<String, Long>>();
        long replacedRows = 0;
        for (var t : manifest.tables()) {
            long n = jdbc.sql("SELECT count(*) FROM " + qualified(t.name()))
                    .query(Long.class)
                    .single();
            if (n > 0 && !t.name().equals("audit_chain_head")) {
                held.add(Map.entry(t.name(), n));
            }
            replacedRows += n;
        }
        if (!held.isEmpty() && !force) {
            held.sort(Map.Entry.<String, Long>comparingByValue().reversed());
            String listed = held.stream()
                    .limit(6)
                    .map(e -> e.getKey() + " " + e.getValue() + " rows")
                    .collect(Collectors.joining(", "));
            if (held.size() > 6) {
                listed += " and " + (held.size() - 6) + " more tables";
            }
            throw new BackupRefused("The database already holds data (" + listed + "). The restore would replace all of"
                    + " it with the backup taken " + manifest.takenAt() + " (" + manifest.rows() + " rows), and sign"
                    + " everyone out. Run it again with --force to do so. Nothing was changed.");
        }

        // the tables' own triggers would compute again what the backup holds (the audit chain's
        // numbers and hashes, the counts by level, the name words): off for the load, on again
        // before the commit. ALTER TABLE needs only ownership (session_replication_role = replica
        // needs a superuser) and keeps the foreign keys checked, so the load is also a check (the
        // references kept by triggers instead, V17, are checked by a query after the load).
        record Trigger(String table, String name, String enabled) {}
        List<Trigger> triggers = jdbc.sql("""
                        SELECT c.relname, t.tgname, t.tgenabled::text
                          FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'public' AND NOT t.tgisinternal AND t.tgenabled <> 'D' AND t.tgparentid = 0
                         ORDER BY c.relname, t.tgname
                        """)
                .query((rs, n) -> new Trigger(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        for (Trigger t : triggers) {
            execute(c, "ALTER TABLE " + qualified(t.table()) + " DISABLE TRIGGER " + ident(t.name()));
        }

        var emptied = new ArrayList<String>();
        for (var t : manifest.tables()) {
            emptied.add(qualified(t.name()));
        }
        for (String session : LEFT_OUT) {
            if (!session.startsWith("flyway") && exists(jdbc, session)) {
                emptied.add(qualified(session));
            }
        }
        execute(c, "TRUNCATE " + String.join(", ", emptied) + " CASCADE");

        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        for (var t : manifest.tables()) {
            String columns = t.columns().stream().map(col -> ident(col.name())).collect(Collectors.joining(", "));
            var in = new MeasuredInput(zip.getInputStream(zip.getEntry(t.file())));
            long rows;
            try (in) {
                rows = copy.copyIn(
                        "COPY " + qualified(t.name()) + " (" + columns + ") FROM STDIN (FORMAT binary)", in, 1 << 16);
            } catch (SQLException e) {
                throw new BackupRefused(
                        "Table " + t.name() + " could not be loaded, so nothing was changed: " + e.getMessage(), e);
            }
            if (in.bytes != t.bytes() || !in.hex().equals(t.sha256())) {
                throw new BackupRefused("The file of table " + t.name() + " changed while it was loaded (it no longer"
                        + " matches its checksum); nothing was changed.");
            }
            if (rows != t.rows()) {
                throw new BackupRefused("Table " + t.name() + " loaded " + rows + " rows where the manifest says "
                        + t.rows() + "; nothing was changed.");
            }
        }

        int sequences = resetSequences(jdbc, manifest);

        // the deferred foreign keys' checks of the load run now: a table with checks pending
        // cannot have its triggers enabled again (indicator_value's superseded_by)
        execute(c, "SET CONSTRAINTS ALL IMMEDIATE");
        // the references checked by triggers rather than foreign keys (V17), whose triggers are off
        // (a backup from before the indicators has no such table)
        String orphan = !present.containsKey("indicator_value")
                ? null
                : jdbc.sql("""
                        SELECT format('indicator_value %s refers to indicator %s and unit %s', v.id, v.indicator_id, v.unit_id)
                          FROM indicator_value v
                         WHERE NOT EXISTS (SELECT 1 FROM indicator i WHERE i.id = v.indicator_id)
                            OR NOT EXISTS (SELECT 1 FROM org_unit u WHERE u.id = v.unit_id)
                         LIMIT 1
                        """).query(String.class).optional().orElse(null);
        if (orphan != null) {
            throw new BackupRefused(
                    "The backup is inconsistent: " + orphan + ", which it does not hold; nothing was" + " changed.");
        }
        for (Trigger t : triggers) {
            String enable = switch (t.enabled()) {
                case "A" -> "ENABLE ALWAYS TRIGGER ";
                case "R" -> "ENABLE REPLICA TRIGGER ";
                default -> "ENABLE TRIGGER ";
            };
            execute(c, "ALTER TABLE " + qualified(t.table()) + " " + enable + ident(t.name()));
        }

        // what is there now, counted again: nothing the load did may have changed a table
        for (var t : manifest.tables()) {
            long n = jdbc.sql("SELECT count(*) FROM " + qualified(t.name()))
                    .query(Long.class)
                    .single();
            if (n != t.rows()) {
                throw new BackupRefused("Table " + t.name() + " holds " + n + " rows after the restore where the"
                        + " manifest says " + t.rows() + "; nothing was changed.");
            }
        }

        ChainCheck chain = present.containsKey("audit_log") && present.containsKey("audit_chain_head")
                ? AuditLog.verify(jdbc)
                : null;
        int others = jdbc.sql("""
                        SELECT count(*) FROM pg_stat_activity
                         WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
                        """).query(Integer.class).single();
        return new RestoreSummary(
                manifest,
                migrated,
                replacedRows,
                sequences,
                chain,
                others,
                Duration.ofNanos(System.nanoTime() - started));
    }

    /** The tables of the target must be the backup's, with the same columns. */
    private static void checkTables(Manifest manifest, Map<String, Table> present) {
        var inBackup = manifest.tables().stream().map(Manifest.TableFile::name).collect(Collectors.toSet());
        var extra = new TreeSet<>(present.keySet());
        extra.removeAll(inBackup);
        if (!extra.isEmpty()) {
            throw new BackupRefused("The database has tables that the backup does not hold (" + String.join(", ", extra)
                    + ") although both are at schema version " + manifest.schemaVersion() + ". Nothing was changed.");
        }
        for (var t : manifest.tables()) {
            Table there = present.get(t.name());
            if (there == null) {
                throw new BackupRefused(
                        "Table " + t.name() + " of the backup is not in the database. Nothing was changed.");
            }
            if (!there.columns().equals(t.columns())) {
                throw new BackupRefused("Table " + t.name() + " has other columns in the database (" + there.columns()
                        + ") than in the backup (" + t.columns() + "). Nothing was changed.");
            }
        }
    }

    /** Identity (and serial) sequences of the restored tables, set so that the next id follows the highest. */
    private static int resetSequences(JdbcClient jdbc, Manifest manifest) {
        record Owned(String table, String column, String sequence) {}
        var names = manifest.tables().stream().map(Manifest.TableFile::name).toArray(String[]::new);
        List<Owned> owned = jdbc.sql("""
                        SELECT c.relname, a.attname, pg_get_serial_sequence(format('public.%I', c.relname), a.attname)
                          FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'public' AND c.relname = ANY (:names) AND a.attnum > 0 AND NOT a.attisdropped
                           AND pg_get_serial_sequence(format('public.%I', c.relname), a.attname) IS NOT NULL
                         ORDER BY 1, 2
                        """)
                .param("names", names)
                .query((rs, n) -> new Owned(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        for (Owned o : owned) {
            jdbc.sql("SELECT setval(:seq::regclass, coalesce((SELECT max(" + ident(o.column()) + ") FROM "
                            + qualified(o.table()) + "), 0) + 1, false)")
                    .param("seq", o.sequence())
                    .query(Long.class)
                    .single();
        }
        return owned.size();
    }

    // ---------------------------------------------------------------------------------- catalog

    record Schema(String version, String description) {}

    /** The version of the last migration applied (highest installed rank), or null without Flyway's history. */
    private static @Nullable Schema schemaVersion(Connection c) {
        JdbcClient jdbc = jdbc(c);
        if (!exists(jdbc, "flyway_schema_history")) {
            return null;
        }
        return jdbc.sql("""
                        SELECT version, description FROM public.flyway_schema_history
                         WHERE success AND version IS NOT NULL ORDER BY installed_rank DESC LIMIT 1
                        """)
                .query((rs, n) -> new Schema(rs.getString(1), rs.getString(2)))
                .optional()
                .orElse(null);
    }

    private static boolean exists(JdbcClient jdbc, String table) {
        return jdbc.sql("SELECT to_regclass(:name) IS NOT NULL")
                .param("name", "public." + ident(table))
                .query(Boolean.class)
                .single();
    }

    record Table(String name, boolean partitioned, List<Manifest.Column> columns) {
        String qualified() {
            return DatabaseBackup.qualified(name);
        }

        String columnList() {
            return columns.stream().map(c -> ident(c.name())).collect(Collectors.joining(", "));
        }
    }

    /**
     * The tables to back up, in dependency order: each after the tables its foreign keys refer to
     * (ties by name), so that a restore loads them in that order with the keys checked.
     */
    static List<Table> tables(JdbcClient jdbc) {
        record Row(long oid, String name, boolean partitioned) {}
        List<Row> rows =
                jdbc
                        .sql("""
                        SELECT c.oid, c.relname, c.relkind = 'p'
                          FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                         WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND NOT c.relispartition
                           AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                                                                      AND d.objid = c.oid AND d.deptype = 'e')
                         ORDER BY c.relname
                        """)
                        .query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getBoolean(3)))
                        .list()
                        .stream()
                        .filter(r -> !LEFT_OUT.contains(r.name()))
                        .toList();
        Map<Long, Row> byOid = new HashMap<>();
        rows.forEach(r -> byOid.put(r.oid(), r));
        // referring table -> the tables it refers to
        Map<String, Set<String>> refersTo = new HashMap<>();
        rows.forEach(r -> refersTo.put(r.name(), new TreeSet<>()));
        jdbc.sql("SELECT conrelid::bigint, confrelid::bigint FROM pg_constraint WHERE contype = 'f'")
                .query((rs, n) -> {
                    Row from = byOid.get(rs.getLong(1));
                    Row to = byOid.get(rs.getLong(2));
                    if (from != null && to != null && from != to) {
                        refersTo.get(from.name()).add(to.name());
                    }
                    return null;
                })
                .list();
        var ordered = new ArrayList<Row>();
        var done = new java.util.HashSet<String>();
        var left = new ArrayList<>(rows);
        while (!left.isEmpty()) {
            var ready = left.stream()
                    .filter(r -> done.containsAll(refersTo.get(r.name())))
                    .sorted(Comparator.comparing(Row::name))
                    .findFirst()
                    // a cycle of foreign keys (none in the schema): the rest by name
                    .orElse(left.getFirst());
            ordered.add(ready);
            done.add(ready.name());
            left.remove(ready);
        }
        var tables = new ArrayList<Table>();
        for (Row r : ordered) {
            var columns = jdbc.sql("""
                            SELECT attname, format_type(atttypid, atttypmod) FROM pg_attribute
                             WHERE attrelid = :oid AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
                             ORDER BY attnum
                            """)
                    .param("oid", r.oid())
                    .query((rs, n) -> new Manifest.Column(rs.getString(1), rs.getString(2)))
                    .list();
            tables.add(new Table(r.name(), r.partitioned(), columns));
        }
        return tables;
    }

    // ------------------------------------------------------------------------------------ helpers

    private static JdbcClient jdbc(Connection c) {
        return JdbcClient.create(new SingleConnectionDataSource(c, true));
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    static String ident(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    static String qualified(String table) {
        return "public." + ident(table);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the partial file is named .tmp: it is never taken for a backup
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Counts and hashes what goes through to the zip entry; leaves the zip open. */
    private static final class MeasuredOutput extends FilterOutputStream {
        final MessageDigest digest = sha256();
        long bytes;

        MeasuredOutput(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            digest.update((byte) b);
            bytes++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            digest.update(b, off, len);
            bytes += len;
        }

        @Override
        public void close() throws IOException {
            flush();
        }

        private @Nullable String hex;

        /** The SHA-256 of everything that went through, once it is all through. */
        String hex() {
            if (hex == null) {
                hex = HexFormat.of().formatHex(digest.digest());
            }
            return hex;
        }
    }

    /** Counts and hashes what is read from a zip entry. */
    private static final class MeasuredInput extends FilterInputStream {
        final MessageDigest digest = sha256();
        long bytes;

        MeasuredInput(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                digest.update((byte) b);
                bytes++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                digest.update(b, off, n);
                bytes += n;
            }
            return n;
        }

        @Override
        public long skip(long n) {
            throw new UnsupportedOperationException("every byte is hashed");
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        private @Nullable String hex;

        /** The SHA-256 of everything that went through, once it is all through. */
        String hex() {
            if (hex == null) {
                hex = HexFormat.of().formatHex(digest.digest());
            }
            return hex;
        }
    }
}
