package com.bonusdesk.payouts;

import java.util.Optional;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.people.Role;

/**
 * Who may see payout runs and who decides and pays them: finance and the approver role
 * ({@code bonusdesk.payouts.approver-role}) see every run; the approver decides, never a run they built or one
 * that pays them; and whoever approved a run does not mark it paid. Screens, navigation and the home page ask
 * here, so the configured role holds everywhere.
 */
@Component("payoutAccess")
@RequiredArgsConstructor
public class PayoutAccess {

    private final PayoutProperties properties;
    private final JdbcTemplate jdbc;

    /** The role that approves runs. */
    public Role approverRole() {
        return properties.approverRole();
    }

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

    /**
     * Whether {@code person} approves the run: the approver role, never for a run they built, and never for a run
     * that pays them (it needs another approver).
     */
    public boolean mayDecide(PayoutRun run, PersonPrincipal person) {
        return whyNotDecide(run, person).isEmpty();
    }

    /** The refusal that keeps {@code person} from deciding the run, as a message key; empty when they may. */
    public Optional<String> whyNotDecide(PayoutRun run, PersonPrincipal person) {
        if (!isApprover(person)) {
            return Optional.of("payout.notApprover");
        }
        if (person.getUsername().equals(run.getBuiltBy())) {
            return Optional.of("payout.ownRun");
        }
        if (paysPerson(run, person)) {
            return Optional.of("payout.paidByRun");
        }
        return Optional.empty();
    }

    /** Whoever approved a run does not also mark it paid: a second person confirms the money left. */
    public Optional<String> whyNotMarkPaid(PayoutRun run, String payer) {
        return payer.equals(run.getDecidedBy()) ? Optional.of("payout.payerApproved") : Optional.empty();
    }

    private boolean paysPerson(PayoutRun run, PersonPrincipal person) {
        return Boolean.TRUE.equals(jdbc.queryForObject("""
                select exists (select 1 from payout_item where run_id = ? and payee_id = ? and state = 'IN_RUN')""",
                Boolean.class, run.getId(), person.getId()));
    }

    /** Finance and approvers see every run; everyone else only their own statements. */
    public void requireMaySeeRuns(PersonPrincipal person) {
        if (!maySeeRuns(person)) {
            throw new AccessDeniedException("Payout runs are for finance and approvers");
        }
    }
}
