/**
 * The ledger of earned lines: every line with its payee, rule, plan version, date and explanation, appended and
 * never changed (a later fact adds a reversing line). Claims, referrals and customer referrals write their lines
 * here; payout runs read them and say, through {@link com.bonusdesk.ledger.Settlements}, which run holds a line.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Ledger",
        allowedDependencies = {"calculation", "plans"})
package com.bonusdesk.ledger;
