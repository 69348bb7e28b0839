package com.bonusdesk.customerreferrals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.people.BankAccounts;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.workflow.Decidable;

/**
 * A customer referral (老带新): the first visit of a new customer with the existing customer who referred them,
 * then the deal, then the approval chain sales manager → general manager. It changes state only through its
 * methods; the version catches two steps taken at once.
 */
@Entity
@Table(name = "customer_referral")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
public class CustomerReferral implements Decidable {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    private long registeredBy;

    private String visitorName;

    private String visitorMobile;

    private String referrerName;

    private String referrerMobile;

    private String referrerContractNumber;

    @Enumerated(EnumType.STRING)
    private PropertyType propertyType;

    @Enumerated(EnumType.STRING)
    private Relationship relationship;

    private LocalDate firstVisitOn;

    private Instant registeredAt;

    private String dealContractNumber;

    private LocalDate dealSignedDate;

    private BigDecimal dealAmount;

    @Enumerated(EnumType.STRING)
    private PropertyType dealPropertyType;

    private boolean paidInFull;

    private String referrerBankName;

    private String referrerBankAccount;

    @Enumerated(EnumType.STRING)
    private CustomerReferralStatus status;

    private Long managerApprovedBy;

    private Long decidedBy;

    private Instant decidedAt;

    private String decisionReason;

    private LocalDate dueOn;

    private Long payeeId;

    @Version
    private long version;

    CustomerReferral(long registeredBy, FirstVisit visit, Instant now) {
        this.registeredBy = registeredBy;
        this.visitorName = visit.visitorName();
        this.visitorMobile = visit.visitorMobile();
        this.referrerName = visit.referrerName();
        this.referrerMobile = visit.referrerMobile();
        this.referrerContractNumber = visit.referrerContractNumber();
        this.propertyType = visit.propertyType();
        this.relationship = visit.relationship();
        this.firstVisitOn = visit.firstVisitOn();
        this.registeredAt = now;
        this.status = CustomerReferralStatus.REGISTERED;
    }

    /**
     * Records the deal; once it is paid in full it goes to the sales manager, unless its property type earns
     * nothing. The deal can be recorded again (paid in full later) until it is in the approval chain.
     */
    void recordDeal(Deal deal, boolean earnsAReward) {
        if (status != CustomerReferralStatus.REGISTERED && status != CustomerReferralStatus.DEAL_SIGNED) {
            throw new Refusal.WrongState("customerReferral.deal.closed");
        }
        this.dealContractNumber = deal.contractNumber();
        this.dealSignedDate = deal.signedDate();
        this.dealAmount = deal.dealAmount();
        this.dealPropertyType = deal.propertyType();
        this.paidInFull = deal.paidInFull();
        this.referrerBankName = deal.referrerBankName();
        this.referrerBankAccount = deal.referrerBankAccount();
        this.status = !earnsAReward ? CustomerReferralStatus.NOT_ELIGIBLE
                : deal.paidInFull() ? CustomerReferralStatus.AWAITING_MANAGER : CustomerReferralStatus.DEAL_SIGNED;
    }

    /** A step before the last approved it: after the sales manager's, it waits for the general manager's. */
    void advance(long approverId) {
        requireAwaiting();
        if (status == CustomerReferralStatus.AWAITING_MANAGER) {
            this.managerApprovedBy = approverId;
        }
        this.status = CustomerReferralStatus.AWAITING_DIRECTOR;
    }

    /** The last step approved it: the reward is due to the referring customer. */
    void approve(long directorId, String reason, Instant now, LocalDate dueOn, long payeeId) {
        requireAwaiting();
        this.status = CustomerReferralStatus.APPROVED;
        this.decidedBy = directorId;
        this.decidedAt = now;
        this.decisionReason = reason;
        this.dueOn = dueOn;
        this.payeeId = payeeId;
    }

    void reject(long deciderId, String reason, Instant now) {
        requireAwaiting();
        this.status = CustomerReferralStatus.REJECTED;
        this.decidedBy = deciderId;
        this.decidedAt = now;
        this.decisionReason = reason;
    }

    public String maskedReferrerBankAccount() {
        return BankAccounts.masked(referrerBankAccount);
    }

    private void requireAwaiting() {
        if (status != CustomerReferralStatus.AWAITING_MANAGER && status != CustomerReferralStatus.AWAITING_DIRECTOR) {
            throw new Refusal.WrongState("claim.alreadyDecided");
        }
    }

    /** What the salesperson registers at the new customer's first visit. */
    public record FirstVisit(String visitorName, String visitorMobile, String referrerName, String referrerMobile,
            String referrerContractNumber, PropertyType propertyType, Relationship relationship,
            LocalDate firstVisitOn) {
    }

    /** The new customer's deal, and where the referring customer is paid. */
    public record Deal(String contractNumber, LocalDate signedDate, BigDecimal dealAmount, PropertyType propertyType,
            boolean paidInFull, String referrerBankName, String referrerBankAccount) {
    }

    @Override
    public long submitter() {
        return registeredBy;
    }
}
