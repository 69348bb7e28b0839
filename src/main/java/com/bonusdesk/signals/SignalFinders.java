package com.bonusdesk.signals;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.NewClientRules;
import com.bonusdesk.calculation.OrderSizeTiers;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.plans.PlanCatalogue;

/**
 * The rules of the nightly review, each a reading of the facts as they stand that returns what it finds. None
 * writes anything; {@link Signals} keeps what they find.
 */
@Component
@RequiredArgsConstructor
class SignalFinders {

    /** The lines of a source no payout run holds yet: what a hold keeps out of the next runs. */
    private static final String UNPAID_LINES_OF_SOURCES = """
            select l.id from earned_line l
            where l.source_type = ? and l.source_id = any(?)
              and not exists (select 1 from payout_item i where i.line_id = l.id and i.state = 'IN_RUN')
            order by l.id""";

    private final JdbcTemplate jdbc;
    private final PlanCatalogue plans;
    private final SignalSettings settings;
    private final Clock clock;

    List<Finding> all() {
        List<Finding> found = new ArrayList<>();
        found.addAll(sharedBankAccounts());
        found.addAll(relatedParties());
        found.addAll(splitOrders());
        found.addAll(clawbackRisks());
        return found;
    }

    /** One account number, spaces aside, on several payees: employees, partners, referring customers, companies. */
    List<Finding> sharedBankAccounts() {
        List<Finding> found = new ArrayList<>();
        jdbc.query("""
                select regexp_replace(bank_account, '\\s', '', 'g'), array_agg(id order by id),
                       array_agg(display_name order by id)
                from person where bank_account is not null and btrim(bank_account) <> ''
                group by 1 having count(*) > 1 order by 1""", row -> {
                    String account = row.getString(1);
                    List<Long> payees = longs(row.getArray(2));
                    List<String> names = strings(row.getArray(3));
                    List<Finding.Item> items = new ArrayList<>();
                    for (int i = 0; i < payees.size(); i++) {
                        items.add(new Finding.Item("PERSON", payees.get(i), names.get(i), null));
                    }
                    List<Long> lines = jdbc.queryForList("""
                            select l.id from earned_line l where l.payee_id = any(?)
                              and not exists (select 1 from payout_item i where i.line_id = l.id and i.state = 'IN_RUN')
                            order by l.id""", Long.class, (Object) payees.toArray(Long[]::new));
                    found.add(new Finding(SignalRule.SHARED_BANK_ACCOUNT, "account:" + account,
                            account + payees, "signal.SHARED_BANK_ACCOUNT",
                            List.of(lastDigits(account), String.valueOf(payees.size()), String.join("、", names)),
                            items, lines));
                });
        return found;
    }

    /** A customer referral whose visitor and referring customer share a mobile, or whose deal is the referrer's. */
    List<Finding> relatedParties() {
        List<Finding> found = new ArrayList<>();
        jdbc.query("""
                select id, visitor_name, referrer_name, visitor_mobile, referrer_mobile, referrer_contract_number,
                       deal_contract_number
                from customer_referral
                where status <> 'REJECTED'
                  and (visitor_mobile = referrer_mobile or deal_contract_number = referrer_contract_number)
                order by id""", row -> {
                    long id = row.getLong(1);
                    boolean sameMobile = row.getString(4).equals(row.getString(5));
                    String shared = sameMobile ? row.getString(4) : row.getString(6);
                    found.add(new Finding(SignalRule.RELATED_PARTY, "customer-referral:" + id,
                            id + (sameMobile ? " mobile " : " contract ") + shared,
                            sameMobile ? "signal.RELATED_PARTY.mobile" : "signal.RELATED_PARTY.contract",
                            List.of(String.valueOf(id), row.getString(2), row.getString(3), shared),
                            List.of(new Finding.Item("CUSTOMER_REFERRAL", id, row.getString(2) + " ← "
                                    + row.getString(3), "/customer-referrals/" + id)),
                            unpaidLines("CUSTOMER_REFERRAL", List.of(id))));
                });
        return found;
    }

    /** An order of the claimed client near the claimed one, as the ERP recorded it (the claimed order included). */
    private record NearOrder(String orderNumber, LocalDate orderDate, BigDecimal amount) {
    }

    /**
     * A claimed order whose client had other orders within a few days of it (as the ERP recorded them), all under a
     * boundary the plans in force pay at (the minimum order, an order-size tier) yet together over it: one order
     * split in pieces, one of them claimed.
     */
    List<Finding> splitOrders() {
        TreeSet<BigDecimal> boundaries = boundaries();
        List<Finding> found = new ArrayList<>();
        jdbc.query("""
                select k.id, p.display_name, k.client_name, k.order_number, k.order_date, k.order_amount,
                       array_agg(o.order_number order by o.order_date, o.order_number),
                       array_agg(o.order_date order by o.order_date, o.order_number),
                       array_agg(o.amount order by o.order_date, o.order_number)
                from claim k
                join person p on p.id = k.submitter_id
                join client c on c.code = k.client_code
                join client_order o on o.client_id = c.id and o.order_number <> k.order_number
                     and o.order_date between k.order_date - ? and k.order_date + ?
                where k.status in ('SUBMITTED', 'APPROVED')
                group by k.id, p.display_name
                order by k.id""", row -> {
                    List<NearOrder> orders = new ArrayList<>();
                    orders.add(new NearOrder(row.getString(4), row.getObject(5, LocalDate.class),
                            row.getBigDecimal(6)));
                    List<String> numbers = strings(row.getArray(7));
                    Date[] dates = (Date[]) row.getArray(8).getArray();
                    BigDecimal[] amounts = (BigDecimal[]) row.getArray(9).getArray();
                    for (int i = 0; i < numbers.size(); i++) {
                        orders.add(new NearOrder(numbers.get(i), dates[i].toLocalDate(), amounts[i]));
                    }
                    splitOrder(row.getLong(1), row.getString(2), row.getString(3), orders, boundaries)
                            .ifPresent(found::add);
                }, settings.splitOrderDays(), settings.splitOrderDays());
        return found;
    }

    private Optional<Finding> splitOrder(long claimId, String salesperson, String client, List<NearOrder> orders,
            TreeSet<BigDecimal> boundaries) {
        BigDecimal largest = orders.stream().map(NearOrder::amount).max(BigDecimal::compareTo).orElseThrow();
        BigDecimal sum = orders.stream().map(NearOrder::amount).reduce(Money.ZERO, BigDecimal::add);
        BigDecimal crossed = boundaries.stream()
                .filter(boundary -> largest.compareTo(boundary) < 0 && sum.compareTo(boundary) >= 0)
                .max(BigDecimal::compareTo).orElse(null);
        if (crossed == null) {
            return Optional.empty();
        }
        List<String> pieces = orders.stream()
                .map(order -> order.orderNumber() + " " + order.orderDate() + " " + Money.show(order.amount()))
                .toList();
        return Optional.of(new Finding(SignalRule.SPLIT_ORDER, "claim:" + claimId, String.join("|", pieces),
                "signal.SPLIT_ORDER", List.of(String.valueOf(orders.size()), client, salesperson,
                        String.valueOf(settings.splitOrderDays()), Money.show(crossed), Money.show(sum),
                        String.join("; ", pieces)),
                List.of(new Finding.Item("CLAIM", claimId, orders.get(0).orderNumber() + " · " + client,
                        "/claims/" + claimId)),
                unpaidLines("CLAIM", List.of(claimId))));
    }

    /** The amounts the plans in force today pay at: the minimum order and each order-size tier's upper bound. */
    private TreeSet<BigDecimal> boundaries() {
        LocalDate today = LocalDate.now(clock);
        TreeSet<BigDecimal> boundaries = new TreeSet<>();
        plans.inForce(PlanKind.NEW_CLIENT, NewClientRules.class, today)
                .ifPresent(plan -> boundaries.add(plan.rules().minOrderAmount()));
        plans.inForce(PlanKind.ORDER_SIZE_TIER, OrderSizeTiers.class, today).ifPresent(plan -> plan.rules().tiers()
                .stream().map(OrderSizeTiers.Tier::upTo).filter(Objects::nonNull).forEach(boundaries::add));
        return boundaries;
    }

    /** Money refunded soon after it came in, on an approved claim's order whose bonus a payout run paid. */
    List<Finding> clawbackRisks() {
        List<Finding> found = new ArrayList<>();
        jdbc.query("""
                select k.id, k.client_name, p.display_name, i.received_on, i.amount, o.id, o.received_on, -o.amount
                from claim k
                join person p on p.id = k.submitter_id
                join collection o on o.order_number = k.order_number and o.amount < 0
                join collection i on i.order_number = k.order_number and i.amount > 0
                     and i.received_on <= o.received_on and o.received_on <= i.received_on + ?
                where k.status = 'APPROVED'
                  and exists (select 1 from earned_line l
                              join payout_item pi on pi.line_id = l.id and pi.state = 'IN_RUN'
                              join payout_run r on r.id = pi.run_id and r.status = 'PAID'
                              where l.source_type = 'CLAIM' and l.source_id = k.id and l.amount > 0)
                order by k.id, o.id, i.received_on desc""", row -> {
                    String subject = "claim:" + row.getLong(1) + ":refund:" + row.getLong(6);
                    if (found.stream().anyMatch(finding -> finding.subject().equals(subject))) {
                        return;
                    }
                    LocalDate in = row.getObject(4, LocalDate.class);
                    LocalDate out = row.getObject(7, LocalDate.class);
                    found.add(new Finding(SignalRule.CLAWBACK_RISK, subject,
                            row.getLong(1) + " " + in + " " + row.getBigDecimal(5) + " " + out + " " + row.getBigDecimal(8),
                            "signal.CLAWBACK_RISK", List.of(String.valueOf(row.getLong(1)), row.getString(2),
                                    row.getString(3), Money.show(row.getBigDecimal(5)), in.toString(),
                                    Money.show(row.getBigDecimal(8)), out.toString(),
                                    String.valueOf(ChronoUnit.DAYS.between(in, out))),
                            List.of(new Finding.Item("CLAIM", row.getLong(1), row.getString(2),
                                    "/claims/" + row.getLong(1))),
                            unpaidLines("CLAIM", List.of(row.getLong(1)))));
                }, settings.clawbackDays());
        return found;
    }

    private List<Long> unpaidLines(String sourceType, List<Long> sourceIds) {
        return jdbc.queryForList(UNPAID_LINES_OF_SOURCES, Long.class, sourceType, sourceIds.toArray(Long[]::new));
    }

    /** The last four characters of an account number: enough to recognise it, not enough to use it. */
    private static String lastDigits(String account) {
        return "…" + account.substring(Math.max(0, account.length() - 4));
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.stream((Long[]) array.getArray()).toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((String[]) array.getArray()).toList();
    }
}
