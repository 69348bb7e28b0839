package com.bonusdesk.signals;

/** A signal changed state: finance dismissed it or held its lines, or a review reopened it as its figures changed. */
public record SignalDecided(String actor, long signalId, String rule, String subject, String from, String to,
        String reason) {
}
