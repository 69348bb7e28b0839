package com.bonusdesk.clients;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One valid row of an order import: a client (code and name) and one of its orders. */
record ImportRow(int line, ClientCode code, String name, String orderNumber, LocalDate orderDate, BigDecimal amount,
        int units) {
}
