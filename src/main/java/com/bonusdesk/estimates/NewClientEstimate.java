package com.bonusdesk.estimates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.Collection;
import com.bonusdesk.calculation.NewClientFacts;
import com.bonusdesk.web.Amount;
import com.bonusdesk.web.SignedAmount;
import com.bonusdesk.web.PlausibleDate;

/** R1 and R2: a possible new-client order and the money collected on it. */
@Getter
@Setter
public final class NewClientEstimate extends EstimateInput {

    @NotNull(message = "{estimate.required}")
    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate orderDate;

    @NotNull(message = "{estimate.required}")
    @Amount
    private BigDecimal orderAmount;

    @NotNull(message = "{estimate.required}")
    @Min(value = 0, message = "{estimate.units.range}")
    @Max(value = 100_000_000, message = "{estimate.units.range}")
    private Integer units;

    private boolean belowListPrice;

    private boolean belowListApproved;

    private boolean packageDeal;

    @PlausibleDate

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate clientLastOrderDate;

    @Valid
    @Size(max = Limits.MAX_ROWS, message = "{estimate.rows.size}")
    private List<@NotNull(message = "{estimate.required}") CollectionRow> collections = new ArrayList<>();

    /** Money received on the order; a negative amount is a refund. */
    @Getter
    @Setter
    public static class CollectionRow {

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

    /** An absent list is an empty one; the list stays editable, as the page pads it with blank rows. */
    public void setCollections(List<CollectionRow> rows) {
        this.collections = rows == null ? new ArrayList<>() : new ArrayList<>(rows);
    }

    @Override
    BonusResult estimate(BonusCalculator calculator) {
        return calculator.newClient(new NewClientFacts(orderDate, orderAmount, units, belowListPrice,
                belowListApproved, packageDeal, clientLastOrderDate,
                collections.stream().map(row -> new Collection(row.getDate(), row.getAmount())).toList()));
    }
}
