/**
 * Shared web plumbing: security, language, formatting, error pages and problem JSON. It knows no feature;
 * features use it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web",
        allowedDependencies = {"refusal"})
package com.bonusdesk.web;
