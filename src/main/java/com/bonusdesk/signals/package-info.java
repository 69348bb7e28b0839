/**
 * Fraud signals: a nightly review of the facts Bonus Desk holds for patterns that suggest a plan is being gamed
 * (split orders, shared bank accounts, related parties, bonuses paid on money refunded soon after), each explained
 * with its figures and items, for finance to dismiss with a reason or to hold the lines concerned.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Fraud signals",
        allowedDependencies = {"calculation", "ledger", "plans", "refusal", "web"})
package com.bonusdesk.signals;
