/**
 * The few ways Bonus Desk refuses a request, as the features say it: not found (or not the caller's to see), not
 * permitted, the wrong state, not eligible, invalid input. Features throw them; the web module maps each kind once,
 * to a problem for the API and to a message for the pages. It knows no feature and no framework.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Refusals",
        allowedDependencies = {})
package com.bonusdesk.refusal;
