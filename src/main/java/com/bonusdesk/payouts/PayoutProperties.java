package com.bonusdesk.payouts;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.bonusdesk.people.Role;

/**
 * Settings of the weekly payout run, under {@code bonusdesk.payouts.*}.
 *
 * @param cron when, each day, to check whether it is the week's last working day and build the week's run
 *        (company time zone)
 * @param chunkSize how many lines the build moves per transaction
 * @param approverRole who approves or rejects a run (never the person who built it)
 */
@ConfigurationProperties("bonusdesk.payouts")
public record PayoutProperties(
        @DefaultValue("0 0 17 * * *") String cron,
        @DefaultValue("50000") int chunkSize,
        @DefaultValue("DIRECTOR") Role approverRole) {
}
