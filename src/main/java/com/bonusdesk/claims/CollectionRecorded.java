package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Published when finance records money received, inside the transaction that records it. */
public record CollectionRecorded(String actor, long collectionId, String reference, String orderNumber,
        LocalDate receivedOn, BigDecimal amount, int linesEarned) {
}
