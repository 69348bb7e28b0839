package com.bonusdesk.signals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Date;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
        TreeSet<BigDecimal> boundaries = boundaries();
        List<Finding> found = new ArrayList<>();
        found.addAll(sharedBankAccounts());
        found.addAll(relatedParties());
        found.addAll(referralsInsideTheCompany());
        found.addAll(partnersInsideTheCompany());
        found.addAll(splitOrders(boundaries));
        found.addAll(clawbackRisks());
        found.addAll(renamedBeforeClaim());
        found.addAll(thresholdClusters(boundaries));
        found.addAll(timing());
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

    /**
     * A live sales referral whose client's contact (as the ERP last named it; a private client is its own mobile
     * number, the only client code of 11 characters) is someone in the company: the referrer themself, or a colleague on the client's side of the deal.
     */
    List<Finding> referralsInsideTheCompany() {
        List<Finding> found = new ArrayList<>();
        jdbc.query("""
                select r.id, r.client_name, r.referrer_id, f.display_name, m.id, m.display_name, m.department,
                       m.mobile, coalesce(c.contact_name, r.client_name)
                from referral r
                join person f on f.id = r.referrer_id
                left join client c on c.code = r.client_code
                join person m on m.active and m.mobile = coalesce(c.contact_mobile,
                     case when length(r.client_code) = 11 then r.client_code end)
                where r.status in ('SUBMITTED', 'APPROVED')
                order by r.id, m.id""", row -> {
                    long referral = row.getLong(1);
                    long person = row.getLong(5);
                    boolean self = row.getLong(3) == person;
                    found.add(new Finding(SignalRule.RELATED_PARTY, "referral:" + referral + ":person:" + person,
                            referral + " " + row.getString(8) + " " + person,
                            self ? "signal.RELATED_PARTY.referrer" : "signal.RELATED_PARTY.colleague",
                            List.of(String.valueOf(referral), row.getString(2), row.getString(4), row.getString(9),
                                    row.getString(8), row.getString(6), Objects.toString(row.getString(7), "")),
                            List.of(new Finding.Item("REFERRAL", referral, row.getString(2) + " ← " + row.getString(4),
                                    "/referrals/" + referral),
                                    new Finding.Item("PERSON", person, row.getString(6), null)),
                            unpaidLines("REFERRAL", List.of(referral))));
                });
        return found;
    }

    /** A partner with a live sales referral whose mobile is an employee's: the company referring through a partner. */
    List<Finding> partnersInsideTheCompany() {
        List<Finding> found = new ArrayList<>();
        jdbc.query("""
                select f.id, f.display_name, f.mobile, m.id, m.display_name, array_agg(r.id order by r.id)
                from person f
                join person_role pr on pr.person_id = f.id and pr.role = 'PARTNER'
                join person m on m.id <> f.id and m.active and m.mobile = f.mobile
                     and not exists (select 1 from person_role mr where mr.person_id = m.id and mr.role = 'PARTNER')
                join referral r on r.referrer_id = f.id and r.status in ('SUBMITTED', 'APPROVED')
                group by f.id, f.display_name, f.mobile, m.id, m.display_name
                order by f.id, m.id""", row -> {
                    List<Long> referrals = longs(row.getArray(6));
                    List<Finding.Item> items = new ArrayList<>();
                    items.add(new Finding.Item("PERSON", row.getLong(1), row.getString(2), null));
                    items.add(new Finding.Item("PERSON", row.getLong(4), row.getString(5), null));
                    referrals.forEach(referral -> items.add(new Finding.Item("REFERRAL", referral, "#" + referral,
                            "/referrals/" + referral)));
                    found.add(new Finding(SignalRule.RELATED_PARTY, "partner:" + row.getLong(1) + ":person:"
                            + row.getLong(4), row.getString(3) + " " + referrals, "signal.RELATED_PARTY.partner",
                            List.of(row.getString(2), row.getString(5), row.getString(3),
                                    String.valueOf(referrals.size())),
                            items, unpaidLines("REFERRAL", referrals)));
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
    List<Finding> splitOrders(TreeSet<BigDecimal> boundaries) {
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

    /**
     * A live claim whose client took a new name on its orders shortly before the claimed order: an old client
     * dressed as a new one, whose bonus would be clawed back when found.
     */
    List<Finding> renamedBeforeClaim() {
        List<Finding> found = new ArrayList<>();
        jdbc.query("""
                select k.id, k.client_name, p.display_name, k.order_date, n.name, n.first_seen,
                       (select o.name from client_name o where o.client_id = c.id and o.first_seen < n.first_seen
                        order by o.first_seen desc, o.name limit 1)
                from claim k
                join person p on p.id = k.submitter_id
                join client c on c.code = k.client_code
                join client_name n on n.client_id = c.id and n.first_seen between k.order_date - ? and k.order_date
                where k.status in ('SUBMITTED', 'APPROVED')
                  and exists (select 1 from client_name o where o.client_id = c.id and o.first_seen < n.first_seen)
                order by k.id, n.first_seen desc""", row -> {
                    long claim = row.getLong(1);
                    String subject = "claim:" + claim + ":renamed";
                    if (found.stream().anyMatch(finding -> finding.subject().equals(subject))) {
                        return;
                    }
                    LocalDate ordered = row.getObject(4, LocalDate.class);
                    LocalDate renamed = row.getObject(6, LocalDate.class);
                    found.add(new Finding(SignalRule.CLAWBACK_RISK, subject,
                            row.getString(7) + " > " + row.getString(5) + " " + renamed,
                            "signal.CLAWBACK_RISK.renamed", List.of(String.valueOf(claim), row.getString(2),
                                    row.getString(3), row.getString(7), row.getString(5), renamed.toString(),
                                    String.valueOf(ChronoUnit.DAYS.between(renamed, ordered)), ordered.toString()),
                            List.of(new Finding.Item("CLAIM", claim, row.getString(2), "/claims/" + claim)),
                            unpaidLines("CLAIM", List.of(claim))));
                }, settings.renameDays());
        return found;
    }

    private record Claimed(long claimId, long submitterId, String submitter, String label, BigDecimal amount) {
    }

    /**
     * A salesperson whose claimed amounts sit just above a boundary the plans pay at (the minimum order, a tier's
     * bound) far more often than the rest of the company's claims do: amounts nudged over a threshold.
     */
    List<Finding> thresholdClusters(TreeSet<BigDecimal> boundaries) {
        List<Claimed> claimed = jdbc.query("""
                select k.id, k.submitter_id, p.display_name, k.order_number || ' · ' || k.client_name, k.order_amount
                from claim k join person p on p.id = k.submitter_id
                where k.status in ('SUBMITTED', 'APPROVED') and k.order_date >= ?
                order by k.submitter_id, k.id""", (row, number) -> new Claimed(row.getLong(1), row.getLong(2),
                row.getString(3), row.getString(4), row.getBigDecimal(5)),
                LocalDate.now(clock).minusDays(settings.clusterDays()));
        if (claimed.isEmpty()) {
            return List.of();
        }
        long companyAbove = claimed.stream().filter(claim -> justAbove(claim.amount(), boundaries)).count();
        Map<Long, List<Claimed>> bySalesperson = new LinkedHashMap<>();
        claimed.forEach(claim -> bySalesperson.computeIfAbsent(claim.submitterId(), id -> new ArrayList<>()).add(claim));
        List<Finding> found = new ArrayList<>();
        bySalesperson.forEach((salesperson, theirs) -> {
            List<Claimed> above = theirs.stream().filter(claim -> justAbove(claim.amount(), boundaries)).toList();
            BigDecimal theirShare = share(above.size(), theirs.size());
            // the company's distribution without them, so that one person's habit does not hide itself
            BigDecimal companyShare = share(companyAbove - above.size(), claimed.size() - theirs.size());
            BigDecimal bar = companyShare.multiply(BigDecimal.valueOf(settings.clusterFactor()))
                    .max(settings.clusterMinShare());
            if (theirs.size() < settings.clusterMinClaims() || theirShare.compareTo(bar) < 0) {
                return;
            }
            List<Long> claims = above.stream().map(Claimed::claimId).toList();
            List<Claimed> others = claimed.stream().filter(claim -> claim.submitterId() != salesperson).toList();
            found.add(new Finding(SignalRule.THRESHOLD_CLUSTER, "salesperson:" + salesperson,
                    above.size() + "/" + theirs.size() + " " + claims, "signal.THRESHOLD_CLUSTER",
                    List.of(theirs.get(0).submitter(), String.valueOf(above.size()), String.valueOf(theirs.size()),
                            percent(settings.clusterMargin()), percent(theirShare), percent(companyShare),
                            String.valueOf(settings.clusterDays())),
                    above.stream().limit(20).map(claim -> new Finding.Item("CLAIM", claim.claimId(),
                            claim.label() + " · " + Money.show(claim.amount()), "/claims/" + claim.claimId())).toList(),
                    unpaidLines("CLAIM", claims), distribution(theirs, others, boundaries)));
        });
        return found;
    }

    /** Where amounts fall from the nearest boundary, in bands of percent below and above it. */
    private static final double[] BANDS = {-0.10, -0.05, 0, 0.05, 0.10, 0.20};

    /** The person's and the rest of the company's claims by how far their amount is from the nearest boundary. */
    private static Finding.Chart distribution(List<Claimed> theirs, List<Claimed> others,
            TreeSet<BigDecimal> boundaries) {
        List<String> bands = new ArrayList<>();
        for (int band = 0; band + 1 < BANDS.length; band++) {
            bands.add(Math.round(BANDS[band] * 100) + "–" + Math.round(BANDS[band + 1] * 100) + " %");
        }
        return new Finding.Chart(bands, shares(theirs, boundaries), shares(others, boundaries));
    }

    private static List<Double> shares(List<Claimed> claims, TreeSet<BigDecimal> boundaries) {
        int[] counts = new int[BANDS.length - 1];
        for (Claimed claim : claims) {
            double distance = boundaries.stream()
                    .mapToDouble(boundary -> claim.amount().subtract(boundary)
                            .divide(boundary, 4, RoundingMode.HALF_UP).doubleValue())
                    .boxed().min((a, b) -> Double.compare(Math.abs(a), Math.abs(b))).orElse(Double.NaN);
            for (int band = 0; band + 1 < BANDS.length; band++) {
                if (distance >= BANDS[band] && distance < BANDS[band + 1]) {
                    counts[band]++;
                }
            }
        }
        List<Double> shares = new ArrayList<>();
        for (int count : counts) {
            shares.add(claims.isEmpty() ? 0 : Math.round(count * 1000.0 / claims.size()) / 10.0);
        }
        return shares;
    }

    private boolean justAbove(BigDecimal amount, TreeSet<BigDecimal> boundaries) {
        return boundaries.stream().anyMatch(boundary -> amount.compareTo(boundary) >= 0
                && amount.compareTo(boundary.multiply(BigDecimal.ONE.add(settings.clusterMargin()))) < 0);
    }

    private static BigDecimal share(long part, long whole) {
        return whole == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static String percent(BigDecimal share) {
        return share.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString();
    }

    /**
     * A salesperson who submitted claims in a burst in the last days of a new-client plan version, many times
     * their usual daily number: claims hurried in before the rules change.
     */
    List<Finding> timing() {
        List<Finding> found = new ArrayList<>();
        jdbc.query("""
                select v.id, v.number, v.valid_to, p.id, p.display_name,
                       array_agg(k.id order by k.id) filter (where (k.submitted_at at time zone ?)::date > v.valid_to - ?),
                       count(*) filter (where (k.submitted_at at time zone ?)::date <= v.valid_to - ?)
                from plan_version v
                join claim k on (k.submitted_at at time zone ?)::date between v.valid_to - ? and v.valid_to
                join person p on p.id = k.submitter_id
                where v.kind = 'NEW_CLIENT' and v.status = 'PUBLISHED' and v.valid_to is not null
                  and v.valid_to <= ?
                group by v.id, v.number, v.valid_to, p.id, p.display_name
                order by v.id, p.id""", row -> {
                    Array burst = row.getArray(6);
                    List<Long> claims = burst == null ? List.of() : longs(burst).stream()
                            .filter(Objects::nonNull).toList();
                    long before = row.getLong(7);
                    double usual = (double) before / settings.timingBaselineDays();
                    double inBurst = (double) claims.size() / settings.timingDays();
                    if (claims.size() < settings.timingMinClaims() || inBurst < settings.timingFactor() * usual) {
                        return;
                    }
                    LocalDate end = row.getObject(3, LocalDate.class);
                    found.add(new Finding(SignalRule.TIMING, "version:" + row.getLong(1) + ":salesperson:"
                            + row.getLong(4), claims + " " + before, "signal.TIMING",
                            List.of(row.getString(5), String.valueOf(claims.size()), String.valueOf(settings.timingDays()),
                                    "v" + row.getInt(2), end.toString(), String.valueOf(before),
                                    String.valueOf(settings.timingBaselineDays())),
                            claims.stream().map(claim -> new Finding.Item("CLAIM", claim, "#" + claim,
                                    "/claims/" + claim)).toList(),
                            unpaidLines("CLAIM", claims)));
                }, zone(), settings.timingDays(), zone(), settings.timingDays(), zone(),
                settings.timingDays() + settings.timingBaselineDays(), LocalDate.now(clock).plusDays(settings.timingDays()));
        return found;
    }

    /** The company's time zone, in which a claim's day of submission is counted. */
    private String zone() {
        return clock.getZone().getId();
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
