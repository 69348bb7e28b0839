package com.bonusdesk.signals;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Thresholds of the fraud signals, under {@code bonusdesk.signals.*}.
 *
 * @param splitOrderDays orders of one client by one salesperson this many days apart or closer are looked at together
 * @param clawbackDays money refunded this many days after it came in, or sooner, on an order whose bonus was paid
 * @param renameDays a client renamed (a new name on its orders) this many days before its claimed order, or fewer
 * @param clusterMargin an amount at most this share above a boundary (0.05: 5%) sits "just above" it
 * @param clusterFactor a salesperson is flagged whose share of amounts just above is this many times the company's
 * @param clusterMinShare and at least this share of their claims
 * @param clusterMinClaims and who claimed at least this many orders
 * @param clusterDays over the claims of this many days back
 * @param timingDays the days before a plan version ends that are looked at
 * @param timingFactor a salesperson is flagged who submitted this many times their usual daily number in those days
 * @param timingMinClaims and at least this many claims
 * @param timingBaselineDays their usual daily number is taken over this many days before
 * @param cron when the nightly review runs (company time zone)
 */
@ConfigurationProperties("bonusdesk.signals")
public record SignalSettings(
        @DefaultValue("7") int splitOrderDays,
        @DefaultValue("30") int clawbackDays,
        @DefaultValue("30") int renameDays,
        @DefaultValue("0.05") BigDecimal clusterMargin,
        @DefaultValue("3") int clusterFactor,
        @DefaultValue("0.3") BigDecimal clusterMinShare,
        @DefaultValue("5") int clusterMinClaims,
        @DefaultValue("180") int clusterDays,
        @DefaultValue("3") int timingDays,
        @DefaultValue("3") int timingFactor,
        @DefaultValue("3") int timingMinClaims,
        @DefaultValue("60") int timingBaselineDays,
        @DefaultValue("0 0 2 * * *") String cron) {
}
