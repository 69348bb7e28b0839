package com.bonusdesk.home;

import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.payouts.PayoutRunStatus;
import com.bonusdesk.payouts.PayoutAccess;
import com.bonusdesk.payouts.PayoutReports;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.Role;
import com.bonusdesk.customerreferrals.CustomerReferralService;
import com.bonusdesk.disputes.Adjustments;
import com.bonusdesk.disputes.Disputes;
import com.bonusdesk.keyaccounts.KeyAccounts;
import com.bonusdesk.rebates.LineApprovals;
import com.bonusdesk.referrals.ReferralService;

/** Each person lands here after signing in and sees, per role, what is waiting for them. */
@Controller
@RequiredArgsConstructor
class HomeController {

    private final ClaimService claims;
    private final PayoutReports payouts;
    private final PayoutAccess payoutAccess;
    private final ReferralService referrals;
    private final CustomerReferralService customerReferrals;
    private final Disputes disputes;
    private final Adjustments adjustments;
    private final KeyAccounts keyAccounts;
    private final LineApprovals lineApprovals;
    private final SalespersonDashboard salesperson;
    private final ManagerDashboard manager;
    private final FinanceDashboard finance;
    private final HrDashboard hr;

    @GetMapping("/")
    String home(@AuthenticationPrincipal PersonPrincipal me, Model model, Locale locale) {
        if (me.hasRole(Role.SALES)) {
            model.addAttribute("mySubmitted", claims.submittedBy(me.getId()));
            model.addAttribute("sales", salesperson.of(me.getId(), locale));
        }
        if (me.hasRole(Role.MANAGER) || me.hasRole(Role.DIRECTOR)) {
            model.addAttribute("team", manager.of(me.getId()));
        }
        if (me.hasRole(Role.MANAGER) || me.hasRole(Role.DIRECTOR)) {
            model.addAttribute("waitingApprovals",
                    claims.waitingFor(me.getId(), PageRequest.of(0, 1)).getTotalElements());
        }
        if (me.hasRole(Role.MANAGER) || me.hasRole(Role.DIRECTOR)) {
            model.addAttribute("rewardsWaiting", customerReferrals.waitingFor(me.getId()).size());
        }
        if (payoutAccess.isApprover(me)) {
            model.addAttribute("runsToApprove", payouts.countByStatus(PayoutRunStatus.DRAFT));
        }
        if (me.hasRole(Role.HR)) {
            model.addAttribute("referralDesk", hr.of(me.getId()));
        }
        if (me.hasRole(Role.HR) || me.hasRole(Role.DIRECTOR)) {
            model.addAttribute("referralsWaiting",
                    referrals.waitingFor(me.getId(), PageRequest.of(0, 1)).getTotalElements());
        }
        model.addAttribute("myDisputes", disputes.openOf(me.getId()));
        if (me.hasRole(Role.FINANCE)) {
            model.addAttribute("disputesWaiting", disputes.waiting());
            model.addAttribute("monthsWaitingForAgreement", keyAccounts.waitingForAgreement());
        }
        if (me.hasRole(Role.DIRECTOR)) {
            model.addAttribute("adjustmentsWaiting", adjustments.waitingFor(me.getId()).size());
            model.addAttribute("rebatesWaiting", lineApprovals.waitingFor(me.getId()).size());
        }
        if (me.hasRole(Role.FINANCE)) {
            model.addAttribute("money", finance.of(locale));
            model.addAttribute("runsToPay", payouts.countByStatus(PayoutRunStatus.APPROVED));
            model.addAttribute("runsStopped", payouts.countByStatus(PayoutRunStatus.FAILED));
        }
        return "home/home";
    }
}
