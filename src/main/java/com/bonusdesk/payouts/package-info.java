/**
 * Weekly payout runs: the Spring Batch job that gathers the week's due lines from the ledger and nets them per
 * payee, the run's approval and payment, its payout sheet and the payees' statements. It reads the ledger and
 * never writes a line.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payouts",
        allowedDependencies = {"calculation", "calendar", "ledger", "people", "plans", "refusal", "web"})
package com.bonusdesk.payouts;
