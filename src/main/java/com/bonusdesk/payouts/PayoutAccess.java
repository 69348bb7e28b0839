package com.bonusdesk.payouts;

import lombok.RequiredArgsConstructor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.Role;

/**
 * Who may see payout runs and who decides them: finance and the approver role
 * ({@code bonusdesk.payouts.approver-role}) see every run; the approver decides, never a run they built. Screens,
 * navigation and the home page ask here, so the configured role holds everywhere.
 */
@Component("payoutAccess")
@RequiredArgsConstructor
public class PayoutAccess {

    private final PayoutProperties properties;

    /** Whether {@code person} holds the role that approves runs. */
    public boolean isApprover(PersonPrincipal person) {
        return person.hasRole(properties.approverRole());
    }

    /** Whether {@code person} sees the runs: finance and approvers. */
    public boolean maySeeRuns(PersonPrincipal person) {
        return person.hasRole(Role.FINANCE) || isApprover(person);
    }

    /** The same, for the navigation, whose principal may be no person at all (signed out). */
    public boolean showsRunsTo(Object principal) {
        return principal instanceof PersonPrincipal person && maySeeRuns(person);
    }

    /** Whether {@code person} approves runs: the approver role, but never for a run they built. */
    public boolean mayDecide(PayoutRun run, PersonPrincipal person) {
        return isApprover(person) && !person.getUsername().equals(run.getBuiltBy());
    }

    /** Finance and approvers see every run; everyone else only their own statements. */
    public void requireMaySeeRuns(PersonPrincipal person) {
        if (!maySeeRuns(person)) {
            throw new AccessDeniedException("Payout runs are for finance and approvers");
        }
    }
}
