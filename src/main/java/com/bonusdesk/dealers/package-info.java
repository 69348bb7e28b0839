/**
 * Dealers (经销商, 改装厂, R8): clients flagged as dealers, paid to their bank account; their annual targets, set one
 * by one or imported from CSV; and their rebates, computed from their imported orders for each closed month
 * (pickup and monthly rewards) and year (the annual reward against the target).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dealers",
        allowedDependencies = {"calculation", "clients", "ledger", "people", "plans", "rebates", "refusal", "web"})
package com.bonusdesk.dealers;
