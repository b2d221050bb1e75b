package org.mandate.backup;

import java.nio.file.Path;
import java.time.Duration;

/** A backup written: where, what is in it, the size of the zip and how long it took. */
public record BackupSummary(Path file, Manifest manifest, long fileBytes, Duration took) {}
