package com.bonusdesk.calculation;

import java.util.List;

/**
 * Words for a person, kept language-neutral: a message key under {@code explain.} or {@code reason.} and its
 * arguments, already formatted (amounts as {@code 1,234.50}, dates as ISO {@code 2026-03-20}, rates as
 * {@code 10%}), so that the same line reads correctly in Chinese and in English.
 */
public record Explanation(String key, List<String> args) {

    public Explanation {
        args = List.copyOf(args);
    }

    public static Explanation of(String key, Object... args) {
        String[] shown = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            shown[i] = String.valueOf(args[i]);
        }
        return new Explanation(key, List.of(shown));
    }
}
