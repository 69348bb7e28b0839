package com.bonusdesk.web;

/** Page numbers as people type them into a URL. */
public final class Pages {

    private Pages() {
    }

    /** Far beyond any real list, and low enough that no page's offset overflows. */
    static final int LAST_PAGE = 1_000_000;

    /** A zero-based page index that is neither negative nor absurdly large, whatever the URL said. */
    public static int index(int requested) {
        return Math.min(Math.max(0, requested), LAST_PAGE);
    }
}
