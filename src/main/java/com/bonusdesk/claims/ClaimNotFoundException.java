package com.bonusdesk.claims;

import com.bonusdesk.web.NotFoundException;

/** No such claim, or not one the caller may see: the two are never told apart. */
public class ClaimNotFoundException extends NotFoundException {

    ClaimNotFoundException(long claimId) {
        super();
    }
}
