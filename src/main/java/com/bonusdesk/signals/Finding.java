package com.bonusdesk.signals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What one rule found about one subject on one review: the words (a message key and its arguments), the items it
 * points at, the lines a hold would keep out of payout runs, and the figures it rests on, as a fingerprint.
 */
record Finding(SignalRule rule, String subject, String figures, String messageKey, List<String> arguments,
        List<Item> items, List<Long> lineIds, Chart chart) {

    Finding {
        arguments = List.copyOf(arguments);
        items = List.copyOf(items);
        lineIds = List.copyOf(lineIds);
    }

    Finding(SignalRule rule, String subject, String figures, String messageKey, List<String> arguments,
            List<Item> items, List<Long> lineIds) {
        this(rule, subject, figures, messageKey, arguments, items, lineIds, null);
    }

    /**
     * A distribution the signal is drawn as: for each band (e.g. "0–5 %" above a boundary), the share in percent of
     * the person's claims and of the rest of the company's.
     */
    record Chart(List<String> bands, List<Double> person, List<Double> company) {

        Chart {
            bands = List.copyOf(bands);
            person = List.copyOf(person);
            company = List.copyOf(company);
        }
    }

    /** An item a signal points at: what it is, its id, how it is named, where it is seen. */
    record Item(String type, long id, String label, String link) {
    }

    /** The figures' fingerprint: a dismissed signal reopens only when it changes. */
    String fingerprint() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(figures.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
