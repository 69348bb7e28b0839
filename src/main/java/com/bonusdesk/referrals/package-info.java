/**
 * Sales referral applications (R4): an employee refers a new client after it signs, HR reviews the queue
 * and decides, and an approved referral earns its explained lines in the ledger.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referrals",
        allowedDependencies = {"calculation", "clients", "ledger", "people", "plans", "refusal", "web", "workflow"})
package com.bonusdesk.referrals;
