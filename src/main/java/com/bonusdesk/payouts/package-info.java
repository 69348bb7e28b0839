/**
 * Where earned bonus lines are kept until they are paid: every line with its payee, rule, plan version, date
 * and explanation. The weekly payout run (a later issue) pays from here.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payouts")
package com.bonusdesk.payouts;
