package com.bonusdesk.estimates;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.Locale;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.KeyAccountFacts;
import com.bonusdesk.calculation.KeyAccountMode;
import com.bonusdesk.calculation.KeyAccountResult;
import com.bonusdesk.calculation.Money;
import com.bonusdesk.plans.ExplanationText;
import com.bonusdesk.web.PlausibleDate;
import com.bonusdesk.web.SignedAmount;

/**
 * R7: a key account's month, its purchases (returns deducted) and its mode; from the agreement threshold on, the
 * rate of its individual agreement in percent.
 */
@Getter
@Setter
public final class KeyAccountEstimate extends EstimateInput {

    @NotNull(message = "{estimate.required}")
    @PlausibleDate
    @DateTimeFormat(pattern = "yyyy-MM")
    private YearMonth month;

    @NotNull(message = "{estimate.required}")
    @SignedAmount
    private BigDecimal monthlyPurchases;

    @NotNull(message = "{estimate.required}")
    private KeyAccountMode mode;

    @DecimalMin(value = "0", message = "{estimate.percent.range}")
    @DecimalMax(value = "100", message = "{estimate.percent.range}")
    @Digits(integer = 3, fraction = 4, message = "{estimate.percent.range}")
    private BigDecimal agreementRate;

    @Override
    BonusResult estimate(BonusCalculator calculator) {
        return month(calculator).result();
    }

    /** A discount month answers with the rate off the next month's orders, and no amount. */
    @Override
    Estimate answer(BonusCalculator calculator, ExplanationText text, Locale locale) {
        KeyAccountResult result = month(calculator);
        BigDecimal percent = result.hasDiscount() ? Money.inPercent(result.discountRate()) : null;
        return Estimate.of(result.result(), text, locale).withDiscount(percent, result.appliesTo());
    }

    private KeyAccountResult month(BonusCalculator calculator) {
        KeyAccountFacts.Agreement agreement = agreementRate == null ? null
                : new KeyAccountFacts.Agreement(agreementRate.movePointLeft(2), null);
        return calculator.keyAccountMonth(new KeyAccountFacts(month, monthlyPurchases, mode, agreement));
    }
}
