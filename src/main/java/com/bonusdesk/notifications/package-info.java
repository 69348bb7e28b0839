/**
 * Notifications: the bell with what concerns each person (an item waiting for them, their item decided, their
 * lines paid, a dispute answered, a payout run to approve, a build that stopped), their choice of what reaches them
 * by which channel, mail as it happens or as one daily digest of waiting items, and a team's group robot. Every
 * message is written in the transaction of its event (the outbox) and delivered afterwards, with retries.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
        allowedDependencies = {"disputes", "payouts", "people", "referrals", "refusal", "web", "workflow"})
package com.bonusdesk.notifications;
