package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.web.CsvFile;
import com.bonusdesk.web.CsvImport;
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

    /** What importing the file as {@code importerId} would record, and every problem of it by line. */
    @Transactional(readOnly = true)
    public CsvImport.Preview<Line> preview(String csv, long importerId) {
        return rows(importerId).read(csv).preview();
    }

    /** Records every row of a file without problems, in one transaction: all or nothing. */
    @Transactional
    public CsvImport.Preview<Line> importAll(String csv, long importerId, String actor) {
        return rows(importerId).importAll(csv, lines -> lines.forEach(line -> recorder.recordBy(importerId,
                line.orderNumber(), line.receivedOn(), line.amount(), line.reference(), actor)));
    }

    private CsvImport<Line, Line> rows(long importerId) {
        return new CsvImport<>(new CsvImport.Definition<>(COLUMNS, "") {

            @Override
            protected Optional<Line> read(CsvFile.Record record, CsvImport.Problems problems) {
                int line = record.line();
                int before = problems.count();
                String reference = record.field(0);
                if (reference.isEmpty() || reference.length() > 64) {
                    problems.add(line, "reference");
                }
                String orderNumber = record.field(1);
                if (orderNumber.isEmpty() || orderNumber.length() > 50) {
                    problems.add(line, "orderNumber");
                }
                LocalDate date = null;
                try {
                    date = Dates.date(record.field(2));
                } catch (IllegalArgumentException e) {
                    problems.add(line, "date", record.field(2));
                }
                BigDecimal amount = Money.parse(record.field(3)).filter(parsed -> parsed.signum() != 0).orElse(null);
                if (amount == null) {
                    problems.add(line, "amount", record.field(3));
                }
                return problems.count() > before ? Optional.empty()
                        : Optional.of(new Line(line, reference, orderNumber, date, amount, false));
            }

            @Override
            protected List<Object> key(Line row) {
                return List.of(row.reference());
            }

            @Override
            protected boolean sameData(Line first, Line again) {
                return first.orderNumber().equals(again.orderNumber()) && first.receivedOn().equals(again.receivedOn())
                        && first.amount().compareTo(again.amount()) == 0;
            }

            @Override
            protected Optional<Line> preview(Line row, boolean repeated, CsvImport.Problems problems) {
                Optional<CollectionRecord> existing = collections.findByReference(row.reference());
                if (existing.isPresent() && !existing.get().sameAs(row.orderNumber(), row.receivedOn(), row.amount())) {
                    problems.add(row.line(), "conflict", row.reference());
                    return Optional.empty();
                }
                Optional<CollectionService.Objection> objection = existing.isPresent() ? Optional.empty()
                        : recorder.objection(row.orderNumber(), row.receivedOn(), importerId);
                if (objection.isPresent()) {
                    switch (objection.get()) {
                        case FUTURE_DATE -> problems.add(row.line(), "futureDate", row.receivedOn());
                        case UNKNOWN_ORDER -> problems.add(row.line(), "unknownOrder", row.orderNumber());
                        case OWN_CLAIM -> problems.add(row.line(), "ownClaim", row.orderNumber());
                    }
                    return Optional.empty();
                }
                return Optional.of(new Line(row.line(), row.reference(), row.orderNumber(), row.receivedOn(),
                        row.amount(), existing.isPresent() || repeated));
            }
        }, MAX_ROWS);
    }
}
