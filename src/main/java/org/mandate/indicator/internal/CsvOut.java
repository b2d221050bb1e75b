package org.mandate.indicator.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * CSV as RFC 4180 writes it: comma-separated, CRLF line ends, fields quoted when they hold a comma,
 * a quote, a line break or spaces at their ends. With a byte order mark, Excel opens the file as
 * UTF-8 and shows Vietnamese as written; without one (SDMX-CSV), tools read plain UTF-8.
 */
public final class CsvOut implements AutoCloseable {
    private final Writer out;

    public CsvOut(OutputStream out, boolean byteOrderMark) {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if (byteOrderMark) {
            write("\uFEFF");
        }
    }

    public void row(List<@Nullable String> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                String f = fields.get(i);
                if (f != null) {
                    out.write(quoted(f));
                }
            }
            out.write("\r\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String quoted(String f) {
        boolean quote = !f.isEmpty()
                && (f.indexOf(',') >= 0
                        || f.indexOf('"') >= 0
                        || f.indexOf('\n') >= 0
                        || f.indexOf('\r') >= 0
                        || f.indexOf(';') >= 0
                        || Character.isWhitespace(f.charAt(0))
                        || Character.isWhitespace(f.charAt(f.length() - 1)));
        return quote ? '"' + f.replace("\"", "\"\"") + '"' : f;
    }

    private void write(String s) {
        try {
            out.write(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
