package com.bonusdesk.estimates;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusResult;

/**
 * The facts of one what-if question. The API tells the kinds apart by {@code kind}; the page has a form per
 * kind. Bean Validation checks each field; {@link #problems()} the rules between fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NewClientEstimate.class, name = "NEW_CLIENT"),
        @JsonSubTypes.Type(value = ReferralEstimate.class, name = "REFERRAL"),
        @JsonSubTypes.Type(value = CustomerReferralEstimate.class, name = "CUSTOMER_REFERRAL"),
        @JsonSubTypes.Type(value = MonthlyCountEstimate.class, name = "MONTHLY_COUNT")})
public abstract sealed class EstimateInput
        permits NewClientEstimate, ReferralEstimate, CustomerReferralEstimate, MonthlyCountEstimate {

    /** A problem with one field, as a message key. */
    public record Problem(String field, String key) {
    }

    abstract BonusResult estimate(BonusCalculator calculator);

    List<Problem> problems() {
        return List.of();
    }
}
