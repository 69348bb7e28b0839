package com.bonusdesk.home;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import lombok.RequiredArgsConstructor;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.MonthlyCountTiers;
import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.claims.ClaimStatus;
import com.bonusdesk.claims.MonthlyCountBonus;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.referrals.Referral;
import com.bonusdesk.referrals.ReferralReminders;
import com.bonusdesk.referrals.ReferralService;
import com.bonusdesk.referrals.ReferralStatus;
import com.bonusdesk.workflow.Progress;

/**
 * A salesperson's picture, computed from the ledger and the workflows each time (never stored twice): what they
 * earned and were paid by month over the last twelve, where this month stands against the R3 tiers, what of
 * theirs is still in approval, and the referrals they mean to file with the working days left.
 */
@Service
@RequiredArgsConstructor
public class SalespersonDashboard {

    static final int MONTHS = 12;

    /** How many items in approval the page lists; the lists behind it have the rest. */
    private static final int IN_PROGRESS = 20;

    private final Ledger ledger;
    private final ClaimService claims;
    private final ReferralService referrals;
    private final ReferralReminders reminders;
    private final MonthlyCountBonus monthlyCount;
    private final BonusRules rules;
    private final MessageSource messages;
    private final Clock clock;

    @Transactional(readOnly = true)
    public SalespersonFigures of(long personId, Locale locale) {
        YearMonth thisMonth = YearMonth.now(clock);
        YearMonth first = thisMonth.minusMonths(MONTHS - 1L);
        // lines paid in the window may have been earned a while before it
        List<Ledger.Line> lines = ledger.linesOfPayee(personId, first.minusMonths(MONTHS).atDay(1),
                thisMonth.atEndOfMonth());
        Map<String, Map<String, BigDecimal>> earned = new TreeMap<>();
        Map<String, BigDecimal> paid = new TreeMap<>();
        for (Ledger.Line line : lines) {
            if (!YearMonth.from(line.earnedOn()).isBefore(first)) {
                earned.computeIfAbsent(YearMonth.from(line.earnedOn()).toString(), month -> new TreeMap<>())
                        .merge(line.rule(), line.amount(), BigDecimal::add);
            }
            LocalDate paidOn = line.paidOn();
            if (paidOn != null && !YearMonth.from(paidOn).isBefore(first)) {
                paid.merge(YearMonth.from(paidOn).toString(), line.amount(), BigDecimal::add);
            }
        }
        List<SalespersonFigures.MonthRuleAmount> earnedByMonth = new ArrayList<>();
        earned.forEach((month, byRule) -> byRule.forEach((rule, amount) -> earnedByMonth.add(
                new SalespersonFigures.MonthRuleAmount(month, rule, ruleName(rule, locale), amount.toPlainString()))));
        List<SalespersonFigures.MonthAmount> paidByMonth = new ArrayList<>();
        paid.forEach((month, amount) -> paidByMonth.add(new SalespersonFigures.MonthAmount(month,
                amount.toPlainString())));
        List<String> months = Months.ending(thisMonth, MONTHS);
        return new SalespersonFigures(months, earnedByMonth, paidByMonth, tierProgress(personId, thisMonth),
                inProgress(personId), reminders.upcoming(personId));
    }

    private SalespersonFigures.TierProgress tierProgress(long personId, YearMonth month) {
        int clients = monthlyCount.earnedClients(personId, month);
        return rules.calculator().monthlyCountProgress(month, clients)
                .map(progress -> progress(month, progress)).orElse(null);
    }

    private static SalespersonFigures.TierProgress progress(YearMonth month, MonthlyCountTiers.Progress progress) {
        return new SalespersonFigures.TierProgress(month.toString(), progress.clients(),
                progress.bonus().toPlainString(), progress.nextFrom(), progress.more(), progress.gain().toPlainString());
    }

    private List<SalespersonFigures.InProgress> inProgress(long personId) {
        PageRequest page = PageRequest.of(0, IN_PROGRESS);
        List<SalespersonFigures.InProgress> items = new ArrayList<>();
        List<Claim> waitingClaims = claims.mine(personId, ClaimStatus.SUBMITTED, null, null, page).getContent();
        Map<Long, Instant> claimsSince = claims.waitingSince(waitingClaims);
        for (Claim claim : waitingClaims) {
            items.add(new SalespersonFigures.InProgress("CLAIM", claim.getId(), claim.getClientName(),
                    next(claims.progressOf(claim.getId())), claimsSince.get(claim.getId()), "/claims/" + claim.getId()));
        }
        Page<Referral> mine = referrals.mine(personId, page);
        List<Referral> waitingReferrals = mine.getContent().stream()
                .filter(referral -> referral.getStatus() == ReferralStatus.SUBMITTED).toList();
        Map<Long, Instant> referralsSince = referrals.waitingSince(waitingReferrals);
        for (Referral referral : waitingReferrals) {
            items.add(new SalespersonFigures.InProgress("REFERRAL", referral.getId(), referral.getClientName(),
                    next(referrals.progressOf(referral.getId())), referralsSince.get(referral.getId()),
                    "/referrals/" + referral.getId()));
        }
        items.sort(Comparator.comparing(SalespersonFigures.InProgress::since,
                Comparator.nullsLast(Comparator.naturalOrder())));
        return items;
    }

    private static String next(Progress progress) {
        Progress.NextStep step = progress.nextStep();
        return step == null ? null : step.role();
    }

    private String ruleName(String rule, Locale locale) {
        return messages.getMessage("rule." + rule, null, rule, locale);
    }
}
