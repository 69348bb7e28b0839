/**
 * The audit trail: who changed what, when, from what to what, and why. It listens to the events other
 * modules publish and to Spring Security's sign-in events; nothing else writes to it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit",
        allowedDependencies = {"calendar", "claims", "clients", "customerreferrals", "dealers", "disputes",
                "keyaccounts", "notifications", "payouts", "people", "plans", "rebates", "referrals", "signals", "tokens", "web"})
package com.bonusdesk.audit;
