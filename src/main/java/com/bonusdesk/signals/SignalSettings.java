package com.bonusdesk.signals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the fraud signals, under {@code bonusdesk.signals.*}.
 *
 * @param splitOrderDays orders of one client by one salesperson this many days apart or closer are looked at together
 * @param clawbackDays money refunded this many days after it came in, or sooner, on an order whose bonus was paid
 * @param cron when the nightly review runs (company time zone)
 */
@ConfigurationProperties("bonusdesk.signals")
public record SignalSettings(
        @DefaultValue("7") int splitOrderDays,
        @DefaultValue("30") int clawbackDays,
        @DefaultValue("0 0 2 * * *") String cron) {
}
