/**
 * People: accounts, roles, reporting lines, sign-in, and the administrators' screens for them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "People",
        allowedDependencies = {"refusal", "web"})
package com.bonusdesk.people;
