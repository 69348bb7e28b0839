/**
 * What the incentives paid to customers share (key accounts, dealers): a month's or year's money above its plan's
 * threshold waits for approval before it is payable, its lines held out of payout runs meanwhile.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Rebate approvals",
        allowedDependencies = {"ledger", "people", "refusal", "web", "workflow"})
package com.bonusdesk.rebates;
