package com.bonusdesk.referrals;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The referred clients' contract amounts by month, as recorded, for the kicker. */
@Component
@RequiredArgsConstructor
class ReferralMonths {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    @Transactional(readOnly = true)
    Map<YearMonth, BigDecimal> of(long referralId) {
        Map<YearMonth, BigDecimal> months = new TreeMap<>();
        jdbc.query("select month, amount from referral_month where referral_id = ? order by month", row -> {
            months.put(YearMonth.from(row.getObject(1, LocalDate.class)), row.getBigDecimal(2));
        }, referralId);
        return months;
    }

    /** Records the month's amount, replacing what was recorded before; returns the amount it replaced, if any. */
    @Transactional(propagation = Propagation.MANDATORY)
    BigDecimal record(long referralId, YearMonth month, BigDecimal amount, String actor) {
        BigDecimal before = of(referralId).get(month);
        jdbc.update("""
                insert into referral_month (referral_id, month, amount, recorded_by, recorded_at) values (?, ?, ?, ?, ?)
                on conflict (referral_id, month) do update
                set amount = excluded.amount, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at""",
                referralId, month.atDay(1), amount, actor, Timestamp.from(clock.instant()));
        return before;
    }
}
