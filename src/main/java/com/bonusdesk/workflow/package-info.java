/**
 * The approval workflow that claims, referrals and customer referrals share: a pre-save check and a registration
 * that only the first of two competing requests wins; a chain of steps, each taken by an approver the chain names,
 * never by the submitter and never twice by one person; a decision under an optimistic lock; and one timeline of
 * every change of status. What an item earns once decided stays with its module, which writes it to the ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Workflow",
        allowedDependencies = {"calculation", "people", "refusal"})
package com.bonusdesk.workflow;
