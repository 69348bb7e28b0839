package com.bonusdesk.payouts;

import java.math.BigDecimal;
import java.util.Collection;

import com.bonusdesk.calculation.Money;

/**
 * A payee's lines in a run are paid as one net amount. A negative net (clawbacks larger than what was
 * earned) is never paid out as a debt: the payee's lines stay unpaid and are carried forward, so the next
 * run nets them against what the payee earns by then.
 */
final class Netting {

    private Netting() {
    }

    static BigDecimal net(Collection<BigDecimal> amounts) {
        return amounts.stream().reduce(Money.ZERO, BigDecimal::add);
    }

    static boolean carriesForward(BigDecimal net) {
        return net.signum() < 0;
    }
}
