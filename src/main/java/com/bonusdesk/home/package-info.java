/**
 * The home page: what is waiting for the signed-in person, by role. Later features contribute their queues.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Home",
        allowedDependencies = {"claims", "customerreferrals", "disputes", "keyaccounts", "payouts", "people",
                "rebates", "referrals"})
package com.bonusdesk.home;
