package com.bonusdesk.dealers;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.clients.ClientDirectory;
import com.bonusdesk.web.CsvFile;
import com.bonusdesk.web.CsvImport;

/**
 * Dealers' annual targets from a CSV file, with the rules of the other imports: a preview first, every bad row
 * named by its line, and all rows set or none. A target set again to the same amount is left as it is.
 */
@Service
@RequiredArgsConstructor
public class DealerTargetImport {

    static final List<String> COLUMNS = List.of("client_code", "year", "target");
    static final int MAX_ROWS = 20_000;

    private final Dealers dealers;
    private final DealerTargets targets;

    /** One row and what importing it would do: set a new target, replace one, or change nothing. */
    public record Line(int line, String clientCode, String clientName, long dealerId, int year, BigDecimal target,
            BigDecimal before) {

        public boolean unchanged() {
            return before != null && before.compareTo(target) == 0;
        }
    }

    @Transactional(readOnly = true)
    public CsvImport.Preview<Line> preview(String csv) {
        return rows().read(csv).preview();
    }

    /** Sets every row of a file without problems, in one transaction: all or nothing. */
    @Transactional
    public CsvImport.Preview<Line> importAll(String csv, String actor) {
        return rows().importAll(csv, lines -> lines.stream().filter(line -> !line.unchanged()).forEach(line ->
                dealers.set(dealers.find(line.clientCode()).orElseThrow(), line.year(), line.target(), actor)));
    }

    private CsvImport<Line, Line> rows() {
        return new CsvImport<>(new CsvImport.Definition<>(COLUMNS, "") {

            @Override
            protected Optional<Line> read(CsvFile.Record record, CsvImport.Problems problems) {
                int line = record.line();
                int before = problems.count();
                Optional<Dealer> dealer = dealers.find(record.field(0));
                if (dealer.isEmpty()) {
                    problems.add(line, "dealer", record.field(0));
                }
                Integer year = record.field(1).matches("[0-9]{4}") ? Integer.valueOf(record.field(1)) : null;
                if (year != null && !dealers.isTargetYear(year)) {
                    year = null;
                }
                if (year == null) {
                    problems.add(line, "year", record.field(1));
                }
                BigDecimal target = Money.parse(record.field(2)).filter(parsed -> parsed.signum() > 0).orElse(null);
                if (target == null) {
                    problems.add(line, "target", record.field(2));
                }
                if (problems.count() > before) {
                    return Optional.empty();
                }
                ClientDirectory.Known client = dealers.clientOf(dealer.get());
                return Optional.of(new Line(line, client.code(), client.name(), dealer.get().getId(), year, target,
                        targets.of(dealer.get().getId(), year).orElse(null)));
            }

            @Override
            protected List<Object> key(Line row) {
                return List.of(row.clientCode(), row.year());
            }

            @Override
            protected boolean sameData(Line first, Line again) {
                return first.target().compareTo(again.target()) == 0;
            }

            /** A target repeated with the same amount says nothing new: it is shown once. */
            @Override
            protected Optional<Line> preview(Line row, boolean repeated, CsvImport.Problems problems) {
                return repeated ? Optional.empty() : Optional.of(row);
            }
        }, MAX_ROWS);
    }
}
