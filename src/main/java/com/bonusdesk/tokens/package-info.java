/**
 * Personal API tokens: named, expiring, scoped credentials for machines, shown once, checked by a fast hash on
 * every instance, revocable at once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "API tokens",
        allowedDependencies = {"people", "refusal", "web"})
package com.bonusdesk.tokens;
