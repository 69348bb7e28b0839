package com.bonusdesk.clients;

/** Published when an order import is applied, for the audit trail. */
public record ClientsImported(String actor, int rows, long newClients, long newOrders, long newNames) {
}
