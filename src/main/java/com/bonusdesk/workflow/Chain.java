package com.bonusdesk.workflow;

import java.util.List;

import com.bonusdesk.people.Role;

/**
 * The ordered steps an item goes through before it is approved: each taken by an approver the step names, never
 * by the item's submitter, and never by one who took an earlier step of the same item. A rejection at any step
 * ends the chain.
 */
public record Chain(List<Step> steps) {

    public Chain {
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("A chain has at least one step");
        }
    }

    public static Chain of(Step... steps) {
        return new Chain(List.of(steps));
    }

    public Step step(int index) {
        return steps.get(index);
    }

    /** Whether approving step {@code index} approves the item: it is the last. */
    public boolean isLast(int index) {
        return index == steps.size() - 1;
    }

    /** One step of a chain: its name (for the timeline and screens) and who takes it. */
    public record Step(String name, Approver approver) {
    }

    /** Who may take a step. */
    public sealed interface Approver permits SubmittersManager, HoldingRole {
    }

    /** A manager above the submitter in the reporting line, directly or not. */
    public record SubmittersManager() implements Approver {
    }

    /** Anyone holding the role. */
    public record HoldingRole(Role role) implements Approver {
    }
}
