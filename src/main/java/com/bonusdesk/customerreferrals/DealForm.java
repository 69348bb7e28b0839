package com.bonusdesk.customerreferrals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.Amount;
import com.bonusdesk.web.PlausibleDate;

/** The new customer's deal as the salesperson records it, with where the referring customer is paid. */
@Getter
@Setter
public class DealForm {

    @NotBlank(message = "{referral.contractNumber.required}")
    @Size(max = 50, message = "{referral.contractNumber.size}")
    private String contractNumber;

    @NotNull(message = "{estimate.required}")
    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate signedDate;

    @NotNull(message = "{estimate.required}")
    @Amount
    private BigDecimal dealAmount;

    @NotNull(message = "{customerReferral.propertyType.required}")
    private PropertyType propertyType;

    private boolean paidInFull;

    @Size(max = 100, message = "{person.bankName.size}")
    private String referrerBankName;

    @Pattern(regexp = "^$|[0-9 ]{8,40}", message = "{person.bankAccount.pattern}")
    private String referrerBankAccount;

    CustomerReferral.Deal deal() {
        String account = referrerBankAccount == null ? "" : referrerBankAccount.replace(" ", "");
        return new CustomerReferral.Deal(contractNumber.strip(), signedDate, Money.cents(dealAmount), propertyType,
                paidInFull, referrerBankName == null || referrerBankName.isBlank() ? null : referrerBankName.strip(),
                account.isEmpty() ? null : account);
    }

    /** Why the fields do not go together, as a field and a message key; none when they do. */
    Optional<Refusal.FieldProblem> crossFieldProblem(LocalDate today, boolean earnsAReward) {
        CustomerReferral.Deal deal = deal();
        if (signedDate.isAfter(today)) {
            return Optional.of(new Refusal.FieldProblem("signedDate", "referral.signedDate.future"));
        }
        if (deal.referrerBankAccount() != null && deal.referrerBankAccount().length() > 34) {
            return Optional.of(new Refusal.FieldProblem("referrerBankAccount", "person.bankAccount.pattern"));
        }
        if (paidInFull && earnsAReward && deal.referrerBankName() == null) {
            return Optional.of(new Refusal.FieldProblem("referrerBankName", "customerReferral.bank.required"));
        }
        if (paidInFull && earnsAReward && deal.referrerBankAccount() == null) {
            return Optional.of(new Refusal.FieldProblem("referrerBankAccount", "customerReferral.bank.required"));
        }
        return Optional.empty();
    }
}
