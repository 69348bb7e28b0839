package com.bonusdesk.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A CSV file as spreadsheets and ERPs write it (RFC 4180: commas, quoted fields, doubled quotes), UTF-8 with
 * or without a byte-order mark. Records keep the line number they start on, so that problems can name it.
 */
public final class CsvFile {

    /** One record and the line of the file it starts on. */
    public record Record(int line, List<String> fields) {

        public String field(int index) {
            return index < fields.size() ? fields.get(index).strip() : "";
        }

        public boolean isBlank() {
            return fields.stream().allMatch(String::isBlank);
        }
    }

    /** A quote left open at the end of the file: the file is cut off or not CSV. */
    public static class MalformedException extends Exception {

        private final int line;

        MalformedException(int line) {
            super("Unclosed quote starting on line " + line);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    /**
     * What is wrong with a file as a whole, before any row is read: {@code unclosedQuote}, {@code empty},
     * {@code header} (args: the expected columns), {@code tooMany} (args: the limit) or {@code controlCharacter}
     * (a NUL or other control character, which no record could keep).
     */
    public record FileProblem(int line, String key, List<String> args) {
    }

    /**
     * A file's rows after its header and how many columns its header names, or the problem that stops it from being
     * read at all.
     */
    public record Table(List<Record> rows, int width, FileProblem problem) {
    }

    private CsvFile() {
    }

    /**
     * Reads a file whose first line must name exactly {@code columns}, or {@code columns} then {@code optional},
     * with at most {@code maxRows} rows.
     */
    public static Table table(String text, List<String> columns, List<String> optional, int maxRows) {
        List<Record> records;
        try {
            records = parse(text == null ? "" : text);
        } catch (MalformedException e) {
            return new Table(List.of(), 0, new FileProblem(e.line(), "unclosedQuote", List.of()));
        }
        if (records.isEmpty()) {
            return new Table(List.of(), 0, new FileProblem(0, "empty", List.of()));
        }
        for (Record record : records) {
            if (!record.fields().stream().allMatch(Text::isStorable)) {
                return new Table(List.of(), 0, new FileProblem(record.line(), "controlCharacter", List.of()));
            }
        }
        List<String> header = records.get(0).fields().stream()
                .map(field -> field.strip().toLowerCase(Locale.ROOT)).toList();
        List<String> withOptional = new ArrayList<>(columns);
        withOptional.addAll(optional);
        if (!header.equals(columns) && !header.equals(withOptional)) {
            return new Table(List.of(), 0, new FileProblem(records.get(0).line(), "header",
                    List.of(String.join(",", columns))));
        }
        if (records.size() - 1 > maxRows) {
            return new Table(List.of(), 0, new FileProblem(0, "tooMany", List.of(String.valueOf(maxRows))));
        }
        return new Table(records.subList(1, records.size()), header.size(), null);
    }

    public static List<Record> parse(String text) throws MalformedException {
        String content = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < content.length(); i++) {
            char c = content.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < content.length() && content.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n') {
                    i++;
                }
                fields.add(field.toString());
                field.setLength(0);
                records.add(new Record(recordLine, List.copyOf(fields)));
                fields.clear();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw new MalformedException(recordLine);
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            records.add(new Record(recordLine, List.copyOf(fields)));
        }
        return records.stream().filter(record -> !record.isBlank()).toList();
    }
}
