/**
 * Disputes and adjustments: a payee questions a line, a claim or something missing; finance answers it, holds the
 * line out of payout runs meanwhile, or corrects it with an adjustment, a new ledger line that above a set amount
 * waits for a second person's approval. Nobody answers their own dispute or approves money for themselves.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disputes",
        allowedDependencies = {"calculation", "calendar", "claims", "ledger", "people", "plans", "refusal", "web",
                "workflow"})
package com.bonusdesk.disputes;
