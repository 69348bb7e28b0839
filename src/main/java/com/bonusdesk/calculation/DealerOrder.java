package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One of a dealer's orders (a pickup, 提货); a return is a negative order. */
public record DealerOrder(String orderNumber, LocalDate date, BigDecimal amount) {
}
