package com.bonusdesk.disputes;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of disputes and adjustments, under {@code bonusdesk.disputes.*}.
 *
 * @param answerWorkingDays how many working days of the company calendar finance has to answer a dispute
 * @param approvalAbove an adjustment of more than this (either way) waits for a second person's approval
 */
@ConfigurationProperties("bonusdesk.disputes")
public record DisputeProperties(
        @DefaultValue("5") int answerWorkingDays,
        @DefaultValue("500.00") BigDecimal approvalAbove) {
}
