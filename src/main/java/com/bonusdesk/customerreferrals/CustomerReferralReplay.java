package com.bonusdesk.customerreferrals;

import java.time.LocalDate;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.Quarter;
import com.bonusdesk.plans.PlanReplay;

/** Approved customer referrals' deals and the awarded quarters' rankings, computed again: R5 and R5_RANKING. */
@Component
@RequiredArgsConstructor
class CustomerReferralReplay implements PlanReplay {

    /** A reward is earned once the deal is paid in full: deals signed this much before the period may earn in it. */
    private static final int LOOK_BACK_DAYS = 400;

    private final CustomerReferralRepository referrals;
    private final CustomerReferralRanking ranking;

    @Override
    public Set<PlanKind> kinds() {
        return Set.of(PlanKind.CUSTOMER_REFERRAL);
    }

    @Override
    @Transactional(readOnly = true)
    public void replay(BonusCalculator calculator, LocalDate from, LocalDate to, Sink sink) {
        Sink inPeriod = sink.earnedBetween(from, to);
        for (CustomerReferral referral : referrals.findByStatusAndDealSignedDateBetween(CustomerReferralStatus.APPROVED,
                from.minusDays(LOOK_BACK_DAYS), to)) {
            CustomerReferralService.earnedBy(calculator, referral)
                    .forEach(line -> inPeriod.accept(referral.getPayeeId(), line));
        }
        // a quarter's prizes are earned after it ends: the quarter before the period may count
        for (Quarter quarter = Quarter.of(from).previous(); !quarter.firstDay().isAfter(to); quarter = quarter.next()) {
            ranking.replay(calculator, quarter, inPeriod);
        }
    }
}
