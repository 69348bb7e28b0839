package com.bonusdesk.home;

import java.time.YearMonth;
import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.data.domain.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

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
import com.bonusdesk.referrals.ReferralReminders;
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
    private final Dashboards dashboards;
    private final ReferralReminders reminders;
    private final JsonMapper json;

    /**
     * The page carries its charts' figures in the element that draws them, so a visit computes them once;
     * {@code from} and {@code to} choose the months of a manager's and a director's figures, {@code team} the team a
     * director narrows the company's to.
     */
    @GetMapping("/")
    String home(@AuthenticationPrincipal PersonPrincipal me, Model model, Locale locale,
            @RequestParam(name = "from", required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
            @RequestParam(name = "team", required = false) Long team) {
        Dashboard dashboard = dashboards.of(me, locale, from, to, team);
        model.addAttribute("sales", dashboard.sales());
        model.addAttribute("team", dashboard.team());
        model.addAttribute("money", dashboard.money());
        model.addAttribute("referralDesk", dashboard.referralDesk());
        model.addAttribute("director", dashboard.director());
        if (dashboard.any()) {
            model.addAttribute("figuresJson", json.writeValueAsString(dashboard.figures()));
        }
        if (me.hasRole(Role.SALES)) {
            model.addAttribute("mySubmitted", claims.submittedBy(me.getId()));
        } else if (me.hasRole(Role.PARTNER)) {
            model.addAttribute("partnerDeadlines", reminders.upcoming(me.getId()));
        }
        if (me.hasRole(Role.MANAGER) || me.hasRole(Role.DIRECTOR)) {
            model.addAttribute("waitingApprovals",
                    claims.waitingFor(me.getId(), PageRequest.of(0, 1)).getTotalElements());
            model.addAttribute("rewardsWaiting", customerReferrals.waitingFor(me.getId()).size());
        }
        if (payoutAccess.isApprover(me)) {
            model.addAttribute("runsToApprove", payouts.countByStatus(PayoutRunStatus.DRAFT));
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
            model.addAttribute("runsToPay", payouts.countByStatus(PayoutRunStatus.APPROVED));
            model.addAttribute("runsStopped", payouts.countByStatus(PayoutRunStatus.FAILED));
        }
        return "home/home";
    }
}
