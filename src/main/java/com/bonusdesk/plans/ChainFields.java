package com.bonusdesk.plans;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.bonusdesk.calculation.Explanation;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.workflow.Chain;

/**
 * The plan editor's approval chain: one row per step, an approver and the amount above which the step applies
 * (blank: every amount). Empty rows at the end are spare; an empty row between steps is a gap.
 */
final class ChainFields {

    private ChainFields() {
    }

    /** The rows the editor shows for a chain: its steps, then empty rows up to the most a chain may have. */
    static List<Row> rowsOf(Chain chain) {
        List<Row> rows = new ArrayList<>();
        chain.steps().forEach(step -> rows.add(new Row(step.approver().code(),
                step.above().signum() == 0 ? "" : step.above().setScale(2).toPlainString())));
        while (rows.size() < Chain.MAX_STEPS) {
            rows.add(new Row("", ""));
        }
        return rows;
    }

    /** A row as typed. */
    record Row(String approver, String above) {

        boolean isEmpty() {
            return approver.isBlank() && above.isBlank();
        }
    }

    /**
     * The chain the rows describe, or what is wrong with which field ({@code chain.N.approver|above}); with
     * {@code everyAmountDecided} the first step must apply to every amount.
     */
    static Parsed parse(List<String> approvers, List<String> thresholds, boolean everyAmountDecided) {
        int count = Math.max(approvers.size(), thresholds.size());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new Row(i < approvers.size() ? approvers.get(i).strip() : "",
                    i < thresholds.size() ? thresholds.get(i).strip().replace(",", "") : ""));
        }
        while (!rows.isEmpty() && rows.get(rows.size() - 1).isEmpty()) {
            rows.remove(rows.size() - 1);
        }
        Map<String, Explanation> problems = new LinkedHashMap<>();
        List<Chain.Step> steps = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.isEmpty()) {
                problems.put(key(i, "approver"), Explanation.of("plan.chain.gap"));
                continue;
            }
            Optional<Chain.Approver> approver = Chain.Approver.ofCode(row.approver());
            if (approver.isEmpty()) {
                problems.put(key(i, "approver"), Explanation.of("plan.chain.approverRequired"));
            }
            Optional<BigDecimal> above = threshold(row.above(), key(i, "above"), problems);
            if (approver.isPresent() && above.isPresent()) {
                steps.add(new Chain.Step(approver.get(), above.get()));
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, problems);
        }
        Optional<Chain.Problem> problem = Chain.problemOf(steps, everyAmountDecided);
        if (problem.isEmpty()) {
            return new Parsed(new Chain(steps), Map.of());
        }
        Chain.Problem found = problem.get();
        return new Parsed(null, Map.of(key(found.step(), found.kind() == Chain.Problem.Kind.EMPTY
                || found.kind() == Chain.Problem.Kind.TOO_MANY ? "approver" : "above"), switch (found.kind()) {
                    case EMPTY -> Explanation.of("plan.chain.empty");
                    case TOO_MANY -> Explanation.of("plan.chain.tooMany", Chain.MAX_STEPS);
                    case NEGATIVE -> Explanation.of("plan.invalid.amount");
                    case FIRST_NOT_EVERY_AMOUNT -> Explanation.of("plan.chain.firstEveryAmount");
                    case FALLING -> Explanation.of("plan.chain.ascending", Money.show(found.bound()));
                }));
    }

    /** The parsed chain, or the problems by field. */
    record Parsed(Chain chain, Map<String, Explanation> problems) {
    }

    private static Optional<BigDecimal> threshold(String typed, String key, Map<String, Explanation> problems) {
        if (typed.isEmpty()) {
            return Optional.of(Money.ZERO);
        }
        try {
            BigDecimal amount = new BigDecimal(typed);
            if (amount.signum() < 0 || amount.compareTo(Money.MAX) > 0) {
                problems.put(key, Explanation.of("plan.invalid.amount"));
                return Optional.empty();
            }
            if (amount.stripTrailingZeros().scale() > 2) {
                problems.put(key, Explanation.of("plan.invalid.cents"));
                return Optional.empty();
            }
            return Optional.of(Money.cents(amount));
        } catch (NumberFormatException e) {
            problems.put(key, Explanation.of("plan.invalid.number"));
            return Optional.empty();
        }
    }

    private static String key(int row, String field) {
        return "chain." + row + "." + field;
    }
}
