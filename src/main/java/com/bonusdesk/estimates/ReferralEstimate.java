package com.bonusdesk.estimates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.SalesReferralFacts;
import com.bonusdesk.web.Amount;
import com.bonusdesk.web.PlausibleDate;

/** R4: a possible sales referral, filed on a date, with the client's monthly contracts for the kicker. */
@Getter
@Setter
public final class ReferralEstimate extends EstimateInput {

    @NotNull(message = "{estimate.required}")
    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate signedDate;

    @NotNull(message = "{estimate.required}")
    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate applicationDate;

    @NotNull(message = "{estimate.required}")
    @Amount
    private BigDecimal contractAmount;

    @NotNull(message = "{estimate.required}")
    @Amount
    private BigDecimal clientAnnualSales;

    @Valid
    @Size(max = Limits.MAX_ROWS, message = "{estimate.rows.size}")
    private List<@NotNull(message = "{estimate.required}") MonthRow> monthlyContractAmounts = new ArrayList<>();

    /** The referred client's contracts in one month. */
    @Getter
    @Setter
    public static class MonthRow {

        @NotNull(message = "{estimate.required}")
        @PlausibleDate
        @DateTimeFormat(pattern = "yyyy-MM")
        private YearMonth month;

        @NotNull(message = "{estimate.required}")
        @Amount
        private BigDecimal amount;

        boolean isBlank() {
            return month == null && amount == null;
        }
    }

    /** An absent list is an empty one; the list stays editable, as the page pads it with blank rows. */
    public void setMonthlyContractAmounts(List<MonthRow> rows) {
        this.monthlyContractAmounts = rows == null ? new ArrayList<>() : new ArrayList<>(rows);
    }

    @Override
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (signedDate != null && applicationDate != null && applicationDate.isBefore(signedDate)) {
            problems.add(new Problem("applicationDate", "estimate.applicationBeforeSigning"));
        }
        List<YearMonth> months = monthlyContractAmounts.stream().map(MonthRow::getMonth).toList();
        for (int i = 0; i < months.size(); i++) {
            if (months.get(i) != null && months.indexOf(months.get(i)) != i) {
                problems.add(new Problem("monthlyContractAmounts[" + i + "].month", "estimate.monthRepeated"));
            }
        }
        return problems;
    }

    @Override
    BonusResult estimate(BonusCalculator calculator) {
        Map<YearMonth, BigDecimal> months = new LinkedHashMap<>();
        monthlyContractAmounts.forEach(row -> months.put(row.getMonth(), row.getAmount()));
        return calculator.salesReferral(new SalesReferralFacts(signedDate, applicationDate, contractAmount,
                clientAnnualSales, months));
    }
}
