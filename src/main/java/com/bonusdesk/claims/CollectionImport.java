package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.web.CsvFile;
import com.bonusdesk.web.Dates;

/**
 * Collections from the ERP as CSV, with the same rules as the order import: a preview first, every bad row
 * named by its line, and all rows recorded or none. A reference already recorded with the same data is
 * skipped, so a file can be imported twice.
 */
@Service
@RequiredArgsConstructor
public class CollectionImport {

    static final List<String> COLUMNS = List.of("reference", "order_number", "received_on", "amount");
    static final int MAX_ROWS = 20_000;

    private final CollectionRecordRepository collections;
    private final CollectionService recorder;

    /** One row and what importing it would do. */
    public record Line(int line, String reference, String orderNumber, LocalDate receivedOn, BigDecimal amount,
            boolean alreadyRecorded) {
    }

    /** A problem on a line (0: the file), as a message key under {@code collectionImport.} with arguments. */
    public record Problem(int line, String key, List<String> args) {
    }

    public record Preview(List<Line> lines, List<Problem> problems) {

        public boolean importable() {
            return problems.isEmpty() && !lines.isEmpty();
        }

        public long alreadyRecorded() {
            return lines.stream().filter(Line::alreadyRecorded).count();
        }
    }

    /** Thrown when asked to import a file whose preview has problems. */
    public static class NotImportableException extends RuntimeException {

        private final transient Preview preview;

        NotImportableException(Preview preview) {
            super("The file has " + preview.problems().size() + " problems");
            this.preview = preview;
        }

        public Preview preview() {
            return preview;
        }
    }

    @Transactional(readOnly = true)
    public Preview preview(String csv) {
        CsvFile.Table table = CsvFile.table(csv, COLUMNS, MAX_ROWS);
        if (table.problem() != null) {
            CsvFile.FileProblem file = table.problem();
            return new Preview(List.of(), List.of(new Problem(file.line(), file.key(), file.args())));
        }
        List<Problem> problems = new ArrayList<>();
        List<Line> lines = new ArrayList<>();
        Map<String, Line> byReference = new HashMap<>();
        for (CsvFile.Record record : table.rows()) {
            parse(record, problems).ifPresent(line -> {
                Line first = byReference.putIfAbsent(line.reference(), line);
                if (first != null && !same(first, line)) {
                    problems.add(problem(line.line(), "duplicate", line.reference(), first.line()));
                    return;
                }
                Optional<CollectionRecord> existing = collections.findByReference(line.reference());
                if (existing.isPresent() && !existing.get().sameAs(line.orderNumber(), line.receivedOn(), line.amount())) {
                    problems.add(problem(line.line(), "conflict", line.reference()));
                    return;
                }
                lines.add(new Line(line.line(), line.reference(), line.orderNumber(), line.receivedOn(), line.amount(),
                        existing.isPresent() || first != null));
            });
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        return new Preview(lines, problems);
    }

    /** Records every row of a file without problems, in one transaction: all or nothing. */
    @Transactional
    public Preview importAll(String csv, String actor) {
        Preview preview = preview(csv);
        if (!preview.importable()) {
            throw new NotImportableException(preview);
        }
        for (Line line : preview.lines()) {
            recorder.record(line.orderNumber(), line.receivedOn(), line.amount(), line.reference(), actor);
        }
        return preview;
    }

    private static Optional<Line> parse(CsvFile.Record record, List<Problem> problems) {
        int line = record.line();
        if (record.fields().size() != COLUMNS.size()) {
            problems.add(problem(line, "columns", record.fields().size(), COLUMNS.size()));
            return Optional.empty();
        }
        int before = problems.size();
        String reference = record.field(0);
        if (reference.isEmpty() || reference.length() > 64) {
            problems.add(problem(line, "reference"));
        }
        String orderNumber = record.field(1);
        if (orderNumber.isEmpty() || orderNumber.length() > 50) {
            problems.add(problem(line, "orderNumber"));
        }
        LocalDate date = null;
        try {
            date = Dates.date(record.field(2));
        } catch (IllegalArgumentException e) {
            problems.add(problem(line, "date", record.field(2)));
        }
        BigDecimal amount = amount(record.field(3));
        if (amount == null) {
            problems.add(problem(line, "amount", record.field(3)));
        }
        return problems.size() > before ? Optional.empty()
                : Optional.of(new Line(line, reference, orderNumber, date, amount, false));
    }

    private static BigDecimal amount(String text) {
        return Money.parse(text).filter(amount -> amount.signum() != 0).orElse(null);
    }

    private static boolean same(Line first, Line other) {
        return first.orderNumber().equals(other.orderNumber()) && first.receivedOn().equals(other.receivedOn())
                && first.amount().compareTo(other.amount()) == 0;
    }

    private static Problem problem(int line, String key, Object... args) {
        return new Problem(line, key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
