package org.mandate.database;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL keeps its files.
 *
 * @param dataDir the data folder; the cluster lives in its {@code pg} subfolder
 * @param fresh start from an empty cluster and delete it on exit (used by the test suite)
 */
@ConfigurationProperties("mandate")
public record EmbeddedDatabaseProperties(
        @DefaultValue("data") Path dataDir,
        @DefaultValue("false") boolean fresh) {}
