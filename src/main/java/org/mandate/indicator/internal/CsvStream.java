package org.mandate.indicator.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mandate.shared.InputProblem;

/**
 * CSV read as it streams in, for files of a million rows: UTF-8 with or without a byte order mark,
 * CRLF or LF, quoted fields with doubled quotes and line breaks, and the separator an office's
 * spreadsheet chose: a comma, or a semicolon (where the decimal mark is a comma), or a tab, told
 * apart by which of them the header line holds most of outside quotes. {@code org.mandate.shared.Csv}
 * reads a whole small file into maps; this one keeps one record at a time.
 */
public final class CsvStream {
    private static final int BUFFER = 1 << 16;

    private final String file;
    private final Reader in;
    private final char[] buffer = new char[BUFFER];
    private int position;
    private int limit;
    private int line = 1;

    private CsvStream(String file, InputStream in) {
        this.file = file;
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.in = new InputStreamReader(in, decoder);
    }

    /**
     * Reads every record, the header first; blank lines are skipped.
     *
     * @return the separator found
     * @throws InputProblem naming the file and line when the text is not UTF-8 or a quote is not closed
     */
    public static char read(String file, InputStream in, RecordHandler handler) {
        try {
            return new CsvStream(file, in).records(handler);
        } catch (CharacterCodingException e) {
            throw new InputProblem(
                    file, 0, null, "the file is not UTF-8 text; save it as 'CSV UTF-8' (or upload the .xlsx)");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private char records(RecordHandler handler) throws IOException {
        if (!fill()) {
            throw new InputProblem(file, 1, null, "the file is empty");
        }
        // the header line is read whole before the separator is decided (a reader may return little)
        int n;
        while (limit < buffer.length && (n = in.read(buffer, limit, buffer.length - limit)) > 0) {
            limit += n;
        }
        if (buffer[position] == '\uFEFF') {
            position++;
        }
        char separator = separator();
        var fields = new ArrayList<String>();
        var field = new StringBuilder();
        while (true) {
            int start = line;
            if (!record(separator, fields, field)) {
                return separator;
            }
            if (fields.size() > 1 || !fields.getFirst().isEmpty()) {
                handler.record(start, fields);
            }
        }
    }

    /** Reads one record into fields; false at the end of the file with nothing read. */
    private boolean record(char separator, List<String> fields, StringBuilder field) throws IOException {
        fields.clear();
        field.setLength(0);
        if (position >= limit && !fill()) {
            return false;
        }
        boolean quoted = false;
        boolean wasQuoted = false;
        int start = line;
        while (position < limit || fill()) {
            char c = buffer[position++];
            if (quoted) {
                if (c == '"') {
                    if ((position < limit || fill()) && buffer[position] == '"') {
                        field.append('"');
                        position++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == separator) {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && (position < limit || fill()) && buffer[position] == '\n') {
                    position++;
                }
                line++;
                fields.add(field.toString());
                return true;
            } else if (c == '"') {
                if (!field.isEmpty() || wasQuoted) {
                    throw new InputProblem(
                            file,
                            line,
                            null,
                            "a quote inside an unquoted field at column " + (fields.size() + 1)
                                    + "; quote the whole field and double inner quotes");
                }
                quoted = true;
                wasQuoted = true;
            } else {
                if (wasQuoted) {
                    throw new InputProblem(
                            file, line, null, "text after a closing quote at column " + (fields.size() + 1));
                }
                field.append(c);
            }
        }
        if (quoted) {
            throw new InputProblem(
                    file,
                    start,
                    null,
                    "a quoted field that begins on this line is not closed before the end of the file");
        }
        fields.add(field.toString());
        return true;
    }

    /** The separator the header line holds most of outside quotes: ',', ';' or a tab (a comma when none). */
    private char separator() {
        int commas = 0, semicolons = 0, tabs = 0;
        boolean quoted = false;
        for (int i = position; i < limit; i++) {
            char c = buffer[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted) {
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> {}
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    /** Refills the buffer once everything in it was read; false at the end. */
    private boolean fill() throws IOException {
        position = 0;
        limit = 0;
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        if (n < 0) {
            return false;
        }
        limit = n;
        return true;
    }
}
