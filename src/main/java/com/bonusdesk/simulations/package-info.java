/**
 * Plan simulation: a plan version, draft or published, replayed over a period of real history through the same
 * calculation as real lines, against the versions actually in force, writing nothing but the simulation's result.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Simulations",
        allowedDependencies = {"calculation", "claims", "people", "plans", "refusal", "web"})
package com.bonusdesk.simulations;
