package com.bonusdesk.calculation;

import java.math.BigDecimal;

/**
 * An upper limit on one bonus line (R6): a share of the amount it is based on, an absolute amount, or both
 * (the lower applies). Null fields are no limit.
 */
public record Cap(BigDecimal shareOfBase, BigDecimal amount) {

    public Cap {
        if (shareOfBase != null) {
            InvalidRulesException.check("cap.shareOfBase", shareOfBase).rate();
        }
        if (amount != null) {
            InvalidRulesException.check("cap.amount", amount).notNegative();
        }
    }

    /** The limit for a line based on {@code base}, or null when there is none. */
    BigDecimal limitFor(BigDecimal base) {
        BigDecimal limit = amount;
        if (shareOfBase != null) {
            BigDecimal share = Money.cents(shareOfBase.multiply(base));
            limit = limit == null ? share : limit.min(share);
        }
        return limit;
    }

    /** Why a line of {@code original} was cut to the limit for {@code base}. */
    Explanation explain(BigDecimal original, BigDecimal base) {
        BigDecimal limit = limitFor(base);
        if (shareOfBase != null && Money.cents(shareOfBase.multiply(base)).compareTo(limit) == 0) {
            return Explanation.of("explain.capped.share", Money.show(original), Money.show(limit),
                    Money.percent(shareOfBase), Money.show(base));
        }
        return Explanation.of("explain.capped.amount", Money.show(original), Money.show(limit));
    }
}
