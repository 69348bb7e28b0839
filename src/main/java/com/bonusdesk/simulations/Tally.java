package com.bonusdesk.simulations;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Map;
import java.util.TreeMap;

import com.bonusdesk.calculation.BonusLine;
import com.bonusdesk.calculation.Money;

/**
 * What the lines of one plan add up to, computed twice over the same facts: with the versions in force (the
 * baseline) and with the simulated version. Totals in all, per rule, per month earned and per payee.
 */
final class Tally {

    /** Which computation a line comes from. */
    enum Side {
        BASELINE,
        SIMULATED
    }

    /** A baseline amount and a simulated one. */
    static final class Pair {

        private BigDecimal baseline = Money.ZERO;
        private BigDecimal simulated = Money.ZERO;

        BigDecimal baseline() {
            return baseline;
        }

        BigDecimal simulated() {
            return simulated;
        }

        BigDecimal difference() {
            return simulated.subtract(baseline);
        }

        void add(Side side, BigDecimal amount) {
            if (side == Side.BASELINE) {
                baseline = baseline.add(amount);
            } else {
                simulated = simulated.add(amount);
            }
        }
    }

    private final String planPrefix;
    private final Pair total = new Pair();
    private final Map<String, Pair> byRule = new TreeMap<>();
    private final Map<String, Pair> byMonth = new TreeMap<>();
    private final Map<Long, Pair> byPayee = new TreeMap<>();

    /** Counts only lines of the plan named {@code plan} (lines name their version, e.g. {@code NEW_CLIENT v2}). */
    Tally(String plan) {
        this.planPrefix = plan + " v";
    }

    void add(Side side, long payeeId, BonusLine line) {
        if (!line.planVersion().startsWith(planPrefix)) {
            return;
        }
        total.add(side, line.amount());
        byRule.computeIfAbsent(line.rule().name(), rule -> new Pair()).add(side, line.amount());
        byMonth.computeIfAbsent(YearMonth.from(line.earnedOn()).toString(), month -> new Pair())
                .add(side, line.amount());
        byPayee.computeIfAbsent(payeeId, payee -> new Pair()).add(side, line.amount());
    }

    Pair total() {
        return total;
    }

    Map<String, Pair> byRule() {
        return byRule;
    }

    Map<String, Pair> byMonth() {
        return byMonth;
    }

    Map<Long, Pair> byPayee() {
        return byPayee;
    }
}
