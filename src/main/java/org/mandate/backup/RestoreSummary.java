package org.mandate.backup;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.mandate.audit.ChainCheck;

/**
 * A restore committed.
 *
 * @param migrated the database was empty and its schema was created up to the backup's version
 * @param replacedRows the rows the database held before, now gone
 * @param sequences the identity sequences set past the highest restored id
 * @param chain the audit chain of the restored data, checked before the commit (null when the
 *     schema has no audit log)
 * @param otherConnections other sessions open on the database at the end (a running Mandate)
 */
public record RestoreSummary(
        Manifest manifest,
        boolean migrated,
        long replacedRows,
        int sequences,
        @Nullable ChainCheck chain,
        int otherConnections,
        Duration took) {}
