package com.bonusdesk.estimates;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.CustomerReferralFacts;
import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.web.Amount;
import com.bonusdesk.web.PlausibleDate;

/** R5: a possible customer referral (老带新). */
@Getter
@Setter
public final class CustomerReferralEstimate extends EstimateInput {

    @NotNull(message = "{estimate.required}")
    private PropertyType propertyType;

    @NotNull(message = "{estimate.required}")
    @Amount
    private BigDecimal dealAmount;

    @NotNull(message = "{estimate.required}")
    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate signedDate;

    private boolean paidInFull;

    @Override
    BonusResult estimate(BonusCalculator calculator) {
        return calculator.customerReferral(new CustomerReferralFacts(propertyType, dealAmount, signedDate, paidInFull));
    }
}
