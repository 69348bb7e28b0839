package com.bonusdesk.estimates;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.plans.ExplanationText;

/**
 * The facts of one what-if question. The API tells the kinds apart by {@code kind}; the page has a form per
 * kind. Bean Validation checks each field; {@link #problems()} the rules between fields.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
@JsonSubTypes({
        @JsonSubTypes.Type(value = NewClientEstimate.class, name = "NEW_CLIENT"),
        @JsonSubTypes.Type(value = ReferralEstimate.class, name = "REFERRAL"),
        @JsonSubTypes.Type(value = CustomerReferralEstimate.class, name = "CUSTOMER_REFERRAL"),
        @JsonSubTypes.Type(value = MonthlyCountEstimate.class, name = "MONTHLY_COUNT"),
        @JsonSubTypes.Type(value = KeyAccountEstimate.class, name = "KEY_ACCOUNT"),
        @JsonSubTypes.Type(value = DealerEstimate.class, name = "DEALER")})
public abstract sealed class EstimateInput permits NewClientEstimate, ReferralEstimate, CustomerReferralEstimate,
        MonthlyCountEstimate, KeyAccountEstimate, DealerEstimate {

    /** A problem with one field, as a message key. */
    public record Problem(String field, String key) {
    }

    abstract BonusResult estimate(BonusCalculator calculator);

    /** The answer in the reader's language: the result's lines, reasons and notes. */
    Estimate answer(BonusCalculator calculator, ExplanationText text, Locale locale) {
        return Estimate.of(estimate(calculator), text, locale);
    }

    List<Problem> problems() {
        return List.of();
    }
}
