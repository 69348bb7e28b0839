package com.bonusdesk.web;

/**
 * Text from people's input (names, departments, explanations) as it may go into a spreadsheet cell: text
 * that a spreadsheet would read as a formula is made plain text by a leading apostrophe, so that opening
 * a payout or simulation sheet never runs anything (CSV and formula injection).
 */
public final class SheetText {

    private SheetText() {
    }

    public static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + text : text;
    }
}
