package com.bonusdesk.workflow;

/** An item that goes through a {@link Chain}: a claim, a referral, a customer referral. */
public interface Decidable {

    Long getId();

    /** The person who submitted it, who decides none of its steps. */
    long submitter();
}
