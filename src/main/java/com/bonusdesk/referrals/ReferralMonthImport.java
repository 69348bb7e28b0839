package com.bonusdesk.referrals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
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
 * Referred clients' monthly contract amounts from a CSV file, with the rules of the other imports: a preview
 * first, every bad row named by its line, and all rows recorded or none. A month recorded with the same
 * amount is left as it is, so a file can be imported twice.
 */
@Service
@RequiredArgsConstructor
public class ReferralMonthImport {

    static final List<String> COLUMNS = List.of("client_code", "month", "amount");
    static final int MAX_ROWS = 20_000;

    private final ReferralRepository referrals;
    private final ReferralMonths months;
    private final ReferralService recorder;
    private final Clock clock;

    /** One row and what importing it would do: record a new month, correct one, or change nothing. */
    public record Line(int line, String clientCode, String clientName, long referralId, YearMonth month,
            BigDecimal amount, BigDecimal before) {

        public boolean unchanged() {
            return before != null && before.compareTo(amount) == 0;
        }
    }

    /** A problem on a line (0: the file), as a message key under {@code monthImport.} with arguments. */
    public record Problem(int line, String key, List<String> args) {
    }

    public record Preview(List<Line> lines, List<Problem> problems) {

        public boolean importable() {
            return problems.isEmpty() && !lines.isEmpty();
        }

        public long unchanged() {
            return lines.stream().filter(Line::unchanged).count();
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
        Map<String, Line> seen = new HashMap<>();
        for (CsvFile.Record record : table.rows()) {
            parse(record, problems).ifPresent(line -> {
                Line first = seen.putIfAbsent(line.clientCode() + " " + line.month(), line);
                if (first != null && first.amount().compareTo(line.amount()) != 0) {
                    problems.add(problem(line.line(), "duplicate", line.clientCode(), line.month(), first.line()));
                } else if (first == null) {
                    lines.add(line);
                }
            });
        }
        problems.sort(Comparator.comparingInt(Problem::line));
        return new Preview(lines, problems);
    }

    /** Records every row of a file without problems, in one transaction: all or nothing. */
    @Transactional
    public Preview importAll(String csv, long personId, String actor) {
        Preview preview = preview(csv);
        if (!preview.importable()) {
            throw new NotImportableException(preview);
        }
        for (Line line : preview.lines()) {
            if (!line.unchanged()) {
                recorder.recordMonth(line.referralId(), line.month(), line.amount(), personId, actor);
            }
        }
        return preview;
    }

    private Optional<Line> parse(CsvFile.Record record, List<Problem> problems) {
        int line = record.line();
        if (record.fields().size() != COLUMNS.size()) {
            problems.add(problem(line, "columns", record.fields().size(), COLUMNS.size()));
            return Optional.empty();
        }
        int before = problems.size();
        Optional<Referral> referral = referrals.findFirstByClientCodeAndStatusIn(record.field(0),
                EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.APPROVED));
        if (referral.isEmpty()) {
            problems.add(problem(line, "client", record.field(0)));
        }
        YearMonth month = null;
        try {
            month = Dates.month(record.field(1));
        } catch (IllegalArgumentException e) {
            problems.add(problem(line, "month", record.field(1)));
        }
        if (referral.isPresent() && month != null && (month.isBefore(YearMonth.from(referral.get().getSignedDate()))
                || month.isAfter(YearMonth.now(clock)))) {
            problems.add(problem(line, "outside", month, YearMonth.from(referral.get().getSignedDate()),
                    YearMonth.now(clock)));
        }
        BigDecimal amount = Money.parse(record.field(2)).filter(parsed -> parsed.signum() >= 0).orElse(null);
        if (amount == null) {
            problems.add(problem(line, "amount", record.field(2)));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        Referral found = referral.get();
        return Optional.of(new Line(line, found.getClientCode(), found.getClientName(), found.getId(), month, amount,
                months.of(found.getId()).get(month)));
    }

    private static Problem problem(int line, String key, Object... args) {
        return new Problem(line, key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
