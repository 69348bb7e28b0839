package com.bonusdesk.workflow;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.bonusdesk.people.Role;

/**
 * The ordered steps an item goes through before it is approved: each taken by an approver the step names, never
 * by the item's submitter, and never by one who took an earlier step of the same item. A step applies to items
 * whose amount is above its threshold (a threshold of 0 applies to every amount), and thresholds never fall from
 * one step to the next. For items someone must always decide (claims, referrals) the first step applies to every
 * amount; for computed money (a key account's subsidy, a dealer's rebate) an amount no step reaches is payable
 * without approval. A rejection at any step ends the chain.
 */
public record Chain(List<Step> steps) {

    /** More steps than this no plan needs; the editor offers this many rows. */
    public static final int MAX_STEPS = 5;

    public Chain {
        steps = List.copyOf(steps);
        Optional<Problem> problem = problemOf(steps, false);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("Not a chain: " + problem.get());
        }
    }

    public static Chain of(Step... steps) {
        return new Chain(List.of(steps));
    }

    /** The steps that apply to an item of {@code amount}, in order; none when no step reaches it. */
    public List<Step> stepsFor(BigDecimal amount) {
        return steps.stream().filter(step -> step.appliesTo(amount)).toList();
    }

    /**
     * What is wrong with {@code steps} as a chain, at which step (counted from 0), if anything; with
     * {@code everyAmountDecided}, also a first step that leaves some amounts to no approver.
     */
    public static Optional<Problem> problemOf(List<Step> steps, boolean everyAmountDecided) {
        if (steps.isEmpty()) {
            return Optional.of(new Problem(0, Problem.Kind.EMPTY, null));
        }
        if (steps.size() > MAX_STEPS) {
            return Optional.of(new Problem(MAX_STEPS, Problem.Kind.TOO_MANY, null));
        }
        for (int i = 0; i < steps.size(); i++) {
            BigDecimal above = steps.get(i).above();
            if (above.signum() < 0) {
                return Optional.of(new Problem(i, Problem.Kind.NEGATIVE, null));
            }
            if (i == 0 && everyAmountDecided && above.signum() != 0) {
                return Optional.of(new Problem(0, Problem.Kind.FIRST_NOT_EVERY_AMOUNT, null));
            }
            if (i > 0 && above.compareTo(steps.get(i - 1).above()) < 0) {
                return Optional.of(new Problem(i, Problem.Kind.FALLING, steps.get(i - 1).above()));
            }
        }
        return Optional.empty();
    }

    /** Why a list of steps is not a chain: the step it starts at, what is wrong, and the bound it broke. */
    public record Problem(int step, Kind kind, BigDecimal bound) {

        public enum Kind {
            EMPTY,
            TOO_MANY,
            NEGATIVE,
            FIRST_NOT_EVERY_AMOUNT,
            FALLING
        }
    }

    /** One step: who takes it, and the amount above which it applies (0: every amount). */
    public record Step(Approver approver, BigDecimal above) {

        public Step {
            if (approver == null || above == null) {
                throw new IllegalArgumentException("A step names its approver and threshold");
            }
        }

        public boolean appliesTo(BigDecimal amount) {
            return above.signum() == 0 || amount.compareTo(above) > 0;
        }
    }

    /** Who may take a step; its code is how plans, the database and the API name it. */
    public sealed interface Approver permits SubmittersManager, GeneralManagerOfLine, HoldingRole {

        String code();

        /** The approvers a chain may name, in the order the editor offers them. */
        static List<Approver> choices() {
            List<Approver> choices = new ArrayList<>(List.of(new SubmittersManager(), new GeneralManagerOfLine()));
            for (Role role : List.of(Role.DIRECTOR, Role.MANAGER, Role.HR, Role.FINANCE)) {
                choices.add(new HoldingRole(role));
            }
            return List.copyOf(choices);
        }

        /** The approver a code names, if it names one. */
        static Optional<Approver> ofCode(String code) {
            return choices().stream().filter(choice -> choice.code().equals(code)).findFirst();
        }
    }

    /** A manager above the submitter in the reporting line, directly or not. */
    public record SubmittersManager() implements Approver {

        @Override
        public String code() {
            return "SUBMITTERS_MANAGER";
        }
    }

    /** A general manager (director) above the submitter in the reporting line. */
    public record GeneralManagerOfLine() implements Approver {

        @Override
        public String code() {
            return "LINE_GENERAL_MANAGER";
        }
    }

    /** Anyone holding the role. */
    public record HoldingRole(Role role) implements Approver {

        @Override
        public String code() {
            return role.name();
        }
    }
}
