package com.bonusdesk.referrals;

import com.bonusdesk.web.NotFoundException;

/** No such application, or not one the caller may see or decide: the two are never told apart. */
public class ReferralNotFoundException extends NotFoundException {

    ReferralNotFoundException() {
        super();
    }
}
