package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.plans.BonusRules;

/**
 * What the dashboards count of claims and the money collected on their orders, read from the claims and
 * collections as they stand (never kept twice): new clients per month, money collected per month, and the approved
 * claims whose collection window is still open and not yet paid in full.
 */
@Service
@RequiredArgsConstructor
public class ClaimFigures {

    private final JdbcTemplate jdbc;
    private final BonusRules rules;

    /** A count in one month ({@code yyyy-MM}). */
    public record MonthCount(String month, long count) {
    }

    /** An amount in one month ({@code yyyy-MM}). */
    public record MonthAmount(String month, BigDecimal amount) {
    }

    /**
     * The new clients per month of their order, from {@code from} to {@code to}: the distinct clients of approved
     * claims, everyone's or only {@code submitters}' when given.
     */
    @Transactional(readOnly = true)
    public List<MonthCount> newClientsByMonth(Collection<Long> submitters, LocalDate from, LocalDate to) {
        return jdbc.query("select to_char(order_date, 'YYYY-MM'), count(distinct client_code) from claim"
                + " where status = 'APPROVED' and order_date between ? and ?"
                + (submitters == null ? "" : " and submitter_id = any(?)") + " group by 1 order by 1",
                statement -> bind(statement, from, to, submitters),
                (row, number) -> new MonthCount(row.getString(1), row.getLong(2)));
    }

    /**
     * The money collected (refunds taken off) per month it was received, from {@code from} to {@code to}: on every
     * order, or only on orders that {@code submitters} claimed when given.
     */
    @Transactional(readOnly = true)
    public List<MonthAmount> collectedByMonth(Collection<Long> submitters, LocalDate from, LocalDate to) {
        return jdbc.query("select to_char(c.received_on, 'YYYY-MM'), sum(c.amount) from collection c"
                + " where c.received_on between ? and ?"
                + (submitters == null ? "" : " and exists (select 1 from claim k where k.order_number = c.order_number"
                        + " and k.status = 'APPROVED' and k.submitter_id = any(?))")
                + " group by 1 order by 1", statement -> bind(statement, from, to, submitters),
                (row, number) -> new MonthAmount(row.getString(1), row.getBigDecimal(2)));
    }

    /** An approved claim still waiting for money: what its order is, what came in so far, when its window ends. */
    public record WaitingForMoney(long claimId, String client, String orderNumber, LocalDate orderDate,
            BigDecimal orderAmount, BigDecimal collected, LocalDate windowEnds) {

        public BigDecimal outstanding() {
            return orderAmount.subtract(collected);
        }
    }

    /**
     * The approved claims whose order is not yet paid in full and whose collection window is still open on
     * {@code today}, the window closing soonest first: money that may still earn a bonus if it comes.
     */
    @Transactional(readOnly = true)
    public List<WaitingForMoney> waitingForMoney(LocalDate today) {
        BonusCalculator calculator = rules.calculator();
        int longestWindow = calculator.collectionWindowEnd(today).map(end -> (int) (end.toEpochDay()
                - today.toEpochDay())).orElse(0);
        return jdbc.query("""
                        select k.id, k.client_name, k.order_number, k.order_date, k.order_amount, c.collected
                        from claim k
                        cross join lateral (select coalesce(sum(amount), 0) as collected from collection
                                            where order_number = k.order_number) c
                        where k.status = 'APPROVED' and k.order_date >= ? and c.collected < k.order_amount
                        order by k.order_date, k.id""",
                (row, number) -> {
                    LocalDate orderDate = row.getObject(4, LocalDate.class);
                    return new WaitingForMoney(row.getLong(1), row.getString(2), row.getString(3), orderDate,
                            row.getBigDecimal(5), row.getBigDecimal(6),
                            calculator.collectionWindowEnd(orderDate).orElse(orderDate));
                }, today.minusDays(longestWindow)).stream()
                .filter(claim -> !claim.windowEnds().isBefore(today)).toList();
    }

    private static void bind(PreparedStatement statement, LocalDate from, LocalDate to, Collection<Long> people)
            throws SQLException {
        statement.setObject(1, from);
        statement.setObject(2, to);
        if (people != null) {
            statement.setArray(3, statement.getConnection().createArrayOf("bigint", people.toArray()));
        }
    }
}
