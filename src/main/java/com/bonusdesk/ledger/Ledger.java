package com.bonusdesk.ledger;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import com.bonusdesk.calculation.BonusLine;
import com.bonusdesk.calculation.Explanation;
import com.bonusdesk.calculation.Money;

/**
 * The earned lines of each source (a claim, a referral). A source's lines are brought in line with what the
 * rules now say it earns by adding what is missing and reversing what no longer holds, never by changing a
 * line: the lines of a source always add up to what the rules say, and its history stays readable.
 */
@Service
@RequiredArgsConstructor
public class Ledger {

    private static final TypeReference<List<Explanation>> EXPLANATIONS = new TypeReference<>() {
    };

    /** Held lines with what a run page shows of them. */
    private static final String HELD = """
            select l.id, l.payee_id, l.rule, l.amount, l.due_on, h.dispute_id, h.reason
            from line_hold h join earned_line l on l.id = h.line_id""";

    private final EarnedLineRepository lines;
    private final JsonMapper json;
    private final Clock clock;
    private final JdbcTemplate jdbc;
    /** None when no module pays lines (the ledger then knows no run), as in a module test without payouts. */
    private final ObjectProvider<Settlements> settlements;

    /**
     * Holds, until the calling transaction ends, the right to recompute one source's lines. Take it before
     * reading the facts the lines are computed from: two recomputations at once (two collections recorded
     * together) then run one after the other, the second seeing what the first committed.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lock(String sourceType, long sourceId) {
        jdbc.query("select pg_advisory_xact_lock(hashtextextended(?, 0))", row -> { },
                sourceType + ":" + sourceId);
    }

    /**
     * A line as screens show it: its explanation and any adjustments, still to be put into words, and the
     * payout run that holds it, if one does.
     */
    public record Line(long id, String rule, BigDecimal amount, String planVersion, LocalDate earnedOn,
            List<Explanation> explanation, Settlements.Settlement settlement) {

        public boolean approved() {
            return settlement != null && settlement.approved();
        }

        public boolean paid() {
            return settlement != null && settlement.paid();
        }

        /** The run that paid it; none until it is paid. */
        public Long payoutRunId() {
            return paid() ? settlement.runId() : null;
        }

        public LocalDate paidOn() {
            return paid() ? settlement.paidOn() : null;
        }
    }


    /** Brings {@code sourceType}/{@code sourceId}'s lines to {@code earned}; returns the lines it added. */
    @Transactional
    public List<Line> reconcile(String sourceType, long sourceId, long payeeId, List<BonusLine> earned) {
        List<EarnedLine> unmatched = new LinkedList<>(lines.findBySourceTypeAndSourceIdOrderByIdAsc(sourceType, sourceId));
        List<EarnedLine> added = new ArrayList<>();
        List<BonusLine> missing = new ArrayList<>();
        for (BonusLine line : earned) {
            String explanation = explain(line);
            boolean found = false;
            for (Iterator<EarnedLine> candidates = unmatched.iterator(); !found && candidates.hasNext(); ) {
                if (same(candidates.next(), line, explanation)) {
                    candidates.remove();
                    found = true;
                }
            }
            if (!found) {
                missing.add(line);
            }
        }
        for (EarnedLine stale : unmatched) {
            if (stale.getAmount().signum() == 0) {
                continue;
            }
            added.add(lines.save(new EarnedLine(payeeId, sourceType, sourceId, stale.getRule(),
                    stale.getAmount().negate(), stale.getPlanVersion(), stale.getEarnedOn(),
                    json.writeValueAsString(List.of(Explanation.of("explain.reversal", Money.show(stale.getAmount()),
                            stale.getEarnedOn()))), clock.instant())));
        }
        for (BonusLine line : missing) {
            added.add(lines.save(new EarnedLine(payeeId, sourceType, sourceId, line.rule(), line.amount(),
                    line.planVersion(), line.earnedOn(), explain(line), clock.instant())));
        }
        return toLines(added);
    }

    /**
     * Adds one line to a source's lines as it is, beside those already there: for a source whose lines are
     * corrected by the difference, never reversed and written again (R3's month).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Line append(String sourceType, long sourceId, long payeeId, BonusLine line) {
        return toLines(List.of(lines.save(new EarnedLine(payeeId, sourceType, sourceId, line.rule(), line.amount(),
                line.planVersion(), line.earnedOn(), explain(line), clock.instant())))).get(0);
    }

    /** The line {@code lineId} with its payee, if there is one. */
    @Transactional(readOnly = true)
    public Optional<Owned> line(long lineId) {
        return lines.findById(lineId).map(line -> new Owned(line.getPayeeId(), line.getSourceType(),
                line.getSourceId(), toLines(List.of(line)).get(0)));
    }

    /** A line, whose it is, and the source that earned it. */
    public record Owned(long payeeId, String sourceType, long sourceId, Line line) {
    }

    /**
     * Keeps the line out of payout runs until {@link #release} for {@code disputeId}: the weekly build passes a
     * held line by, and it is paid in the first run after its release. A line is held once.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean hold(long lineId, long disputeId, String reason, long heldBy) {
        return jdbc.update("""
                insert into line_hold (line_id, dispute_id, reason, held_by, held_at) values (?, ?, ?, ?, ?)
                on conflict (line_id) do nothing""", lineId, disputeId, reason, heldBy,
                java.sql.Timestamp.from(clock.instant())) == 1;
    }

    /** Ends the holds taken for {@code disputeId}: their lines are due again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void release(long disputeId) {
        jdbc.update("delete from line_hold where dispute_id = ?", disputeId);
    }

    /**
     * Keeps a line out of payout runs until {@link #releaseFor} {@code heldFor} (an approval it waits for); a line
     * held already stays held as it is.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void holdFor(long lineId, String heldFor, String reason) {
        jdbc.update("""
                insert into line_hold (line_id, held_for, reason, held_at) values (?, ?, ?, ?)
                on conflict (line_id) do nothing""", lineId, heldFor, reason, java.sql.Timestamp.from(clock.instant()));
    }

    /** Ends the holds taken for {@code heldFor}: their lines are due again. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void releaseFor(String heldFor) {
        jdbc.update("delete from line_hold where held_for = ?", heldFor);
    }

    /** A line held out of payout runs: the line, its payee, why, and the dispute it is held for, if any. */
    public record Held(long lineId, long payeeId, String rule, BigDecimal amount, LocalDate dueOn, Long disputeId,
            String reason) {
    }

    /** The hold on a line, if it is held. */
    @Transactional(readOnly = true)
    public Optional<Held> holdOf(long lineId) {
        return jdbc.query(HELD + " where h.line_id = ?", this::held, lineId).stream().findFirst();
    }

    /** The held lines due by {@code cutOff}: what a run of the week ending then passes by. */
    @Transactional(readOnly = true)
    public List<Held> heldDueBy(LocalDate cutOff) {
        return jdbc.query(HELD + " where l.due_on <= ? order by l.payee_id, l.id", this::held, cutOff);
    }

    private Held held(java.sql.ResultSet row, int n) throws SQLException {
        return new Held(row.getLong(1), row.getLong(2), row.getString(3), row.getBigDecimal(4),
                row.getObject(5, LocalDate.class), row.getObject(6, Long.class), row.getString(7));
    }

    /** Who has lines from sources of {@code sourceType}. */
    @Transactional(readOnly = true)
    public List<Long> payeesOf(String sourceType) {
        return lines.findPayeesBySourceType(sourceType);
    }

    @Transactional(readOnly = true)
    public List<Line> linesOf(String sourceType, long sourceId) {
        return toLines(lines.findBySourceTypeAndSourceIdOrderByIdAsc(sourceType, sourceId));
    }

    @Transactional(readOnly = true)
    public List<Line> linesOfPayee(long payeeId, LocalDate from, LocalDate to) {
        return toLines(lines.findByPayeeIdAndEarnedOnBetweenOrderByEarnedOnAscIdAsc(payeeId, from, to));
    }

    /** What one payee earned in one month ({@code yyyy-MM}), every rule together. */
    public record MonthTotal(long payeeId, String month, BigDecimal amount) {
    }

    /** What each of {@code payees} earned per month from {@code from} to {@code to}, by month then payee. */
    @Transactional(readOnly = true)
    public List<MonthTotal> monthTotals(Collection<Long> payees, LocalDate from, LocalDate to) {
        if (payees.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select payee_id, to_char(earned_on, 'YYYY-MM') as month, sum(amount) from earned_line"
                + " where payee_id = any(?) and earned_on between ? and ? group by 1, 2 order by 2, 1", statement -> {
                    statement.setArray(1, statement.getConnection().createArrayOf("bigint", payees.toArray()));
                    statement.setObject(2, from);
                    statement.setObject(3, to);
                }, (row, number) -> new MonthTotal(row.getLong(1), row.getString(2), row.getBigDecimal(3)));
    }

    /** What lines add up to in one month ({@code yyyy-MM}). */
    public record MonthAmount(String month, BigDecimal amount) {
    }

    /**
     * What the lines earned from {@code from} to {@code to} add up to per month, oldest first: everyone's, or only
     * {@code payees}' when given.
     */
    @Transactional(readOnly = true)
    public List<MonthAmount> totalsByMonth(Collection<Long> payees, LocalDate from, LocalDate to) {
        return jdbc.query("select to_char(earned_on, 'YYYY-MM'), sum(amount) from earned_line"
                + " where earned_on between ? and ?" + (payees == null ? "" : " and payee_id = any(?)")
                + " group by 1 order by 1", statement -> bindPeriod(statement, from, to, payees),
                (row, number) -> new MonthAmount(row.getString(1), row.getBigDecimal(2)));
    }

    /** What one payee's lines add up to. */
    public record PayeeAmount(long payeeId, BigDecimal amount) {
    }

    /** The {@code limit} payees among {@code payees} whose lines from {@code from} to {@code to} add up to most. */
    @Transactional(readOnly = true)
    public List<PayeeAmount> topEarners(Collection<Long> payees, LocalDate from, LocalDate to, int limit) {
        if (payees.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select payee_id, sum(amount) from earned_line where earned_on between ? and ?"
                + " and payee_id = any(?) group by 1 having sum(amount) > 0 order by 2 desc, 1 limit " + limit,
                statement -> bindPeriod(statement, from, to, payees),
                (row, number) -> new PayeeAmount(row.getLong(1), row.getBigDecimal(2)));
    }

    private static void bindPeriod(PreparedStatement statement, LocalDate from, LocalDate to,
            Collection<Long> payees) throws SQLException {
        statement.setObject(1, from);
        statement.setObject(2, to);
        if (payees != null) {
            statement.setArray(3, statement.getConnection().createArrayOf("bigint", payees.toArray()));
        }
    }

    /** Which of {@code sourceIds} have a line a payout run paid. */
    @Transactional(readOnly = true)
    public Set<Long> paidSources(String sourceType, Collection<Long> sourceIds) {
        if (sourceIds.isEmpty()) {
            return Set.of();
        }
        Map<Long, Long> sourceOfLine = new HashMap<>();
        jdbc.query("select id, source_id from earned_line where source_type = ? and source_id = any(?)", statement -> {
            statement.setString(1, sourceType);
            statement.setArray(2, statement.getConnection().createArrayOf("bigint", sourceIds.toArray()));
        }, row -> {
            sourceOfLine.put(row.getLong(1), row.getLong(2));
        });
        if (sourceOfLine.isEmpty()) {
            return Set.of();
        }
        Set<Long> paid = new HashSet<>();
        settlements.getIfAvailable(() -> lineIds -> Map.of()).of(List.copyOf(sourceOfLine.keySet()))
                .forEach((lineId, settlement) -> {
                    if (settlement.paid()) {
                        paid.add(sourceOfLine.get(lineId));
                    }
                });
        return paid;
    }

    /** The lines of {@code lineIds}, in the order of their date. */
    @Transactional(readOnly = true)
    public List<Line> lines(List<Long> lineIds) {
        return toLines(lines.findByIdInOrderByEarnedOnAscIdAsc(lineIds));
    }

    private boolean same(EarnedLine stored, BonusLine line, String explanation) {
        return stored.getRule() == line.rule() && stored.getAmount().compareTo(line.amount()) == 0
                && stored.getEarnedOn().equals(line.earnedOn()) && stored.getPlanVersion().equals(line.planVersion())
                && json.readTree(stored.getExplanation()).equals(json.readTree(explanation));
    }

    private String explain(BonusLine line) {
        return json.writeValueAsString(Stream.concat(Stream.of(line.explanation()), line.adjustments().stream()).toList());
    }

    /**
     * A stored line's explanation, as the ledger keeps it in {@code earned_line.explanation}: for readers that
     * stream lines straight from the table, such as the payout sheet.
     */
    public List<Explanation> explanations(String stored) {
        // read token by token: the payout sheet reads a million of these, and binding each to records through the
        // mapper took half of an export's time; anything but the shape the ledger writes goes through the mapper
        try (JsonParser parser = json.createParser(stored)) {
            List<Explanation> read = new ArrayList<>(2);
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                return json.readValue(stored, EXPLANATIONS);
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                String key = null;
                List<String> args = null;
                for (String name = parser.nextName(); name != null; name = parser.nextName()) {
                    if (name.equals("key") && parser.nextToken() == JsonToken.VALUE_STRING) {
                        key = parser.getString();
                    } else if (name.equals("args") && parser.nextToken() == JsonToken.START_ARRAY) {
                        args = new ArrayList<>(6);
                        for (String arg = parser.nextStringValue(); arg != null; arg = parser.nextStringValue()) {
                            args.add(arg);
                        }
                        if (parser.currentToken() != JsonToken.END_ARRAY) {
                            return json.readValue(stored, EXPLANATIONS);
                        }
                    } else {
                        return json.readValue(stored, EXPLANATIONS);
                    }
                }
                if (key == null || args == null) {
                    return json.readValue(stored, EXPLANATIONS);
                }
                read.add(new Explanation(key, args));
            }
            return parser.currentToken() == JsonToken.END_ARRAY ? read : json.readValue(stored, EXPLANATIONS);
        }
    }

    private List<Line> toLines(List<EarnedLine> stored) {
        Map<Long, Settlements.Settlement> held = stored.isEmpty() ? Map.of()
                : settlements.getIfAvailable(() -> lineIds -> Map.of())
                        .of(stored.stream().map(EarnedLine::getId).toList());
        return stored.stream().map(line -> new Line(line.getId(), line.getRule().name(), line.getAmount(),
                line.getPlanVersion(), line.getEarnedOn(), explanations(line.getExplanation()),
                held.get(line.getId()))).toList();
    }
}
