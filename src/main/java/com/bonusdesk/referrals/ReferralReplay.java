package com.bonusdesk.referrals;

import java.time.LocalDate;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.plans.PlanReplay;

/** Approved referral applications and their clients' monthly contract amounts, computed again: R4 and its kicker. */
@Component
@RequiredArgsConstructor
class ReferralReplay implements PlanReplay {

    /** A kicker counts months after the signing: referrals signed this much before the period may earn in it. */
    private static final int LOOK_BACK_DAYS = 800;

    private final ReferralRepository referrals;
    private final ReferralMonths months;

    @Override
    public Set<PlanKind> kinds() {
        return Set.of(PlanKind.SALES_REFERRAL);
    }

    @Override
    @Transactional(readOnly = true)
    public void replay(BonusCalculator calculator, LocalDate from, LocalDate to, Sink sink) {
        Sink inPeriod = sink.earnedBetween(from, to);
        for (Referral referral : referrals.findByStatusAndSignedDateBetween(ReferralStatus.APPROVED,
                from.minusDays(LOOK_BACK_DAYS), to)) {
            ReferralService.earnedBy(calculator, referral, months.of(referral.getId())).lines()
                    .forEach(line -> inPeriod.accept(referral.getReferrerId(), line));
        }
    }
}
