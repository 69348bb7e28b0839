package com.bonusdesk.calculation;

import java.util.Arrays;
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
        return new Explanation(key, Arrays.stream(args).map(String::valueOf).toList());
    }
}
