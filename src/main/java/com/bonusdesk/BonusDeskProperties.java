package com.bonusdesk;

import java.nio.file.Path;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings under {@code bonusdesk.*}; every one has a default so that the app starts with none.
 *
 * @param dataDir where the embedded PostgreSQL keeps its files between restarts
 * @param zone the company's time zone: it decides which calendar day an event belongs to
 * @param demo whether to seed the demo accounts; unset means "when running on the embedded database"
 * @param demoActivity in demo mode, whether to seed a few weeks of claims and collections, so that a first
 *        payout run has something to pay
 * @param admin the first administrator of a production installation
 */
@ConfigurationProperties("bonusdesk")
public record BonusDeskProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("Asia/Shanghai") ZoneId zone,
        Boolean demo,
        @DefaultValue("true") boolean demoActivity,
        @DefaultValue Admin admin) {

    /**
     * Read from {@code BONUSDESK_ADMIN_USERNAME} / {@code BONUSDESK_ADMIN_PASSWORD}; used only while no
     * administrator exists.
     */
    public record Admin(String username, String password) {

        public boolean isGiven() {
            return username != null && !username.isBlank() && password != null && !password.isBlank();
        }
    }
}
