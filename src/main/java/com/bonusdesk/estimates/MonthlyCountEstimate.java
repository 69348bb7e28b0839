package com.bonusdesk.estimates;

import java.time.YearMonth;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.web.PlausibleDate;

/** R3: a month's count of new clients that earned an order-size bonus. */
@Getter
@Setter
public final class MonthlyCountEstimate extends EstimateInput {

    @NotNull(message = "{estimate.required}")
    @PlausibleDate
    @DateTimeFormat(pattern = "yyyy-MM")
    private YearMonth month;

    @NotNull(message = "{estimate.required}")
    @Min(value = 0, message = "{estimate.clients.range}")
    @Max(value = 100_000, message = "{estimate.clients.range}")
    private Integer earnedClients;

    @Override
    BonusResult estimate(BonusCalculator calculator) {
        return calculator.monthlyCount(month, earnedClients);
    }
}
