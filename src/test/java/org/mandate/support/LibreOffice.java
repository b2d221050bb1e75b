package org.mandate.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Real office files for the tests, written by LibreOffice ({@code soffice --headless
 * --convert-to}), as offices make them. {@code .ci/run} installs it; each conversion uses its own
 * profile folder so that conversions may run while another LibreOffice is open.
 */
public final class LibreOffice {
    private static final long TIMEOUT_S = 120;
    // a CSV is opened as a Vietnamese office's Calc opens it when told the file is UTF-8: comma
    // (44), double quote (34), UTF-8 (76), from line 1, standard columns, language vi-VN (1066),
    // so 15/12/2026 is a date, 06712 a number; left to itself Calc would read the bytes as
    // Windows-1252 and dates month first
    private static final String CSV_AS_OFFICES_OPEN_IT = "--infilter=CSV:44,34,76,1,,1066";

    private LibreOffice() {}

    /**
     * Converts the file to the format ({@code pdf}, {@code docx}, {@code xlsx}, {@code csv}) in the
     * same folder. A {@code .csv} source is read as UTF-8 text in the Vietnamese locale.
     */
    public static Path convert(Path source, String format) throws IOException, InterruptedException {
        Path dir = source.getParent();
        Path profile = Files.createTempDirectory("lo-profile");
        var command = new ArrayList<>(List.of("soffice", "-env:UserInstallation=" + profile.toUri(), "--headless"));
        if (source.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
            command.add(CSV_AS_OFFICES_OPEN_IT);
        }
        command.addAll(List.of("--convert-to", format, "--outdir", dir.toString(), source.toString()));
        var process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(TIMEOUT_S, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("LibreOffice could not convert " + source + " to " + format + ": " + output);
        }
        String name = source.getFileName().toString();
        String extension = format.contains(":") ? format.substring(0, format.indexOf(':')) : format;
        Path target = dir.resolve(name.substring(0, name.lastIndexOf('.') + 1) + extension);
        if (!Files.exists(target)) {
            throw new IOException("LibreOffice wrote no " + target + ": " + output);
        }
        return target;
    }
}
