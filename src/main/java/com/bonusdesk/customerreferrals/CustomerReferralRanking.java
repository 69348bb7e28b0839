package com.bonusdesk.customerreferrals;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.Quarter;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.Person;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.plans.PlanReplay;
import com.bonusdesk.plans.BonusRules;

/**
 * The quarterly ranking of referring customers (R5_RANKING) by the total of their referred deals approved in
 * the quarter: published to every employee with names masked (公示), and its prizes awarded as lines that a
 * new award brings to what the ranking says, never adding twice.
 */
@Service
@RequiredArgsConstructor
public class CustomerReferralRanking {

    private final CustomerReferralRepository referrals;
    private final BonusRules rules;
    private final PersonService people;
    private final Ledger ledger;

    /** One referring customer's place: their masked name, the total of their referred deals, rank and prize. */
    public record Standing(String maskedName, BigDecimal total, int rank, BigDecimal prize) {
    }

    @Transactional(readOnly = true)
    public List<Standing> standings(Quarter quarter) {
        Map<String, Referrer> referrers = referrersIn(quarter);
        Map<String, BigDecimal> prizes = new LinkedHashMap<>();
        rules.calculator().quarterlyRanking(quarter, totals(referrers))
                .forEach(award -> prizes.put(award.referrer(), award.line().amount()));
        List<Standing> standings = new ArrayList<>();
        for (Referrer referrer : referrers.values()) {
            int rank = 1 + (int) referrers.values().stream().filter(other -> other.total.compareTo(referrer.total) > 0)
                    .count();
            standings.add(new Standing(masked(referrer.name), referrer.total, rank, prizes.get(referrer.mobile)));
        }
        standings.sort(Comparator.comparingInt(Standing::rank).thenComparing(Standing::maskedName));
        return standings;
    }

    /** Awards the quarter's prizes to the referring customers; awarding again changes only what changed. */
    @Transactional
    public List<Ledger.Line> award(Quarter quarter, String actor) {
        String source = "R5_RANKING:" + quarter;
        ledger.lock(source, 0);
        Map<String, Referrer> referrers = referrersIn(quarter);
        BonusCalculator calculator = rules.calculator();
        List<Ledger.Line> added = new ArrayList<>();
        List<Long> awarded = new ArrayList<>();
        for (BonusCalculator.RankingAward award : calculator.quarterlyRanking(quarter, totals(referrers))) {
            Referrer referrer = referrers.get(award.referrer());
            long payee = people.externalPayee(referrer.name, referrer.mobile, referrer.bankName, referrer.bankAccount,
                    actor);
            awarded.add(payee);
            added.addAll(ledger.reconcile(source, payee, payee, List.of(award.line())));
        }
        ledger.payeesOf(source).stream().filter(payee -> !awarded.contains(payee))
                .forEach(payee -> added.addAll(ledger.reconcile(source, payee, payee, List.of())));
        return added;
    }

    /**
     * The quarter's prizes as {@code calculator} would award them, handed to {@code sink} with the payee each
     * referring customer is paid as; one never paid before has no payee yet and is told apart by their mobile
     * (negated). Only quarters that were awarded are replayed, as only they have lines. Writes nothing.
     */
    @Transactional(readOnly = true)
    void replay(BonusCalculator calculator, Quarter quarter, PlanReplay.Sink sink) {
        if (ledger.payeesOf("R5_RANKING:" + quarter).isEmpty()) {
            return;
        }
        Map<String, Referrer> referrers = referrersIn(quarter);
        for (BonusCalculator.RankingAward award : calculator.quarterlyRanking(quarter, totals(referrers))) {
            long payee = people.findByUsername("customer-" + award.referrer()).map(Person::getId)
                    .orElse(-Long.parseLong(award.referrer()));
            sink.accept(payee, award.line());
        }
    }

    /** A name as the published ranking shows it: its first character, the rest starred (张三 → 张*). */
    static String masked(String name) {
        return name.isEmpty() ? "*" : name.substring(0, name.offsetByCodePoints(0, 1)) + "*";
    }

    private Map<String, Referrer> referrersIn(Quarter quarter) {
        Map<String, Referrer> byMobile = new LinkedHashMap<>();
        referrals.findByStatusAndDealSignedDateBetween(CustomerReferralStatus.APPROVED, quarter.firstDay(),
                        quarter.lastDay()).stream()
                .sorted(Comparator.comparing(CustomerReferral::getDecidedAt))
                .forEach(referral -> byMobile.merge(referral.getReferrerMobile(), new Referrer(referral),
                        (earlier, later) -> later.adding(earlier.total)));
        return byMobile;
    }

    private static List<BonusCalculator.ReferrerTotal> totals(Map<String, Referrer> referrers) {
        return referrers.values().stream().map(referrer -> new BonusCalculator.ReferrerTotal(referrer.mobile,
                referrer.total)).toList();
    }

    /** A referring customer as their latest approved referral describes them, with their quarter's total. */
    private static final class Referrer {

        private final String mobile;
        private final String name;
        private final String bankName;
        private final String bankAccount;
        private BigDecimal total;

        Referrer(CustomerReferral referral) {
            this.mobile = referral.getReferrerMobile();
            this.name = referral.getReferrerName();
            this.bankName = referral.getReferrerBankName();
            this.bankAccount = referral.getReferrerBankAccount();
            this.total = Money.cents(referral.getDealAmount());
        }

        Referrer adding(BigDecimal earlier) {
            total = total.add(earlier);
            return this;
        }
    }
}
