package com.bonusdesk.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * How every CSV import of Bonus Desk reads a file, written once: the file is checked as a whole (header, size,
 * quotes, control characters), each row is read into what it means or into the problems that stop it, rows that
 * repeat a key must say the same, and each row is compared with what is stored. The result is a preview naming
 * every bad row by its line; a file with any problem imports nothing, and importing a file twice changes nothing.
 * An import (orders, collections, contract months) says what its columns are and what a row means.
 *
 * @param <R> a row as read from the file
 * @param <L> a row as the preview shows it, with what importing it would do
 */
public final class CsvImport<R, L> {

    /**
     * What one import reads and what its rows mean: its columns, the prefix its page puts before its problem keys
     * (e.g. {@code import.}), and how a row is read, keyed and compared with what is stored.
     */
    public abstract static class Definition<R, L> {

        private final List<String> columns;
        private final List<String> optional;
        private final String messages;

        protected Definition(List<String> columns, String messages) {
            this(columns, List.of(), messages);
        }

        /** A file may also name {@code optional} after the columns, all of them: its rows then have them too. */
        protected Definition(List<String> columns, List<String> optional, String messages) {
            this.columns = List.copyOf(columns);
            this.optional = List.copyOf(optional);
            this.messages = messages;
        }

        /** The row a record of the right width means, or none with every problem of the record added. */
        protected abstract Optional<R> read(CsvFile.Record record, Problems problems);

        /** What a row is keyed by (an order number, a receipt reference): a file repeats a key only with the same data. */
        protected abstract List<Object> key(R row);

        protected abstract boolean sameData(R first, R again);

        /**
         * The row as the preview shows it, after comparing it with what is stored; none with a problem added when
         * it conflicts with it. {@code repeated}: an earlier row of the file said the same.
         */
        protected abstract Optional<L> preview(R row, boolean repeated, Problems problems);
    }

    /** A problem on a line (0: the file as a whole): a message key and its arguments. */
    public record Problem(int line, String key, List<String> args) {
    }

    /** What importing a file would do, row by row, and every problem that stops it. */
    public record Preview<L>(List<L> lines, List<Problem> problems) {

        public boolean importable() {
            return problems.isEmpty() && !lines.isEmpty();
        }

        public long count(Predicate<L> which) {
            return lines.stream().filter(which).count();
        }
    }

    /** A file as read: its preview, and the rows to write when it is importable. */
    public record Reading<R, L>(Preview<L> preview, List<R> rows) {
    }

    /** The problems found so far, each under the import's message prefix. */
    public static final class Problems {

        private final String prefix;
        private final List<Problem> found = new ArrayList<>();

        Problems(String prefix) {
            this.prefix = prefix;
        }

        public void add(int line, String key, Object... args) {
            found.add(new Problem(line, prefix + key, Arrays.stream(args).map(String::valueOf).toList()));
        }

        public int count() {
            return found.size();
        }
    }

    private final Definition<R, L> definition;
    private final int maxRows;

    public CsvImport(Definition<R, L> definition, int maxRows) {
        this.definition = definition;
        this.maxRows = maxRows;
    }

    public List<String> columns() {
        return definition.columns;
    }

    public Reading<R, L> read(String csv) {
        Problems problems = new Problems(definition.messages);
        CsvFile.Table table = CsvFile.table(csv, definition.columns, definition.optional, maxRows);
        if (table.problem() != null) {
            CsvFile.FileProblem file = table.problem();
            problems.add(file.line(), file.key(), file.args().toArray());
            return new Reading<>(new Preview<>(List.of(), problems.found), List.of());
        }
        List<R> rows = new ArrayList<>();
        List<L> lines = new ArrayList<>();
        Map<List<Object>, Integer> firstLine = new HashMap<>();
        Map<List<Object>, R> firstRow = new HashMap<>();
        for (CsvFile.Record record : table.rows()) {
            if (record.fields().size() != table.width()) {
                problems.add(record.line(), "columns", record.fields().size(), table.width());
                continue;
            }
            Optional<R> read = definition.read(record, problems);
            if (read.isEmpty()) {
                continue;
            }
            R row = read.get();
            List<Object> key = definition.key(row);
            R first = firstRow.putIfAbsent(key, row);
            firstLine.putIfAbsent(key, record.line());
            if (first != null && !definition.sameData(first, row)) {
                List<Object> args = new ArrayList<>(key);
                args.add(firstLine.get(key));
                problems.add(record.line(), "duplicate", args.toArray());
                continue;
            }
            Optional<L> line = definition.preview(row, first != null, problems);
            if (line.isPresent()) {
                rows.add(row);
                lines.add(line.get());
            }
        }
        problems.found.sort(Comparator.comparingInt(Problem::line));
        return new Reading<>(new Preview<>(lines, problems.found), rows);
    }

    /**
     * Writes every row of a file without problems with {@code write}, in the caller's transaction: all or nothing.
     * A file with problems writes nothing, and its preview says why.
     */
    public Preview<L> importAll(String csv, Consumer<List<R>> write) {
        Reading<R, L> reading = read(csv);
        if (reading.preview().importable()) {
            write.accept(reading.rows());
        }
        return reading.preview();
    }
}
