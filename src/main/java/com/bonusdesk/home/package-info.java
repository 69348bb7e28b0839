/**
 * The home page of each role: what is waiting for the signed-in person, and the picture of their work in charts
 * and tables, computed from the ledger and the workflows; its figures also as JSON.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home",
        allowedDependencies = {"calculation", "claims", "customerreferrals", "disputes", "keyaccounts", "ledger",
                "payouts", "people", "plans", "rebates", "referrals", "refusal", "workflow"})
package com.bonusdesk.home;
