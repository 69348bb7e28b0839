package com.bonusdesk.keyaccounts;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.KeyAccountMode;
import com.bonusdesk.calculation.Money;

/** What each key account's closed months gave, as last computed: one row a month, replaced by each computation. */
@Component
@RequiredArgsConstructor
class KeyAccountMonths {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    /** A month's outcome: a cash subsidy, next month's discount, waiting for an agreement, or nothing. */
    enum Outcome {
        SUBSIDY,
        DISCOUNT,
        NEEDS_AGREEMENT,
        NOTHING
    }

    /** One computed month of one key account. */
    record Month(long keyAccountId, YearMonth month, BigDecimal purchases, KeyAccountMode mode, Outcome outcome,
            BigDecimal subsidy, BigDecimal discountRate) {

        /** The discount rate in percent, as people read it (10, 12.5); none for a cash month. */
        public BigDecimal discountPercent() {
            return discountRate == null ? null : Money.inPercent(discountRate);
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void record(Month month) {
        jdbc.update("""
                insert into key_account_month (key_account_id, month, purchases, mode, outcome, subsidy, discount_rate,
                                               computed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (key_account_id, month) do update set purchases = excluded.purchases,
                    mode = excluded.mode, outcome = excluded.outcome, subsidy = excluded.subsidy,
                    discount_rate = excluded.discount_rate, computed_at = excluded.computed_at""",
                month.keyAccountId(), month.month().atDay(1), month.purchases(), month.mode().name(),
                month.outcome().name(), month.subsidy(), month.discountRate(), Timestamp.from(clock.instant()));
    }

    /** The mode chosen for {@code year}, if one was chosen after the designation. */
    @Transactional(readOnly = true)
    java.util.Optional<KeyAccountMode> modeChosenFor(long keyAccountId, int year) {
        return jdbc.queryForList("select mode from key_account_year_mode where key_account_id = ? and year = ?",
                String.class, keyAccountId, year).stream().findFirst().map(KeyAccountMode::valueOf);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    void chooseMode(long keyAccountId, int year, KeyAccountMode mode, String actor) {
        jdbc.update("""
                insert into key_account_year_mode (key_account_id, year, mode, set_by, set_at) values (?, ?, ?, ?, ?)
                on conflict (key_account_id, year) do update set mode = excluded.mode, set_by = excluded.set_by,
                    set_at = excluded.set_at""", keyAccountId, year, mode.name(), actor, Timestamp.from(clock.instant()));
    }

    /** Whether any month of {@code year} was computed for the key account: its mode is then settled. */
    @Transactional(readOnly = true)
    boolean anyComputedIn(long keyAccountId, int year) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from key_account_month where key_account_id = ?
                               and month between ? and ?)""", Boolean.class, keyAccountId,
                LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 1)));
    }

    /** A key account's computed months, newest first. */
    @Transactional(readOnly = true)
    List<Month> of(long keyAccountId) {
        return jdbc.query(SELECT + " where key_account_id = ? order by month desc", (row, n) -> month(row),
                keyAccountId);
    }

    /** Every key account's month {@code month} with an outcome of {@code outcome}. */
    @Transactional(readOnly = true)
    List<Month> in(YearMonth month, Outcome outcome) {
        return jdbc.query(SELECT + " where month = ? and outcome = ? order by key_account_id",
                (row, n) -> month(row), month.atDay(1), outcome.name());
    }

    private static final String SELECT = """
            select key_account_id, month, purchases, mode, outcome, subsidy, discount_rate from key_account_month""";

    private static Month month(java.sql.ResultSet row) throws java.sql.SQLException {
        return new Month(row.getLong(1), YearMonth.from(row.getObject(2, LocalDate.class)), row.getBigDecimal(3),
                KeyAccountMode.valueOf(row.getString(4)), Outcome.valueOf(row.getString(5)), row.getBigDecimal(6),
                row.getBigDecimal(7));
    }
}
