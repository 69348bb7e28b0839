/**
 * Incentive plans as effective-dated versions: the shipped defaults, drafting and publishing new versions,
 * the rules in force for everyone to read, and the bonus rules service that computes with them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Plans",
        allowedDependencies = {"calculation", "calendar", "refusal", "web", "workflow"})
package com.bonusdesk.plans;
