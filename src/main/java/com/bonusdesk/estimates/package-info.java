/**
 * The what-if estimator: anyone signed in enters the facts of a possible deal or referral and sees what it
 * would earn and why, on a page or through the API. Nothing is saved.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Estimates",
        allowedDependencies = {"calculation", "plans", "refusal", "web"})
package com.bonusdesk.estimates;
