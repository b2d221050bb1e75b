/**
 * Backup and restore of the whole database over JDBC: a zip of one consistent snapshot, each table
 * in PostgreSQL's binary COPY format with its row count and SHA-256 in a manifest, and a restore
 * that loads it in one transaction, checked against the manifest, keeping the audit chain as it was.
 */
@org.jspecify.annotations.NullMarked
package org.mandate.backup;
