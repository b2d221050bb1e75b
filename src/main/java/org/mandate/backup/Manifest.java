package org.mandate.backup;

import java.util.List;

/**
 * What a backup holds, written as {@code manifest.json} in the zip.
 *
 * @param format the layout of the zip ({@link DatabaseBackup#FORMAT})
 * @param schemaVersion the Flyway version of the database when it was backed up (the migration
 *     with the highest installed rank); a restore needs a database at the same version, or an
 *     empty one
 * @param takenAt the time of the snapshot (ISO-8601, UTC)
 * @param server the PostgreSQL server it was taken from
 * @param copyFormat how the table files are written: PostgreSQL's binary COPY format
 * @param tables in dependency order (a table after those it refers to), the order of the restore
 * @param leftOut the tables of the schema that are not in the backup
 */
public record Manifest(
        int format,
        String application,
        String schemaVersion,
        String schemaDescription,
        String takenAt,
        String server,
        String copyFormat,
        List<TableFile> tables,
        List<String> leftOut) {

    /**
     * One table's file: the columns it holds (generated columns are left out and computed again on
     * restore), how many rows, how many bytes, and the SHA-256 of those bytes (hex).
     */
    public record TableFile(String name, String file, List<Column> columns, long rows, long bytes, String sha256) {}

    public record Column(String name, String type) {}

    public long rows() {
        return tables.stream().mapToLong(TableFile::rows).sum();
    }

    public long bytes() {
        return tables.stream().mapToLong(TableFile::bytes).sum();
    }
}
