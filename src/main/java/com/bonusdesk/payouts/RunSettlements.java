package com.bonusdesk.payouts;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.bonusdesk.ledger.Settlements;

/** Tells the ledger which run holds a line: the run it is in and has not been released from. */
@Component
@RequiredArgsConstructor
class RunSettlements implements Settlements {

    private final JdbcTemplate jdbc;

    @Override
    public Map<Long, Settlement> of(List<Long> lineIds) {
        Map<Long, Settlement> settlements = new HashMap<>();
        if (lineIds.isEmpty()) {
            return settlements;
        }
        jdbc.query("""
                select i.line_id, r.id, r.week_ending, r.status, r.paid_on from payout_item i
                join payout_run r on r.id = i.run_id where i.state = 'IN_RUN' and i.line_id = any(?)""",
                statement -> statement.setArray(1, statement.getConnection().createArrayOf("bigint", lineIds.toArray())),
                row -> {
                    PayoutRunStatus status = PayoutRunStatus.valueOf(row.getString(4));
                    settlements.put(row.getLong(1), new Settlement(row.getLong(2),
                            PayoutRun.label(row.getObject(3, LocalDate.class)), status.name(), status.isApproved(),
                            status == PayoutRunStatus.PAID ? row.getObject(5, LocalDate.class) : null));
                });
        return settlements;
    }
}
