package com.bonusdesk.web;

import java.util.Locale;

/** What a person types into a list's search box, turned into a safe SQL LIKE pattern. */
public final class SearchText {

    private SearchText() {
    }

    public static boolean isBlank(String query) {
        return query == null || query.isBlank();
    }

    /**
     * A lower-case "contains" pattern in which the user's own {@code %}, {@code _} and {@code \} match
     * themselves; queries must declare {@code escape '\'}.
     */
    public static String containsPattern(String query) {
        String escaped = query.strip().toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
