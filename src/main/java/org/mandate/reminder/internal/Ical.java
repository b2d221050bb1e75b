package org.mandate.reminder.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes iCalendar (RFC 5545) text: CRLF line ends, TEXT values escaped, lines folded at 75
 * octets without splitting a UTF-8 character.
 */
public final class Ical {
    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    /** The longest line, in octets, before it is folded (RFC 5545, 3.1). */
    private static final int LINE_OCTETS = 75;

    private final StringBuilder out = new StringBuilder();

    public Ical begin(String component) {
        return line("BEGIN:" + component);
    }

    public Ical end(String component) {
        return line("END:" + component);
    }

    /** A property whose value is written as given (URIs, codes, dates). */
    public Ical raw(String name, String value) {
        return line(name + ":" + value);
    }

    public Ical text(String name, String value) {
        return line(name + ":" + escape(value));
    }

    public Ical date(String name, LocalDate day) {
        return line(name + ";VALUE=DATE:" + DATE.format(day));
    }

    public Ical stamp(String name, Instant at) {
        return line(name + ":" + STAMP.format(at));
    }

    @Override
    public String toString() {
        return out.toString();
    }

    static String escape(String text) {
        return text.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\n", "\\n")
                .replace("\r", "\\n");
    }

    private Ical line(String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = utf8Octets(cp);
            if (octets + size > LINE_OCTETS) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
        return this;
    }

    /** The octets of a code point in UTF-8; a lone surrogate is written as one ({@code ?}). */
    private static int utf8Octets(int cp) {
        if (cp < 0x80) {
            return 1;
        } else if (cp < 0x800) {
            return 2;
        } else if (cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE) {
            return 1;
        } else if (cp < 0x10000) {
            return 3;
        }
        return 4;
    }
}
