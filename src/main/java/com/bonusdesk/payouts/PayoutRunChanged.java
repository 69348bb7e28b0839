package com.bonusdesk.payouts;

/** Published whenever a payout run changes status, inside the transaction that changed it. */
public record PayoutRunChanged(String actor, long runId, String label, String from, String to, String reason) {

    /** Whether the build only stopped for a shutdown: the next instance to start resumes it by itself. */
    public boolean stoppedForShutdown() {
        return PayoutRunStatus.FAILED.name().equals(to) && PayoutRunListener.STOPPED.equals(reason);
    }

    static PayoutRunChanged of(String actor, PayoutRun run, PayoutRunStatus from, String reason) {
        return new PayoutRunChanged(actor, run.getId(), run.label(), from == null ? null : from.name(),
                run.getStatus().name(), reason);
    }
}
