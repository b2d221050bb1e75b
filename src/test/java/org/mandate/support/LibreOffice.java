package org.mandate.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Real office files for the tests, written by LibreOffice ({@code soffice --headless
 * --convert-to}), as offices make them. {@code .ci/run} installs it; each conversion uses its own
 * profile folder so that conversions may run while another LibreOffice is open.
 */
public final class LibreOffice {
    private static final long TIMEOUT_S = 120;

    private LibreOffice() {}

    /** Converts the file to the format ({@code pdf}, {@code docx}, {@code xlsx}, {@code csv}) in the same folder. */
    public static Path convert(Path source, String format) throws IOException, InterruptedException {
        Path dir = source.getParent();
        Path profile = Files.createTempDirectory("lo-profile");
        var process = new ProcessBuilder(
                        "soffice",
                        "-env:UserInstallation=" + profile.toUri(),
                        "--headless",
                        "--convert-to",
                        format,
                        "--outdir",
                        dir.toString(),
                        source.toString())
                .redirectErrorStream(true)
                .start();
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
