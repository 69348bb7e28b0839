package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a set of facts earns: eligible or not (with every reason), the lines, and notes on what earned
 * nothing (money collected too late, a tier not yet earned), so that nothing is left unexplained.
 */
public record BonusResult(boolean eligible, List<Reason> reasons, List<BonusLine> lines, List<Explanation> notes) {

    public BonusResult {
        reasons = List.copyOf(reasons);
        lines = List.copyOf(lines);
        notes = List.copyOf(notes);
        if (!reasons.isEmpty() && !lines.isEmpty()) {
            throw new IllegalArgumentException("An ineligible result earns no lines");
        }
    }

    static BonusResult refused(List<Reason> reasons) {
        return new BonusResult(false, reasons, List.of(), List.of());
    }

    public BigDecimal total() {
        return lines.stream().map(BonusLine::amount).reduce(Money.ZERO, BigDecimal::add);
    }
}
