package com.bonusdesk.audit;

import lombok.RequiredArgsConstructor;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AccountExpiredException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.authentication.event.LogoutSuccessEvent;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

import com.bonusdesk.calendar.CalendarChanged;
import com.bonusdesk.claims.ClaimChanged;
import com.bonusdesk.claims.CollectionRecorded;
import com.bonusdesk.clients.ClientsImported;
import com.bonusdesk.payouts.PayoutRunChanged;
import com.bonusdesk.payouts.PayoutSheetExported;
import com.bonusdesk.people.PersonChanged;
import com.bonusdesk.tokens.ApiTokenChanged;
import com.bonusdesk.customerreferrals.CustomerReferralChanged;
import com.bonusdesk.dealers.DealerChanged;
import com.bonusdesk.disputes.AdjustmentChanged;
import com.bonusdesk.disputes.DisputeChanged;
import com.bonusdesk.keyaccounts.KeyAccountChanged;
import com.bonusdesk.notifications.TeamWebhookChanged;
import com.bonusdesk.referrals.ReferralChanged;
import com.bonusdesk.referrals.ReferralMonthRecorded;
import com.bonusdesk.referrals.ReferrerSuspensionChanged;
import com.bonusdesk.plans.PlanChanged;
import com.bonusdesk.rebates.LineApprovalChanged;
import com.bonusdesk.signals.SignalDecided;

/**
 * Turns what happened elsewhere into audit entries. Listeners run synchronously, inside the transaction of
 * the change they record.
 */
@Component
@RequiredArgsConstructor
class AuditListener {

    static final String PERSON = "PERSON";

    private final AuditTrail trail;

    @EventListener
    void on(PersonChanged event) {
        trail.record(event.actor(), "PERSON_" + event.change().name(), PERSON, String.valueOf(event.personId()),
                event.username(), event.before(), event.after(), null);
    }

    @EventListener
    void on(ApiTokenChanged event) {
        trail.record(event.actor(), "API_TOKEN_" + event.change().name(), "API_TOKEN", String.valueOf(event.tokenId()),
                event.label(), null, event.after(), event.reason());
    }

    @EventListener
    void on(CalendarChanged event) {
        trail.record(event.actor(), "CALENDAR_DAY_" + event.change().name(), "CALENDAR_DAY", event.day(),
                event.day(), event.before(), event.after(), null);
    }

    @EventListener
    void on(PlanChanged event) {
        trail.record(event.actor(), "PLAN_" + event.change().name(), "PLAN_VERSION", String.valueOf(event.versionId()),
                event.label(), event.before(), event.after(), null);
    }

    @EventListener
    void on(ClientsImported event) {
        trail.record(event.actor(), "CLIENTS_IMPORTED", "IMPORT", null, null, null,
                "rows=" + event.rows() + "; newClients=" + event.newClients() + "; newOrders=" + event.newOrders()
                        + "; newNames=" + event.newNames(), null);
    }

    @EventListener
    void on(ClaimChanged event) {
        trail.record(event.actor(), "CLAIM_" + event.to(), "CLAIM", String.valueOf(event.claimId()), event.label(),
                event.from(), event.to(), event.reason());
    }

    @EventListener
    void on(CollectionRecorded event) {
        trail.record(event.actor(), "COLLECTION_RECORDED", "COLLECTION", String.valueOf(event.collectionId()),
                event.reference(), null, "order=" + event.orderNumber() + "; receivedOn=" + event.receivedOn()
                        + "; amount=" + event.amount().toPlainString() + "; linesEarned=" + event.linesEarned(), null);
    }

    @EventListener
    void on(ReferralChanged event) {
        trail.record(event.actor(), "REFERRAL_" + event.to(), "REFERRAL", String.valueOf(event.referralId()),
                event.label(), event.from(), event.to(), event.reason());
    }

    @EventListener
    void on(CustomerReferralChanged event) {
        trail.record(event.actor(), "CUSTOMER_REFERRAL_" + event.to(), "CUSTOMER_REFERRAL",
                String.valueOf(event.customerReferralId()), event.label(), event.from(), event.to(), event.reason());
    }

    @EventListener
    void on(DisputeChanged event) {
        trail.record(event.actor(), "DISPUTE_" + event.action(), "DISPUTE", String.valueOf(event.disputeId()),
                event.label(), event.from(), event.to(), event.reason());
    }

    @EventListener
    void on(AdjustmentChanged event) {
        trail.record(event.actor(), "ADJUSTMENT_" + event.to(), "ADJUSTMENT", String.valueOf(event.adjustmentId()),
                event.label(), event.from(), event.to(), event.reason());
    }

    @EventListener
    void on(KeyAccountChanged event) {
        trail.record(event.actor(), "KEY_ACCOUNT_" + event.action(), "KEY_ACCOUNT",
                String.valueOf(event.keyAccountId()), event.label(), event.before(), event.after(), null);
    }

    @EventListener
    void on(DealerChanged event) {
        trail.record(event.actor(), "DEALER_" + event.action(), "DEALER", String.valueOf(event.dealerId()),
                event.label(), event.before(), event.after(), null);
    }

    @EventListener
    void on(LineApprovalChanged event) {
        trail.record(event.actor(), "REBATE_APPROVAL_" + event.to(), "REBATE_APPROVAL",
                String.valueOf(event.approvalId()), event.label(), event.from(), event.to(), event.reason());
    }

    @EventListener
    void on(TeamWebhookChanged event) {
        trail.record(event.actor(), "TEAM_WEBHOOK_" + event.change(), "TEAM_WEBHOOK", String.valueOf(event.webhookId()),
                "manager=" + event.managerId(), null, event.service() + " " + event.shownUrl(), null);
    }

    @EventListener
    void on(ReferrerSuspensionChanged event) {
        trail.record(event.actor(), "REFERRER_" + event.to(), "REFERRER_SUSPENSION",
                String.valueOf(event.suspensionId()), event.label(), event.from(), event.to(), event.reason());
    }

    @EventListener
    void on(ReferralMonthRecorded event) {
        trail.record(event.actor(), "REFERRAL_MONTH_RECORDED", "REFERRAL", String.valueOf(event.referralId()),
                event.label(), event.before() == null ? null : event.month() + "=" + event.before(),
                event.month() + "=" + event.after(), null);
    }

    @EventListener
    void on(PayoutRunChanged event) {
        trail.record(event.actor(), "PAYOUT_RUN_" + event.to(), "PAYOUT_RUN", String.valueOf(event.runId()),
                event.label(), event.from(), event.to(), event.reason());
    }

    @EventListener
    void on(PayoutSheetExported event) {
        trail.record(event.actor(), "PAYOUT_SHEET_EXPORTED", "PAYOUT_RUN", String.valueOf(event.runId()),
                event.label(), null, "format=" + event.format(), null);
    }

    @EventListener
    void on(InteractiveAuthenticationSuccessEvent event) {
        String username = event.getAuthentication().getName();
        trail.record(username, "LOGIN_SUCCEEDED", PERSON, null, username, null, null, null);
    }

    @EventListener
    void on(AbstractAuthenticationFailureEvent event) {
        String username = String.valueOf(event.getAuthentication().getPrincipal());
        trail.record(username, "LOGIN_FAILED", PERSON, null, username, null, null, why(event.getException()));
    }

    /** Why a sign-in failed, as a code the audit page tells in the reader's words, never an exception's name. */
    static String why(AuthenticationException failure) {
        if (failure instanceof BadCredentialsException) {
            return "BAD_CREDENTIALS";
        }
        if (failure instanceof DisabledException) {
            return "DISABLED";
        }
        if (failure instanceof LockedException) {
            return "LOCKED";
        }
        if (failure instanceof AccountExpiredException || failure instanceof CredentialsExpiredException) {
            return "EXPIRED";
        }
        return failure instanceof InternalAuthenticationServiceException ? "NOT_CHECKED" : "OTHER";
    }

    @EventListener
    void on(LogoutSuccessEvent event) {
        String username = event.getAuthentication().getName();
        trail.record(username, "LOGGED_OUT", PERSON, null, username, null, null, null);
    }

    @EventListener
    void on(SignalDecided event) {
        trail.record(event.actor(), "SIGNAL_" + event.to(), "FRAUD_SIGNAL", String.valueOf(event.signalId()),
                event.rule() + " " + event.subject(), event.from(), event.to(), event.reason());
    }
}
