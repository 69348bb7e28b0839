/**
 * Customer referrals (R5, 老带新): a salesperson registers a new customer's first visit with the existing customer
 * who referred them; once the deal is signed and paid in full, the sales manager and then a general manager
 * approve the reward, which is paid to the referring customer; and the quarter's ranking of referring customers.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customer referrals",
        allowedDependencies = {"calculation", "calendar", "ledger", "people", "plans", "refusal", "web", "workflow"})
package com.bonusdesk.customerreferrals;
