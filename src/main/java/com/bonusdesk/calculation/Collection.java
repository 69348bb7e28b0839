package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Money received on an order (回款); a negative amount is a refund. */
public record Collection(LocalDate date, BigDecimal amount) {
}
