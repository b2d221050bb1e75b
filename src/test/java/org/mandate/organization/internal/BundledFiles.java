package org.mandate.organization.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.mandate.organization.internal.AdminUnitFiles.NamedText;

/** The administrative-unit files shipped in src/main/resources/admin-units, read as plain files. */
final class BundledFiles {
    private BundledFiles() {}

    static List<NamedText> all() {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/admin-units"))) {
            return files.filter(f -> f.toString().endsWith(".csv"))
                    .sorted()
                    .map(f -> new NamedText(f.getFileName().toString(), read(f)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
