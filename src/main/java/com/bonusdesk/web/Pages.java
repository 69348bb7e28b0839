package com.bonusdesk.web;

/** Page numbers as people type them into a URL. */
public final class Pages {

    private Pages() {
    }

    /** A zero-based page index that is never negative, whatever the URL said. */
    public static int index(int requested) {
        return Math.max(0, requested);
    }
}
