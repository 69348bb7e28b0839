package com.bonusdesk.home;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.people.PersonCard;
import com.bonusdesk.referrals.Referral;
import com.bonusdesk.referrals.ReferralService;

/**
 * HR's picture, computed from the referral applications each time: the queue with the deadlines the applications
 * were filed against, oldest first, and what was approved or rejected per month over the last twelve, and why.
 */
@Service
@RequiredArgsConstructor
public class HrDashboard {

    static final int MONTHS = 12;

    private static final int SHOWN = 10;

    private final ReferralService referrals;
    private final Clock clock;

    @Transactional(readOnly = true)
    public HrFigures of(long hrId) {
        List<Referral> waiting = referrals.waitingFor(hrId, PageRequest.of(0, SHOWN)).getContent();
        Map<Long, Instant> since = referrals.waitingSince(waiting);
        Map<Long, PersonCard> referrers = referrals.referrersOf(waiting);
        List<HrFigures.Waiting> queue = waiting.stream()
                .map(referral -> new HrFigures.Waiting(referral.getId(), referral.getClientName(),
                        referrers.containsKey(referral.getReferrerId())
                                ? referrers.get(referral.getReferrerId()).displayName() : "",
                        referral.getSignedDate(), referral.getFiledOn(), referral.getDeadline(),
                        since.get(referral.getId()), "/referrals/" + referral.getId()))
                .sorted(Comparator.comparing(HrFigures.Waiting::since, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        YearMonth thisMonth = YearMonth.now(clock);
        YearMonth first = thisMonth.minusMonths(MONTHS - 1L);
        List<String> months = Months.ending(thisMonth, MONTHS);
        List<HrFigures.Decisions> decisions = referrals.decisionsSince(first.atDay(1).atStartOfDay(clock.getZone())
                        .toInstant()).stream()
                .map(row -> new HrFigures.Decisions(row.month(), row.status().name(), row.reason(), row.decided()))
                .toList();
        return new HrFigures(queue, months, decisions);
    }
}
