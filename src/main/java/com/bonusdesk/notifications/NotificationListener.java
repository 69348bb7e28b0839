package com.bonusdesk.notifications;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.bonusdesk.disputes.DisputeChanged;
import com.bonusdesk.payouts.PayoutAccess;
import com.bonusdesk.payouts.PayoutReports;
import com.bonusdesk.payouts.PayoutRunChanged;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.referrals.ReferralDeadlineNear;
import com.bonusdesk.workflow.ApprovalDecided;
import com.bonusdesk.workflow.ApprovalWaiting;

/**
 * Turns what happened elsewhere into notifications. Listeners run synchronously, inside the transaction of the
 * change they tell of, so that a change rolled back tells nobody.
 */
@Component
@RequiredArgsConstructor
class NotificationListener {

    private final Notifications notifications;
    private final PersonService people;
    private final PayoutReports payouts;
    private final PayoutAccess payoutAccess;

    @EventListener
    void on(ApprovalWaiting event) {
        notifications.tell(event.approvers(), NotificationKind.WAITING,
                Subjects.item(event.subjectType(), event.subjectId()),
                "notification.waiting." + Subjects.known(event.subjectType()), List.of(id(event.subjectId())));
    }

    @EventListener
    void on(ApprovalDecided event) {
        String type = Subjects.known(event.subjectType());
        notifications.tell(Set.of(event.submitterId()), NotificationKind.DECIDED,
                Subjects.item(event.subjectType(), event.subjectId()),
                (event.approved() ? "notification.approved." : "notification.rejected.") + type,
                List.of(id(event.subjectId()), event.decidedBy(), event.reason() == null ? "" : event.reason()));
    }

    @EventListener
    void on(PayoutRunChanged event) {
        String link = "/payouts/" + event.runId();
        switch (event.to()) {
            case "DRAFT" -> notifications.tell(people.activeIdsWithRole(payoutAccess.approverRole()),
                    NotificationKind.RUN_WAITING, link, "notification.runWaiting", List.of(event.label()));
            case "FAILED" -> {
                if (!event.stoppedForShutdown()) {
                    notifications.tell(people.activeIdsWithRole(Role.FINANCE), NotificationKind.BUILD_FAILED, link,
                            "notification.buildFailed", List.of(event.label()));
                }
            }
            case "PAID" -> notifications.tell(NotificationKind.PAID, "notification.paid",
                    payouts.allPayees(event.runId()).stream()
                            .filter(payee -> !payee.carriedForward() && payee.total().signum() > 0)
                            .map(payee -> new Notifications.Notice(payee.payeeId(), link + "/statement",
                                    List.of(event.label(), money(payee.total()))))
                            .toList());
            default -> {
            }
        }
    }

    @EventListener
    void on(DisputeChanged event) {
        if (!"OPENED".equals(event.action())) {
            notifications.tell(Set.of(event.payeeId()), NotificationKind.DISPUTE_ANSWERED,
                    "/disputes/" + event.disputeId(), "notification.dispute." + event.action(),
                    List.of(id(event.disputeId()), event.reason() == null ? "" : event.reason()));
        }
    }

    private static String id(long id) {
        return Long.toString(id);
    }

    /** An amount as both languages write it: grouped thousands, two decimals. */
    private static String money(BigDecimal amount) {
        return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(amount);
    }

    @EventListener
    void on(ReferralDeadlineNear event) {
        notifications.tell(Set.of(event.personId()), NotificationKind.REFERRAL_DEADLINE, "/referrals/new",
                "notification.referralDeadline", List.of(event.clientName(), event.deadline().toString(),
                        String.valueOf(event.workingDaysLeft())));
    }
}
