package com.bonusdesk.referrals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.EnumSet;
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

    /** What importing the file as {@code personId} would record, and every problem of it by line. */
    @Transactional(readOnly = true)
    public CsvImport.Preview<Line> preview(String csv, long personId) {
        return rows(personId).read(csv).preview();
    }

    /** Records every row of a file without problems, in one transaction: all or nothing. */
    @Transactional
    public CsvImport.Preview<Line> importAll(String csv, long personId, String actor) {
        return rows(personId).importAll(csv, lines -> lines.stream().filter(line -> !line.unchanged()).forEach(line ->
                recorder.recordMonth(line.referralId(), line.month(), line.amount(), personId, actor)));
    }

    private CsvImport<Line, Line> rows(long personId) {
        return new CsvImport<>(new CsvImport.Definition<>(COLUMNS, "") {

            @Override
            protected Optional<Line> read(CsvFile.Record record, CsvImport.Problems problems) {
                int line = record.line();
                int before = problems.count();
                Optional<Referral> referral = referrals.findFirstByClientCodeAndStatusIn(record.field(0),
                        EnumSet.of(ReferralStatus.SUBMITTED, ReferralStatus.APPROVED));
                if (referral.isEmpty()) {
                    problems.add(line, "client", record.field(0));
                } else if (referral.get().getReferrerId() == personId) {
                    problems.add(line, "own", record.field(0));
                }
                YearMonth month = null;
                try {
                    month = Dates.month(record.field(1));
                } catch (IllegalArgumentException e) {
                    problems.add(line, "month", record.field(1));
                }
                YearMonth now = YearMonth.now(clock);
                if (referral.isPresent() && month != null
                        && (month.isBefore(YearMonth.from(referral.get().getSignedDate())) || month.isAfter(now))) {
                    problems.add(line, "outside", month, YearMonth.from(referral.get().getSignedDate()), now);
                }
                BigDecimal amount = Money.parse(record.field(2)).filter(parsed -> parsed.signum() >= 0).orElse(null);
                if (amount == null) {
                    problems.add(line, "amount", record.field(2));
                }
                if (problems.count() > before) {
                    return Optional.empty();
                }
                Referral found = referral.get();
                return Optional.of(new Line(line, found.getClientCode(), found.getClientName(), found.getId(), month,
                        amount, months.of(found.getId()).get(month)));
            }

            @Override
            protected List<Object> key(Line row) {
                return List.of(row.clientCode(), row.month());
            }

            @Override
            protected boolean sameData(Line first, Line again) {
                return first.amount().compareTo(again.amount()) == 0;
            }

            /** A month repeated with the same amount says nothing new: it is shown once. */
            @Override
            protected Optional<Line> preview(Line row, boolean repeated, CsvImport.Problems problems) {
                return repeated ? Optional.empty() : Optional.of(row);
            }
        }, MAX_ROWS);
    }
}
