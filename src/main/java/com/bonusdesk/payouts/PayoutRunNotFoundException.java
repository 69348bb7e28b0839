package com.bonusdesk.payouts;

import com.bonusdesk.web.NotFoundException;

/** No such run, or not one the caller may see or act on: the two are never told apart. */
public class PayoutRunNotFoundException extends NotFoundException {

    PayoutRunNotFoundException() {
        super();
    }
}
