package com.bonusdesk.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Which payout run holds a line, told by the module that runs payouts: the ledger sits below payouts and knows
 * no run, yet a line on a screen says where its money stands.
 */
public interface Settlements {

    /** The run holding each of {@code lineIds} that is in one; lines in no run are left out. */
    Map<Long, Settlement> of(List<Long> lineIds);

    /**
     * The payout run a line is in: its id and week, where it stands (a status name the screens put into words),
     * whether it is approved for payment, and the day it was paid.
     */
    record Settlement(long runId, String runLabel, String status, boolean approved, LocalDate paidOn) {

        public boolean paid() {
            return paidOn != null;
        }
    }
}
