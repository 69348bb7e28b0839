/**
 * What operators watch: the business metrics a finance lead alerts on (claims submitted and decided, items
 * waiting in each queue and the age of the oldest, payout builds and exports, failed sign-ins), next to
 * Micrometer's JVM, HTTP and connection-pool metrics at {@code /actuator/prometheus}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operations",
        allowedDependencies = {"claims", "payouts", "workflow"})
package com.bonusdesk.operations;
