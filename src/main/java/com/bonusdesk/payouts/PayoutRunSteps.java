package com.bonusdesk.payouts;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.RuleCode;

/**
 * The work of each step of the payout job, set-based: lines move into a run by the thousand with one
 * statement per chunk, never one entity at a time. A chunk that runs again after a failure takes nothing
 * twice: a line already in a run is skipped, and the database refuses a line in two runs.
 * <p>
 * Public, as its {@link Slice}, only because the step-scoped reader and writer of slices are prepared ahead of
 * time (AOT) in Spring Batch's packages, which must name their type.
 */
@Component
@RequiredArgsConstructor
public class PayoutRunSteps {

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final PayoutRunRepository runs;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    /** Which lines the run may take: due by the week's end, recorded before its build started. */
    record Window(LocalDate cutOff, long lastLineId) {
    }

    void enter(long runId, String step) {
        jdbc.update("update payout_run set step = ? where id = ?", step, runId);
    }

    /** Fixes the run's window (once: a resumed build keeps it) and counts the lines it will go through. */
    @Transactional(propagation = Propagation.MANDATORY)
    void count(long runId) {
        jdbc.update("update payout_run set last_line_id = coalesce(last_line_id, "
                + "(select coalesce(max(id), 0) from earned_line)) where id = ?", runId);
        jdbc.update("""
                update payout_run r set lines_total = r.lines_done + (
                    select count(*) from earned_line l
                    where l.id <= r.last_line_id and l.due_on <= r.week_ending
                      and not exists (select 1 from payout_item i where i.line_id = l.id and i.state = 'IN_RUN')
                      and not exists (select 1 from line_hold h where h.line_id = l.id))
                where r.id = ?""", runId);
    }

    Window window(long runId) {
        return jdbc.queryForObject("select week_ending, last_line_id from payout_run where id = ?",
                (row, n) -> new Window(row.getObject(1, LocalDate.class), row.getLong(2)), runId);
    }

    /** The lines still to gather, as a condition on {@code earned_line l}: a line finance holds waits. */
    private static final String DUE_LINES = "l.id <= :lastLineId and l.due_on <= :cutOff and not exists "
            + "(select 1 from payout_item i where i.line_id = l.id and i.state = 'IN_RUN') "
            + "and not exists (select 1 from line_hold h where h.line_id = l.id)";

    private static final String TAKE_SLICE = """
            insert into payout_item (run_id, line_id, payee_id, state)
            select :runId, l.id, l.payee_id, 'IN_RUN' from earned_line l
            where l.id between :from and :to and l.id <= :lastLineId and l.due_on <= :cutOff
              and not exists (select 1 from payout_item i where i.state = 'IN_RUN' and i.line_id = l.id
                              and i.line_id between :from and :to)
              and not exists (select 1 from line_hold h where h.line_id = l.id)""";

    /** A slice of line ids, {@code from} to {@code to}: the lines one chunk of the build goes through. */
    public record Slice(long from, long to) {
    }

    /** The first line still to gather; past the run's last line when there is none. */
    long firstLineToGather(Window window) {
        Long first = named.queryForObject("select min(l.id) from earned_line l where " + DUE_LINES,
                Map.of("lastLineId", window.lastLineId(), "cutOff", window.cutOff()), Long.class);
        return first == null ? window.lastLineId() + 1 : first;
    }

    /**
     * Takes the slice's due lines into the run with one statement, skipping any line a run already holds, and counts
     * them as done. The skipping looks only at the slice's own ids: an anti-join on all the items is planned against
     * the table as it was when the build began, and hashes every item taken so far on each chunk. Another build
     * taking one of these lines at this very moment (a run of another week) makes the unique index refuse the
     * statement; the chunk then takes its lines again, letting the index skip the ones taken.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void gather(long runId, Window window, Slice slice) {
        Map<String, Object> parameters = Map.of("runId", runId, "from", slice.from(), "to", slice.to(),
                "lastLineId", window.lastLineId(), "cutOff", window.cutOff());
        jdbc.execute("savepoint gather_chunk");
        int taken;
        try {
            taken = named.update(TAKE_SLICE, parameters);
        } catch (DuplicateKeyException raced) {
            jdbc.execute("rollback to savepoint gather_chunk");
            taken = named.update(TAKE_SLICE + " on conflict (line_id) where state = 'IN_RUN' do nothing", parameters);
        }
        jdbc.update("update payout_run set lines_done = lines_done + ? where id = ?", taken, runId);
    }

    /**
     * Nets each payee's lines, carries forward the payees whose net is negative, and closes the build with
     * the run's totals, in one transaction with the step's own completion.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void settle(long runId) {
        // the statistics still describe the items as they were before the gather: without fresh ones the run's
        // lines are planned as a handful, joined one by one and sorted on disk
        jdbc.execute("analyze payout_item");
        Map<Long, Map<RuleCode, PayeeRuleTotal>> byPayee = new LinkedHashMap<>();
        jdbc.query("""
                select i.payee_id, l.rule, sum(l.amount), count(*) from payout_item i join earned_line l on l.id = i.line_id
                where i.run_id = ? and i.state = 'IN_RUN' group by i.payee_id, l.rule order by i.payee_id, l.rule""",
                row -> {
                    byPayee.computeIfAbsent(row.getLong(1), payee -> new HashMap<>()).put(
                            RuleCode.valueOf(row.getString(2)), new PayeeRuleTotal(row.getBigDecimal(3), row.getInt(4)));
                }, runId);
        List<Long> totalPayees = new ArrayList<>();
        List<String> totalRules = new ArrayList<>();
        List<BigDecimal> totalAmounts = new ArrayList<>();
        List<Integer> totalLines = new ArrayList<>();
        List<Boolean> totalCarried = new ArrayList<>();
        List<Long> carried = new ArrayList<>();
        long lines = 0;
        BigDecimal paid = Money.ZERO;
        for (Map.Entry<Long, Map<RuleCode, PayeeRuleTotal>> payee : byPayee.entrySet()) {
            BigDecimal net = Netting.net(payee.getValue().values().stream().map(PayeeRuleTotal::amount).toList());
            boolean carriedForward = Netting.carriesForward(net);
            if (carriedForward) {
                carried.add(payee.getKey());
            } else {
                paid = paid.add(net);
                lines += payee.getValue().values().stream().mapToLong(PayeeRuleTotal::lines).sum();
            }
            payee.getValue().forEach((rule, total) -> {
                totalPayees.add(payee.getKey());
                totalRules.add(rule.name());
                totalAmounts.add(total.amount());
                totalLines.add(total.lines());
                totalCarried.add(carriedForward);
            });
        }
        // one statement for tens of thousands of totals: a batch of single-row inserts takes seconds
        jdbc.update("""
                insert into payout_total (run_id, payee_id, rule, amount, line_count, carried_forward)
                select ?, * from unnest(?, ?, ?, ?, ?)""", statement -> {
            statement.setLong(1, runId);
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", totalPayees.toArray()));
            statement.setArray(3, statement.getConnection().createArrayOf("varchar", totalRules.toArray()));
            statement.setArray(4, statement.getConnection().createArrayOf("numeric", totalAmounts.toArray()));
            statement.setArray(5, statement.getConnection().createArrayOf("int4", totalLines.toArray()));
            statement.setArray(6, statement.getConnection().createArrayOf("bool", totalCarried.toArray()));
        });
        if (!carried.isEmpty()) {
            jdbc.update("update payout_item set state = ? where run_id = ? and state = 'IN_RUN' "
                    + "and payee_id = any(?)", statement -> {
                statement.setString(1, PayoutItemState.CARRIED_FORWARD.name());
                statement.setLong(2, runId);
                statement.setArray(3, statement.getConnection().createArrayOf("bigint", carried.toArray()));
            });
        }
        PayoutRun run = runs.findById(runId).orElseThrow();
        run.built(new PayoutRun.Totals(lines, byPayee.size() - carried.size(), carried.size(), paid), clock.instant());
        runs.flush();
        events.publishEvent(PayoutRunChanged.of(run.getBuiltBy(), run, PayoutRunStatus.BUILDING, null));
    }

    private record PayeeRuleTotal(BigDecimal amount, int lines) {
    }
}
