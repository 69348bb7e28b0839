package com.bonusdesk.calendar;

/** Published when an administrator adds or removes a holiday or make-up working day. */
public record CalendarChanged(String actor, String day, Change change, String before, String after) {

    public enum Change {
        ADDED,
        REMOVED
    }
}
