package com.bonusdesk.home;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The months a dashboard shows: the last {@code count}, oldest first, ending with this one, as {@code yyyy-MM}. */
final class Months {

    private Months() {
    }

    static List<String> ending(YearMonth last, int count) {
        List<String> months = new ArrayList<>();
        for (YearMonth month = last.minusMonths(count - 1L); !month.isAfter(last); month = month.plusMonths(1)) {
            months.add(month.toString());
        }
        return months;
    }
}
