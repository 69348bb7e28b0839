package com.bonusdesk;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Demo mode seeds demo accounts and lists them on the login page. It follows the database unless
 * {@code bonusdesk.demo} says otherwise: the embedded database means a demo, a configured one means production.
 */
@Component
public class DemoMode {

    private final boolean enabled;
    private final boolean withActivity;

    DemoMode(BonusDeskProperties properties, Environment environment) {
        this.enabled = properties.demo() != null
                ? properties.demo()
                : !environment.containsProperty("spring.datasource.url");
        this.withActivity = enabled && properties.demoActivity();
    }

    public boolean isEnabled() {
        return enabled;
    }

    /** Whether demo mode also brings claims and collections, not only accounts and order history. */
    public boolean hasActivity() {
        return withActivity;
    }
}
