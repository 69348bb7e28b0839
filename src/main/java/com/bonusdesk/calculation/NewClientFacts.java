package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The facts of a new-client order.
 *
 * @param clientLastOrderDate the client's latest earlier order, or null if it was never served
 * @param collections money received on the order, in the order it was recorded
 */
public record NewClientFacts(LocalDate orderDate, BigDecimal orderAmount, int units, boolean belowListPrice,
        boolean belowListApproved, boolean packageDeal, LocalDate clientLastOrderDate, List<Collection> collections) {

    public NewClientFacts {
        collections = List.copyOf(collections);
    }
}
