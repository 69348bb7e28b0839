package com.bonusdesk.workflow;

import java.util.List;
import java.util.OptionalInt;

/** An item that goes through a {@link Chain}: a claim, a referral, a customer referral. */
public interface Decidable {

    /** The person who submitted it, who decides none of its steps. */
    long submitter();

    /** The step waiting for a decision, counted from 0; empty when none is (not submitted yet, or decided). */
    OptionalInt openStep();

    /** Who took the steps before the open one, in order. */
    List<Long> approvers();
}
