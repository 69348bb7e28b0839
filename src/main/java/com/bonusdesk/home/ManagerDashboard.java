package com.bonusdesk.home;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonCard;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.workflow.Approvals;

/**
 * A manager's picture of their reporting line, computed from the ledger and the workflows each time: the team's
 * claims waiting for them (oldest first, with how long), what each person earned by month over a chosen period, and
 * how long each approval step takes.
 */
@Service
@RequiredArgsConstructor
public class ManagerDashboard {

    /** The months of team earnings shown without a choice: the last six. */
    static final int MONTHS = 6;

    private static final int WAITING_SHOWN = 10;

    private static final Duration DECISIONS_OVER = Duration.ofDays(90);

    private final ClaimService claims;
    private final PersonService people;
    private final Ledger ledger;
    private final Approvals approvals;
    private final Clock clock;

    @Transactional(readOnly = true)
    public ManagerFigures of(long managerId, DashboardPeriod period) {
        Set<Long> team = people.reportingLineOf(managerId);
        List<Claim> waiting = claims.waitingFor(managerId, PageRequest.of(0, WAITING_SHOWN)).getContent();
        Map<Long, Instant> since = claims.waitingSince(waiting);
        List<Long> named = new ArrayList<>(team);
        waiting.forEach(claim -> named.add(claim.getSubmitterId()));
        Map<Long, PersonCard> cards = people.cards(named);
        List<ManagerFigures.Waiting> teamWaiting = waiting.stream()
                .map(claim -> new ManagerFigures.Waiting("CLAIM", claim.getId(), claim.getClientName(),
                        name(cards, claim.getSubmitterId()), since.get(claim.getId()), "/claims/" + claim.getId()))
                .sorted(Comparator.comparing(ManagerFigures.Waiting::since,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();

        List<String> months = period.months();
        List<ManagerFigures.PersonMonth> earnings = ledger.monthTotals(team, period.firstDay(), period.lastDay())
                .stream().map(total -> new ManagerFigures.PersonMonth(total.payeeId(), name(cards, total.payeeId()),
                        total.month(), total.amount().toPlainString()))
                .toList();
        List<ManagerFigures.StepTime> times = approvals.decisionTimes(team, clock.instant().minus(DECISIONS_OVER))
                .stream().map(time -> new ManagerFigures.StepTime(time.subjectType(), time.step(), time.decided(),
                        BigDecimal.valueOf(time.averageHours()).setScale(1, RoundingMode.HALF_UP).toPlainString()))
                .toList();
        return new ManagerFigures(teamWaiting, months, earnings, times);
    }

    /** A person's name as a dashboard shows it: their id when they are not among {@code cards}. */
    static String name(Map<Long, PersonCard> cards, long personId) {
        PersonCard card = cards.get(personId);
        return card == null ? String.valueOf(personId) : card.displayName();
    }
}
