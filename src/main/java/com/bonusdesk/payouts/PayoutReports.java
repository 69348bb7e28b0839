package com.bonusdesk.payouts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonCard;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.SearchText;

/**
 * What runs add up to, for screens, sheets and statements: a run's totals per payee, per rule and per plan
 * against its budget, the runs of a period, and what a paid run paid one payee.
 */
@Service
@RequiredArgsConstructor
public class PayoutReports {

    private final PayoutRunRepository runs;
    private final JdbcTemplate jdbc;
    private final PersonService people;
    private final PlanCatalogue plans;
    private final Ledger ledger;

    /** What a paid run paid one payee, line by line; not found unless it paid them something. */
    public record PaidStatement(PayoutRun run, List<Ledger.Line> lines, BigDecimal total) {
    }

    @Transactional(readOnly = true)
    public PaidStatement statement(long runId, long payeeId) {
        PayoutRun run = runs.findById(runId).filter(found -> found.getStatus() == PayoutRunStatus.PAID)
                .orElseThrow(Refusal.NotFound::new);
        List<Ledger.Line> lines = ledger.lines(jdbc.queryForList(
                "select line_id from payout_item where run_id = ? and payee_id = ? and state = 'IN_RUN'", Long.class,
                runId, payeeId));
        if (lines.isEmpty()) {
            throw new Refusal.NotFound();
        }
        return new PaidStatement(run, lines, Netting.net(lines.stream().map(Ledger.Line::amount).toList()));
    }

    @Transactional(readOnly = true)
    public Page<PayoutRun> list(Set<PayoutRunStatus> statuses, Pageable pageable) {
        return runs.findByStatusIn(statuses, pageable);
    }

    @Transactional(readOnly = true)
    public long countByStatus(PayoutRunStatus status) {
        return runs.countByStatus(status);
    }

    /** What one payee gets from a run: the amount per rule, the net, and whether it was carried forward. */
    public record PayeeTotal(long payeeId, PersonCard person, Map<RuleCode, BigDecimal> byRule, BigDecimal total,
            int lines, boolean carriedForward) {
    }

    /** The run's payees, largest payment first, carried-forward payees last; {@code query} searches names. */
    @Transactional(readOnly = true)
    public Page<PayeeTotal> payees(long runId, String query, Pageable pageable) {
        Object[] only = SearchText.isBlank(query) ? null : people.idsMatching(query).toArray();
        String filter = only == null ? "" : " and payee_id = any(?)";
        PreparedStatementSetter arguments = statement -> {
            statement.setLong(1, runId);
            if (only != null) {
                statement.setArray(2, statement.getConnection().createArrayOf("bigint", only));
            }
        };
        Long count = jdbc.query("select count(distinct payee_id) from payout_total where run_id = ?" + filter,
                arguments, (ResultSetExtractor<Long>) row -> row.next() ? row.getLong(1) : 0L);
        List<Long> page = jdbc.query("select payee_id from payout_total where run_id = ?" + filter
                + " group by payee_id order by bool_or(carried_forward), sum(amount) desc, payee_id"
                + " limit " + pageable.getPageSize() + " offset " + pageable.getOffset(),
                arguments, (row, number) -> row.getLong(1));
        return new PageImpl<>(totalsOf(runId, page), pageable, count == null ? 0 : count);
    }

    /** Every payee's totals, in payee order, for the payout sheet. */
    @Transactional(readOnly = true)
    public List<PayeeTotal> allPayees(long runId) {
        return totalsOf(runId, jdbc.queryForList(
                "select distinct payee_id from payout_total where run_id = ? order by payee_id", Long.class, runId));
    }

    private List<PayeeTotal> totalsOf(long runId, List<Long> payeeIds) {
        if (payeeIds.isEmpty()) {
            return List.of();
        }
        Map<Long, PersonCard> cards = people.cards(payeeIds);
        Map<Long, Map<RuleCode, BigDecimal>> byRule = new LinkedHashMap<>();
        Map<Long, int[]> lines = new LinkedHashMap<>();
        Map<Long, Boolean> carried = new LinkedHashMap<>();
        jdbc.query("select payee_id, rule, amount, line_count, carried_forward from payout_total "
                + "where run_id = ? and payee_id = any(?)", statement -> {
                    statement.setLong(1, runId);
                    statement.setArray(2, statement.getConnection().createArrayOf("bigint", payeeIds.toArray()));
                }, row -> {
                    long payee = row.getLong(1);
                    byRule.computeIfAbsent(payee, id -> new EnumMap<>(RuleCode.class))
                            .put(RuleCode.valueOf(row.getString(2)), row.getBigDecimal(3));
                    lines.computeIfAbsent(payee, id -> new int[1])[0] += row.getInt(4);
                    carried.put(payee, row.getBoolean(5));
                });
        return payeeIds.stream().map(payee -> new PayeeTotal(payee, cards.get(payee), byRule.get(payee),
                Netting.net(byRule.get(payee).values()), lines.get(payee)[0], carried.get(payee))).toList();
    }

    /** The run's paid amount per rule; carried-forward payees are not paid and not counted. */
    @Transactional(readOnly = true)
    public Map<RuleCode, BigDecimal> byRule(long runId) {
        Map<RuleCode, BigDecimal> totals = new EnumMap<>(RuleCode.class);
        jdbc.query("select rule, sum(amount) from payout_total where run_id = ? and not carried_forward group by rule",
                row -> {
                    totals.put(RuleCode.valueOf(row.getString(1)), row.getBigDecimal(2));
                }, runId);
        return totals;
    }

    /**
     * What the next run will take if it were built now: the week it is for (this week's, or the next one once this
     * week has its run), and the lines due by then that no run holds and no one holds back, per rule and in all.
     */
    public record NextRun(LocalDate weekEnding, long lines, long payees, Map<RuleCode, BigDecimal> byRule) {

        public BigDecimal total() {
            return byRule.values().stream().reduce(Money.ZERO, BigDecimal::add);
        }
    }

    @Transactional(readOnly = true)
    public NextRun nextRun(LocalDate today) {
        LocalDate weekEnding = PayoutRuns.weekEnding(today);
        if (runs.findLive(weekEnding).isPresent()) {
            weekEnding = weekEnding.plusWeeks(1);
        }
        Map<RuleCode, BigDecimal> byRule = new EnumMap<>(RuleCode.class);
        long[] all = new long[2];
        // the () grouping set is the row of every rule together: its distinct payees are not a sum of the rules'
        jdbc.query("""
                select l.rule, count(*), sum(l.amount), count(distinct l.payee_id) from earned_line l
                where l.due_on <= ?
                  and not exists (select 1 from payout_item i where i.line_id = l.id and i.state = 'IN_RUN')
                  and not exists (select 1 from line_hold h where h.line_id = l.id)
                group by grouping sets ((l.rule), ())""", row -> {
                    if (row.getString(1) == null) {
                        all[0] = row.getLong(2);
                        all[1] = row.getLong(4);
                    } else {
                        byRule.put(RuleCode.valueOf(row.getString(1)), row.getBigDecimal(3));
                    }
                }, weekEnding);
        return new NextRun(weekEnding, all[0], all[1], byRule);
    }

    /**
     * What the run pays per plan, against the plan's budget for the period holding the run's week: the
     * period's spend counts every run of the period that was not rejected, this one included.
     */
    public record PlanSpend(PlanKind plan, BigDecimal inRun, PlanCatalogue.Budget budget, BigDecimal spentInPeriod) {

        public boolean overBudget() {
            return budget != null && spentInPeriod.compareTo(budget.amount()) > 0;
        }
    }

    @Transactional(readOnly = true)
    public List<PlanSpend> byPlan(PayoutRun run) {
        Map<PlanKind, BigDecimal> inRun = new EnumMap<>(PlanKind.class);
        byRule(run.getId()).entrySet().stream().filter(rule -> rule.getKey().plan() != null)
                .forEach(rule -> inRun.merge(rule.getKey().plan(), rule.getValue(), BigDecimal::add));
        List<PlanSpend> spends = new ArrayList<>();
        for (PlanKind plan : PlanKind.values()) {
            Optional<PlanCatalogue.Budget> budget = plans.budgetOn(plan, run.getWeekEnding());
            if (!inRun.containsKey(plan) && budget.isEmpty()) {
                continue;
            }
            BigDecimal spent = budget.map(period -> spentBetween(plan, period.from(), period.to())).orElse(Money.ZERO);
            spends.add(new PlanSpend(plan, inRun.getOrDefault(plan, Money.ZERO), budget.orElse(null), spent));
        }
        return spends;
    }

    /**
     * A plan's budget for the period holding {@code day}, what the period's runs have spent of it up to that day,
     * and where the period ends at that pace (the spend per day so far, over all the period's days).
     */
    public record BudgetBurn(PlanKind plan, PlanCatalogue.Budget budget, BigDecimal spent, BigDecimal projected) {

        public boolean projectedOver() {
            return projected.compareTo(budget.amount()) > 0;
        }
    }

    /** Every plan with a budget on {@code day}: its spend so far and its projection. */
    @Transactional(readOnly = true)
    public List<BudgetBurn> budgetsOn(LocalDate day) {
        List<BudgetBurn> burns = new ArrayList<>();
        for (PlanKind plan : PlanKind.values()) {
            plans.budgetOn(plan, day).ifPresent(budget -> {
                BigDecimal spent = spentBetween(plan, budget.from(), day);
                long days = ChronoUnit.DAYS.between(budget.from(), budget.to()) + 1;
                long elapsed = ChronoUnit.DAYS.between(budget.from(), day) + 1;
                BigDecimal projected = Money.cents(spent.multiply(BigDecimal.valueOf(days))
                        .divide(BigDecimal.valueOf(elapsed), 2, RoundingMode.HALF_UP));
                burns.add(new BudgetBurn(plan, budget, spent, projected));
            });
        }
        return burns;
    }

    private BigDecimal spentBetween(PlanKind plan, LocalDate from, LocalDate to) {
        String[] rules = Arrays.stream(RuleCode.values()).filter(rule -> rule.plan() == plan)
                .map(RuleCode::name).toArray(String[]::new);
        BigDecimal spent = jdbc.query("""
                select coalesce(sum(t.amount), 0) from payout_total t join payout_run r on r.id = t.run_id
                where r.week_ending between ? and ? and r.status <> 'REJECTED' and not t.carried_forward
                  and t.rule = any(?)""", statement -> {
                    statement.setObject(1, from);
                    statement.setObject(2, to);
                    statement.setArray(3, statement.getConnection().createArrayOf("varchar", rules));
                }, (ResultSetExtractor<BigDecimal>) row -> row.next() ? row.getBigDecimal(1) : BigDecimal.ZERO);
        return Money.cents(spent);
    }

    /** A line the run passes by because finance holds it for a dispute, with its payee. */
    public record HeldLine(Ledger.Held line, PersonCard payee) {
    }

    /**
     * The held lines a run of this week passes by: due by its end and held now. Shown until the run is paid; a
     * paid run's page tells what it paid.
     */
    @Transactional(readOnly = true)
    public List<HeldLine> held(PayoutRun run) {
        if (run.getStatus() == PayoutRunStatus.PAID || run.getStatus() == PayoutRunStatus.REJECTED) {
            return List.of();
        }
        List<Ledger.Held> held = ledger.heldDueBy(run.getWeekEnding());
        Map<Long, PersonCard> payees = people.cards(held.stream().map(Ledger.Held::payeeId).distinct().toList());
        return held.stream().map(line -> new HeldLine(line, payees.get(line.payeeId()))).toList();
    }

    /** A run paid to a payee, for their list of statements. */
    public record Statement(PayoutRun run, BigDecimal amount) {
    }

    @Transactional(readOnly = true)
    public List<Statement> statementsOf(long payeeId) {
        Map<Long, BigDecimal> amounts = new LinkedHashMap<>();
        jdbc.query("""
                select t.run_id, sum(t.amount) from payout_total t join payout_run r on r.id = t.run_id
                where t.payee_id = ? and r.status = 'PAID' and not t.carried_forward
                group by t.run_id, r.week_ending order by r.week_ending desc""", row -> {
                    amounts.put(row.getLong(1), row.getBigDecimal(2));
                }, payeeId);
        Map<Long, PayoutRun> found = new LinkedHashMap<>();
        runs.findAllById(amounts.keySet()).forEach(run -> found.put(run.getId(), run));
        return amounts.entrySet().stream().map(entry -> new Statement(found.get(entry.getKey()), entry.getValue()))
                .toList();
    }

    static Pageable newestFirst(int page, int size) {
        return PageRequest.of(page, size, Sort.by(Sort.Order.desc("weekEnding"), Sort.Order.desc("id")));
    }
}
