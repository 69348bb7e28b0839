package com.bonusdesk.workflow;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where one item's chain stands: each of its steps in order, taken or not, and the one open now. */
public record Progress(List<Step> steps) {

    public Progress {
        steps = List.copyOf(steps);
    }

    /** The step waiting for a decision; none before the item entered approval, or once it is decided. */
    public Optional<Step> next() {
        return steps.stream().filter(Step::open).findFirst();
    }

    /** The steps as the API tells them. */
    public List<Approval> approvals() {
        return steps.stream().map(step -> new Approval(step.step(), step.approver(), step.decidedBy(),
                step.decidedAt(), step.decision())).toList();
    }

    /** The open step as the API tells it; null when there is none. */
    public NextStep nextStep() {
        return next().map(step -> new NextStep(step.step(), step.approver())).orElse(null);
    }

    /**
     * One step: its number (from 1), its approver's code, the threshold it applies above, the item's amount it
     * was chosen by, and once taken, who decided what, when and why.
     */
    public record Step(int step, String approver, BigDecimal above, BigDecimal amount, String decidedBy,
            Instant decidedAt, String decision, String reason, boolean open) {
    }

    /** A step in the API: {@code role} is the approver's code, {@code decision} APPROVED, REJECTED or null. */
    public record Approval(int step, String role, String decidedBy, Instant decidedAt, String decision) {
    }

    /** The step an item waits for in the API. */
    public record NextStep(int step, String role) {
    }
}
