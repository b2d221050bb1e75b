package org.mandate.shared;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * RFC 4180 CSV as offices produce it: optional UTF-8 byte order mark, CRLF or LF line ends,
 * quoted fields with doubled quotes and embedded line breaks. The first record is the header.
 */
public final class Csv {
    private Csv() {}

    /** One data record: its 1-based line number in the file (header is line 1) and its fields. */
    public record Row(String file, int line, Map<String, String> fields, String raw) {
        /** The field's trimmed value; a missing column is an input problem naming file, line and field. */
        public String get(String column) {
            String value = fields.get(column);
            if (value == null) {
                throw new InputProblem(file, line, column, "the column is missing");
            }
            return value.strip();
        }

        public String required(String column) {
            String value = get(column);
            if (value.isEmpty()) {
                throw new InputProblem(file, line, column, "a value is required");
            }
            return value;
        }
    }

    /** Parses {@code text} and checks that the header holds every {@code requiredColumns}. */
    public static List<Row> parse(String file, String text, List<String> requiredColumns) {
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<Record> records = records(file, text);
        if (records.isEmpty()) {
            throw new InputProblem(file, 1, null, "the file is empty; expected a header line " + requiredColumns);
        }
        List<String> header =
                records.getFirst().fields().stream().map(String::strip).toList();
        for (String column : requiredColumns) {
            if (!header.contains(column)) {
                throw new InputProblem(file, 1, column, "the header lacks this column; it has " + header);
            }
        }
        List<Row> rows = new ArrayList<>(records.size() - 1);
        for (Record record : records.subList(1, records.size())) {
            if (record.raw().isBlank()) {
                continue; // a blank line, typically the last one
            }
            if (record.fields().size() != header.size()) {
                throw new InputProblem(
                        file,
                        record.line(),
                        null,
                        "expected " + header.size() + " fields as in the header, found "
                                + record.fields().size());
            }
            Map<String, String> fields = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                fields.put(header.get(i), record.fields().get(i));
            }
            rows.add(new Row(file, record.line(), fields, record.raw()));
        }
        return rows;
    }

    private record Record(int line, List<String> fields, String raw) {}

    private static List<Record> records(String file, String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1, recordLine = 1, recordStart = 0;
        boolean quoted = false, wasQuoted = false;
        int i = 0, n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            switch (c) {
                case '"' -> {
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
                }
                case ',' -> {
                    fields.add(field.toString());
                    field.setLength(0);
                    wasQuoted = false;
                }
                case '\r', '\n' -> {
                    int end = i;
                    if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                        i++;
                    }
                    fields.add(field.toString());
                    records.add(new Record(recordLine, List.copyOf(fields), text.substring(recordStart, end)));
                    fields.clear();
                    field.setLength(0);
                    wasQuoted = false;
                    line++;
                    recordLine = line;
                    recordStart = i + 1;
                }
                default -> {
                    if (wasQuoted) {
                        throw new InputProblem(
                                file, line, null, "text after a closing quote at column " + (fields.size() + 1));
                    }
                    field.append(c);
                }
            }
            i++;
        }
        if (quoted) {
            throw new InputProblem(file, recordLine, null, "a quoted field is not closed before the end of the file");
        }
        if (!field.isEmpty() || !fields.isEmpty() || wasQuoted) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields), text.substring(recordStart)));
        }
        return records;
    }
}
