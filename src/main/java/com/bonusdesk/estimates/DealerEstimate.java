package com.bonusdesk.estimates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.DealerOrder;
import com.bonusdesk.web.Amount;
import com.bonusdesk.web.PlausibleDate;
import com.bonusdesk.web.SignedAmount;

/**
 * R8: a dealer's orders of one month (a return is a negative order) and, when both are given, its annual target
 * and the year's total so far.
 */
@Getter
@Setter
public final class DealerEstimate extends EstimateInput {

    @NotNull(message = "{estimate.required}")
    @PlausibleDate
    @DateTimeFormat(pattern = "yyyy-MM")
    private YearMonth month;

    @Valid
    @Size(max = Limits.MAX_ROWS, message = "{estimate.rows.size}")
    private List<@NotNull(message = "{estimate.required}") OrderRow> orders = new ArrayList<>();

    @Amount
    private BigDecimal annualTarget;

    @Amount
    private BigDecimal yearTotal;

    /** One order of the month; a negative amount is a return. */
    @Getter
    @Setter
    public static class OrderRow {

        @NotNull(message = "{estimate.required}")
        @PlausibleDate
        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
        private LocalDate date;

        @NotNull(message = "{estimate.required}")
        @SignedAmount
        private BigDecimal amount;

        boolean isBlank() {
            return date == null && amount == null;
        }
    }

    /** An absent list is an empty one. */
    public void setOrders(List<OrderRow> rows) {
        this.orders = rows == null ? new ArrayList<>() : new ArrayList<>(rows);
    }

    @Override
    List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < orders.size(); i++) {
            OrderRow row = orders.get(i);
            if (month != null && row != null && row.getDate() != null && !YearMonth.from(row.getDate()).equals(month)) {
                problems.add(new Problem("orders[" + i + "].date", "estimate.order.outsideMonth"));
            }
        }
        if (annualTarget != null && annualTarget.signum() <= 0) {
            problems.add(new Problem("annualTarget", "estimate.dealer.targetPositive"));
        }
        if ((annualTarget == null) != (yearTotal == null)) {
            problems.add(new Problem(annualTarget == null ? "annualTarget" : "yearTotal", "estimate.dealer.yearBoth"));
        }
        return problems;
    }

    @Override
    BonusResult estimate(BonusCalculator calculator) {
        List<DealerOrder> placed = IntStream.range(0, orders.size()).mapToObj(i -> new DealerOrder("#" + (i + 1),
                orders.get(i).getDate(), orders.get(i).getAmount())).toList();
        BonusResult monthly = calculator.dealerMonth(month, placed);
        if (annualTarget == null || yearTotal == null) {
            return monthly;
        }
        BonusResult annual = calculator.dealerYear(month.getYear(), annualTarget, yearTotal);
        return new BonusResult(monthly.eligible() && annual.eligible(),
                Stream.concat(monthly.reasons().stream(), annual.reasons().stream()).toList(),
                Stream.concat(monthly.lines().stream(), annual.lines().stream()).toList(),
                Stream.concat(monthly.notes().stream(), annual.notes().stream()).toList());
    }
}
