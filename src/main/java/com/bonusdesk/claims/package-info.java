/**
 * New-client claims: a salesperson claims that an order opened a new client, the claim is checked before it
 * is saved, and the submitter's manager approves or rejects it. Every change of status is on its timeline.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Claims",
        allowedDependencies = {"calculation", "clients", "ledger", "payouts", "people", "plans", "refusal", "web",
                "workflow"})
package com.bonusdesk.claims;
