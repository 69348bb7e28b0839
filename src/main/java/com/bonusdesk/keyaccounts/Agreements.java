package com.bonusdesk.keyaccounts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.people.Role;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.workflow.Approvals;
import com.bonusdesk.workflow.Chain;
import com.bonusdesk.workflow.Progress;

/**
 * Key accounts' individual agreements: finance enters one (a rate in percent or a fixed amount a month, for a
 * period of months), a general manager who did not enter it approves it, and the closed months it covers are
 * computed again with it at once.
 */
@Service
@RequiredArgsConstructor
public class Agreements {

    static final String SOURCE = "KEY_ACCOUNT_AGREEMENT";

    private static final Chain CHAIN = Chain.of(new Chain.Step(new Chain.HoldingRole(Role.DIRECTOR), Money.ZERO));

    private static final Approvals.Wording WORDING = new Approvals.Wording("agreement.alreadyDecided",
            "agreement.ownAgreement", "agreement.notYourDecision");

    private final AgreementRepository agreements;
    private final KeyAccounts keyAccounts;
    private final Approvals approvals;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** What finance enters: the period, and either a rate in percent or an amount a month. */
    public record Terms(YearMonth from, YearMonth to, BigDecimal ratePercent, BigDecimal amount) {
    }

    /**
     * Enters an agreement for the key account of {@code clientCode}; it waits for a general manager. Refused:
     * anyone but finance (403), an unknown key account (404), a period that ends before it starts, or terms that
     * are not exactly one of a rate from 0 to 100% and a positive amount (400).
     */
    @Transactional
    public Agreement enter(String clientCode, Terms terms, long financeId, String actor) {
        if (!keyAccounts.mayChange(financeId)) {
            throw new Refusal.NotPermitted("keyAccount.financeOnly");
        }
        KeyAccount account = keyAccounts.find(clientCode).orElseThrow(Refusal.NotFound::new);
        if (terms.from() == null) {
            throw new Refusal.InvalidInput("from", "agreement.period.required");
        }
        if (terms.to() == null || terms.to().isBefore(terms.from())) {
            throw new Refusal.InvalidInput("to", "agreement.period.order");
        }
        if ((terms.ratePercent() == null) == (terms.amount() == null)) {
            throw new Refusal.InvalidInput("ratePercent", "agreement.terms.one");
        }
        BigDecimal rate = null;
        if (terms.ratePercent() != null) {
            if (terms.ratePercent().signum() <= 0 || terms.ratePercent().compareTo(BigDecimal.valueOf(100)) > 0
                    || terms.ratePercent().stripTrailingZeros().scale() > 4) {
                throw new Refusal.InvalidInput("ratePercent", "estimate.percent.range");
            }
            rate = terms.ratePercent().movePointLeft(2);
        }
        if (terms.amount() != null && (terms.amount().signum() <= 0 || terms.amount().compareTo(Money.MAX) > 0
                || terms.amount().stripTrailingZeros().scale() > 2)) {
            throw new Refusal.InvalidInput("amount", "plan.invalid.amount");
        }
        Agreement agreement = agreements.saveAndFlush(new Agreement(account.getId(), terms.from(), terms.to(), rate,
                terms.amount() == null ? null : Money.cents(terms.amount()), financeId, clock.instant()));
        approvals.open(SOURCE, agreement, CHAIN, Money.ZERO);
        record(agreement, actor, null, null);
        return agreement;
    }

    /**
     * A general manager who did not enter the agreement approves or rejects it; approved, the closed months it
     * covers are computed again with it.
     */
    @Transactional
    public Agreement decide(long id, boolean approve, String reason, long deciderId, String actor) {
        Agreement agreement = agreements.findById(id).orElseThrow(Refusal.NotFound::new);
        Approvals.Turn turn = approvals.requireTurn(SOURCE, agreement, approvals.decider(deciderId), WORDING);
        Agreement.Status from = agreement.getStatus();
        approvals.decide(turn, approve, reason);
        agreement.decide(approve);
        approvals.commit(agreements, WORDING.decided());
        record(agreement, actor, from, reason);
        if (approve) {
            KeyAccount account = keyAccounts.byId(agreement.getKeyAccountId());
            YearMonth lastClosed = YearMonth.now(clock).minusMonths(1);
            for (YearMonth month = agreement.from(); !month.isAfter(agreement.to()) && !month.isAfter(lastClosed);
                    month = month.plusMonths(1)) {
                keyAccounts.recompute(account, month);
            }
        }
        return agreement;
    }

    @Transactional(readOnly = true)
    public List<Agreement> of(KeyAccount account) {
        return agreements.findByKeyAccountIdOrderByIdDesc(account.getId());
    }

    @Transactional(readOnly = true)
    public boolean mayDecide(Agreement agreement, long personId) {
        return approvals.mayDecide(SOURCE, agreement, approvals.decider(personId));
    }

    @Transactional(readOnly = true)
    public Progress progressOf(long id) {
        return approvals.progressOf(SOURCE, id);
    }

    private void record(Agreement agreement, String actor, Agreement.Status from, String reason) {
        approvals.record(SOURCE, agreement.getId(), actor, from, agreement.getStatus(), reason);
        events.publishEvent(new KeyAccountChanged(actor, agreement.getKeyAccountId(), "agreement #"
                + agreement.getId(), "AGREEMENT_" + agreement.getStatus(), from == null ? null : from.name(),
                agreement.from() + ".." + agreement.to() + " rate=" + agreement.getRate() + " amount="
                        + agreement.getAmount() + (reason == null ? "" : " (" + reason + ")")));
    }
}
