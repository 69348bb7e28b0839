package com.bonusdesk.payouts;

/** Published when someone downloads a run's payout sheet: it carries every payee's pay. */
public record PayoutSheetExported(String actor, long runId, String label, String format) {
}
