/**
 * The company calendar: public holidays and make-up working days, maintained by administrators, and the
 * working-day arithmetic the rules use (deadlines, payout days).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Calendar",
        allowedDependencies = {"calculation", "refusal", "web"})
package com.bonusdesk.calendar;
