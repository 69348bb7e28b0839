package com.bonusdesk.customerreferrals;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import lombok.Getter;
import lombok.Setter;
import org.springframework.format.annotation.DateTimeFormat;

import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.web.PlausibleDate;

/** What the salesperson registers at a new customer's first visit; the API takes the same fields. */
@Getter
@Setter
public class FirstVisitForm {

    private static final String MOBILE = "1[3-9][0-9]{9}";

    @NotBlank(message = "{customerReferral.name.required}")
    @Size(max = 100, message = "{customerReferral.name.size}")
    private String visitorName;

    @NotBlank(message = "{customerReferral.mobile.required}")
    @Pattern(regexp = "^$|" + MOBILE, message = "{customerReferral.mobile.pattern}")
    private String visitorMobile;

    @NotBlank(message = "{customerReferral.name.required}")
    @Size(max = 100, message = "{customerReferral.name.size}")
    private String referrerName;

    @NotBlank(message = "{customerReferral.mobile.required}")
    @Pattern(regexp = "^$|" + MOBILE, message = "{customerReferral.mobile.pattern}")
    private String referrerMobile;

    @NotBlank(message = "{referral.contractNumber.required}")
    @Size(max = 50, message = "{referral.contractNumber.size}")
    private String referrerContractNumber;

    @NotNull(message = "{customerReferral.propertyType.required}")
    private PropertyType propertyType;

    @NotNull(message = "{referral.relationship.required}")
    private Relationship relationship = Relationship.NONE;

    /** The day of the visitor's first visit as reception recorded it; today when not given. */
    @PlausibleDate
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate firstVisitOn;

    /** Why the fields do not go together, as a field and a message key; none when they do. */
    Optional<Refusal.FieldProblem> crossFieldProblem(LocalDate today) {
        return firstVisitOn != null && firstVisitOn.isAfter(today)
                ? Optional.of(new Refusal.FieldProblem("firstVisitOn", "customerReferral.firstVisitOn.future"))
                : Optional.empty();
    }

    CustomerReferral.FirstVisit visit(LocalDate today) {
        return new CustomerReferral.FirstVisit(visitorName.strip(), visitorMobile.strip(), referrerName.strip(),
                referrerMobile.strip(), referrerContractNumber.strip(), propertyType, relationship,
                firstVisitOn == null ? today : firstVisitOn);
    }
}
