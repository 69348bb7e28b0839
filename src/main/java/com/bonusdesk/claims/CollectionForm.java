package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;
import com.bonusdesk.web.SignedAmount;
import com.bonusdesk.web.PlausibleDate;

/** What finance types to record money received on an order. */
@Getter
@Setter
public class CollectionForm {

    @NotBlank(message = "{claim.orderNumber.required}")
    @Size(max = 50, message = "{claim.orderNumber.size}")
    private String orderNumber;

    @NotNull(message = "{estimate.required}")
    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate receivedOn;

    @NotNull(message = "{estimate.required}")
    @SignedAmount
    private BigDecimal amount;

    @NotBlank(message = "{collection.reference.required}")
    @Size(max = 64, message = "{collection.reference.size}")
    private String reference;

    public void setOrderNumber(String orderNumber) {
        this.orderNumber = orderNumber == null ? null : orderNumber.strip();
    }

    public void setReference(String reference) {
        this.reference = reference == null ? null : reference.strip();
    }
}
