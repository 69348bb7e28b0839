package com.bonusdesk.clients;

import java.util.List;

/**
 * What an order import would do, row by row, before anything is written: a file with any problem imports
 * nothing, so every problem is listed with its line.
 */
public record ImportPreview(List<Line> lines, List<Problem> problems) {

    /** What would happen to a valid row. */
    public enum Outcome {
        NEW_CLIENT,
        NEW_ORDER,
        NEW_NAME,
        ALREADY_IMPORTED
    }

    public record Line(int line, String clientCode, String clientName, String orderNumber, String orderDate,
            String amount, int units, Outcome outcome) {
    }

    /** A message key and its arguments, for the line it is about (0: the file as a whole). */
    public record Problem(int line, String key, List<String> args) {
    }

    public boolean importable() {
        return problems.isEmpty() && !lines.isEmpty();
    }

    public long newClients() {
        return count(Outcome.NEW_CLIENT);
    }

    public long alreadyImported() {
        return count(Outcome.ALREADY_IMPORTED);
    }

    public long count(Outcome outcome) {
        return lines.stream().filter(line -> line.outcome() == outcome).count();
    }
}
