package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.clients.ClientCode;
import com.bonusdesk.web.Amount;
import com.bonusdesk.web.PlausibleDate;

/** What a salesperson types to claim a new client. */
@Getter
@Setter
public class ClaimForm {

    @NotBlank(message = "{claim.clientCode.required}")
    private String clientCode;

    @NotBlank(message = "{claim.clientName.required}")
    @Size(max = 200, message = "{claim.clientName.size}")
    private String clientName;

    @NotBlank(message = "{claim.orderNumber.required}")
    @Size(max = 50, message = "{claim.orderNumber.size}")
    private String orderNumber;

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

    private boolean packageDeal;

    @Size(max = 1000, message = "{claim.note.size}")
    private String note;

    public void setClientName(String clientName) {
        this.clientName = clientName == null ? null : clientName.strip();
    }

    public void setOrderNumber(String orderNumber) {
        this.orderNumber = orderNumber == null ? null : orderNumber.strip();
    }

    /** The facts as the claim records them; call only once the form is valid. */
    ClaimFacts facts() {
        return new ClaimFacts(ClientCode.parse(clientCode).orElseThrow().value(), clientName, orderNumber, orderDate,
                Money.cents(orderAmount), units, belowListPrice, packageDeal,
                note == null || note.isBlank() ? null : note.strip());
    }

    boolean hasValidClientCode() {
        return ClientCode.parse(clientCode).isPresent();
    }
}
