package com.bonusdesk.clients;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One valid row of an order import: a client (code, name and, when the file has them, its contact's name and
 * mobile, else null) and one of its orders.
 */
record ImportRow(int line, ClientCode code, String name, String orderNumber, LocalDate orderDate, BigDecimal amount,
        int units, String contactName, String contactMobile) {

    String contact() {
        return contactMobile == null ? null : (contactName == null ? "" : contactName + " ") + contactMobile;
    }
}
