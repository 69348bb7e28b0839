package com.bonusdesk.bench;

/**
 * One measured figure: its value, the floor measured beside it in the same run (when it has one), their ratio, and
 * the target it is held to. Machines here are shared and noisy, so a figure with a floor is judged by the ratio.
 *
 * @param floor what the same work costs done the simplest way on the same machine, in the same unit; null if none
 * @param target the target in words, e.g. {@code ≤ 2.0× floor}
 */
public record Figure(String name, String unit, double value, Double floor, Double ratio, String target, boolean pass) {

    /** A cost held to at most {@code maxRatio} times its floor. */
    public static Figure againstFloor(String name, String unit, double value, double floor, double maxRatio) {
        double ratio = value / floor;
        return new Figure(name, unit, value, floor, ratio, "≤ " + maxRatio + "× floor", ratio <= maxRatio);
    }

    /**
     * A cost held to at most {@code max}, or, on a machine too slow for that, to at most {@code maxRatio} times its
     * floor.
     */
    public static Figure withinOrAgainstFloor(String name, String unit, double value, double floor, double max,
            double maxRatio) {
        double ratio = value / floor;
        return new Figure(name, unit, value, floor, ratio, "≤ " + max + " " + unit + " or ≤ " + maxRatio + "× floor",
                value <= max || ratio <= maxRatio);
    }

    /** A cost held to at most {@code max}, its floor shown beside it for reading. */
    public static Figure atMost(String name, String unit, double value, Double floor, double max) {
        return new Figure(name, unit, value, floor, floor == null ? null : value / floor, "≤ " + max + " " + unit,
                value <= max);
    }

    /** A cost shown beside its floor for reading, held to no target of its own. */
    public static Figure shown(String name, String unit, double value, double floor) {
        return new Figure(name, unit, value, floor, value / floor, "none (shown)", true);
    }

    /** A figure shown for reading, with no floor and no target of its own. */
    public static Figure shown(String name, String unit, double value) {
        return new Figure(name, unit, value, null, null, "none (shown)", true);
    }

    /** A rate held to at least {@code min}. */
    public static Figure atLeast(String name, String unit, double value, double min) {
        return new Figure(name, unit, value, null, null, "≥ " + min + " " + unit, value >= min);
    }
}
