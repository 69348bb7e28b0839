package com.bonusdesk.estimates;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.CustomerReferralFacts;
import com.bonusdesk.calculation.PropertyType;

/** R5: a possible customer referral (老带新). */
@Getter
@Setter
public final class CustomerReferralEstimate extends EstimateInput {

    @NotNull(message = "{estimate.required}")
    private PropertyType propertyType;

    @NotNull(message = "{estimate.required}")
    @DecimalMin(value = "0.00", message = "{estimate.amount.range}")
    @DecimalMax(value = Limits.MAX_AMOUNT, message = "{estimate.amount.range}")
    @Digits(integer = Limits.AMOUNT_DIGITS, fraction = Limits.AMOUNT_DECIMALS, message = "{estimate.amount.digits}")
    private BigDecimal dealAmount;

    @NotNull(message = "{estimate.required}")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate signedDate;

    private boolean paidInFull;

    @Override
    BonusResult estimate(BonusCalculator calculator) {
        return calculator.customerReferral(new CustomerReferralFacts(propertyType, dealAmount, signedDate, paidInFull));
    }
}
