package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.Collection;
import com.bonusdesk.calculation.NewClientFacts;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.plans.PlanReplay;

/**
 * Approved claims and the money collected on their orders, computed again as {@link ClaimService} computes them
 * (approval settled that the client is new and the price acceptable): the R1 and R2 lines of a period.
 */
@Component
@RequiredArgsConstructor
class ClaimReplay implements PlanReplay {

    /** Money counts for a while after the order: claims this much older than the period may still earn in it. */
    private static final int LOOK_BACK_DAYS = 400;

    private final JdbcTemplate jdbc;

    @Override
    public Set<PlanKind> kinds() {
        return Set.of(PlanKind.NEW_CLIENT, PlanKind.ORDER_SIZE_TIER);
    }

    private record Order(long submitterId, LocalDate orderDate, BigDecimal amount, int units, boolean belowListPrice,
            boolean packageDeal, List<Collection> collections) {
    }

    @Override
    @Transactional(readOnly = true)
    public void replay(BonusCalculator calculator, LocalDate from, LocalDate to, Sink sink) {
        LocalDate since = from.minusDays(LOOK_BACK_DAYS);
        Map<String, Order> orders = new HashMap<>();
        jdbc.query("""
                select order_number, submitter_id, order_date, order_amount, units, below_list_price, package_deal
                from claim where status = 'APPROVED' and order_date between ? and ?""", row -> {
                    orders.put(row.getString(1), new Order(row.getLong(2), row.getObject(3, LocalDate.class),
                            row.getBigDecimal(4), row.getInt(5), row.getBoolean(6), row.getBoolean(7),
                            new ArrayList<>()));
                }, since, to);
        jdbc.query("""
                select c.order_number, c.received_on, c.amount from collection c
                where c.order_number in (select order_number from claim where status = 'APPROVED'
                                         and order_date between ? and ?)
                order by c.received_on, c.id""", row -> {
                    Order order = orders.get(row.getString(1));
                    if (order != null) {
                        order.collections().add(new Collection(row.getObject(2, LocalDate.class), row.getBigDecimal(3)));
                    }
                }, since, to);
        Sink inPeriod = sink.earnedBetween(from, to);
        for (Order order : orders.values()) {
            calculator.newClient(new NewClientFacts(order.orderDate(), order.amount(), order.units(),
                            order.belowListPrice(), true, order.packageDeal(), null, order.collections()))
                    .lines().forEach(line -> inPeriod.accept(order.submitterId(), line));
        }
    }

    /** R3 counts a salesperson's approved new clients whose order earned the order-size bonus, as the ledger has it. */
    @Component
    @RequiredArgsConstructor
    static class MonthlyCountReplay implements PlanReplay {

        private final JdbcTemplate jdbc;

        @Override
        public Set<PlanKind> kinds() {
            return Set.of(PlanKind.MONTHLY_COUNT_TIER);
        }

        @Override
        @Transactional(readOnly = true)
        public void replay(BonusCalculator calculator, LocalDate from, LocalDate to, Sink sink) {
            Sink inPeriod = sink.earnedBetween(from, to);
            for (YearMonth counted : PlanReplay.monthsEarningIn(from, to, YearMonth.from(to))) {
                jdbc.query("""
                        select k.submitter_id, count(*) from claim k
                        where k.status = 'APPROVED' and k.order_date between ? and ?
                          and (select coalesce(sum(l.amount), 0) from earned_line l
                               where l.source_type = 'CLAIM' and l.source_id = k.id and l.rule = 'R2') > 0
                        group by k.submitter_id""", row -> {
                            long payee = row.getLong(1);
                            calculator.monthlyCount(counted, row.getInt(2)).lines()
                                    .forEach(line -> inPeriod.accept(payee, line));
                        }, counted.atDay(1), counted.atEndOfMonth());
            }
        }
    }
}
