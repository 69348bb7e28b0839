/**
 * Key accounts (大客户, R7): the clients finance designates, their class and the mode chosen for the plan year,
 * each closed month's purchases and what they give (a cash subsidy paid to the client, or next month's discount
 * exported for the ERP), recomputed nightly until the month is final.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Key accounts",
        allowedDependencies = {"calculation", "clients", "ledger", "people", "plans", "rebates", "refusal", "web",
                "workflow"})
package com.bonusdesk.keyaccounts;
