package com.bonusdesk.referrals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.clients.ClientCode;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.Amount;
import com.bonusdesk.web.PlausibleDate;

/** What a referrer types to apply for a sales referral bonus; the API takes the same fields as JSON. */
@Getter
@Setter
public class ReferralForm {

    @NotBlank(message = "{claim.clientCode.required}")
    private String clientCode;

    @NotBlank(message = "{claim.clientName.required}")
    @Size(max = 200, message = "{claim.clientName.size}")
    private String clientName;

    @NotBlank(message = "{referral.contractNumber.required}")
    @Size(max = 50, message = "{referral.contractNumber.size}")
    private String contractNumber;

    @NotNull(message = "{estimate.required}")
    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate signedDate;

    @NotNull(message = "{estimate.required}")
    @Amount
    private BigDecimal contractAmount;

    @NotNull(message = "{estimate.required}")
    @Amount
    private BigDecimal clientAnnualSales;

    @NotNull(message = "{referral.relationship.required}")
    private Relationship relationship = Relationship.NONE;

    @Size(max = 1000, message = "{claim.note.size}")
    private String evidence;

    public void setClientName(String clientName) {
        this.clientName = clientName == null ? null : clientName.strip();
    }

    public void setContractNumber(String contractNumber) {
        this.contractNumber = contractNumber == null ? null : contractNumber.strip();
    }

    /** Why the fields, each valid, do not go together, as a field and a message key; none when they do. */
    Optional<Refusal.FieldProblem> crossFieldProblem(LocalDate today) {
        if (ClientCode.parse(clientCode).isEmpty()) {
            return Optional.of(new Refusal.FieldProblem("clientCode", "claim.clientCode.invalid"));
        }
        if (signedDate.isAfter(today)) {
            return Optional.of(new Refusal.FieldProblem("signedDate", "referral.signedDate.future"));
        }
        return Optional.empty();
    }

    /** The facts as the application records them; call only once the form is valid. */
    ReferralFacts facts() {
        return new ReferralFacts(ClientCode.parse(clientCode).orElseThrow().value(), clientName, contractNumber,
                signedDate, Money.cents(contractAmount), Money.cents(clientAnnualSales), relationship,
                evidence == null || evidence.isBlank() ? null : evidence.strip());
    }
}
