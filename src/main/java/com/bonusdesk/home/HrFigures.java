package com.bonusdesk.home;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What HR's home page shows, as its chart draws it and {@code GET /api/v1/me/dashboard} returns it. */
public record HrFigures(List<Waiting> referralQueue, List<String> months, List<Decisions> decisions) {

    public HrFigures {
        referralQueue = List.copyOf(referralQueue);
        months = List.copyOf(months);
        decisions = List.copyOf(decisions);
    }

    /** A referral application waiting for HR, oldest first, with the deadline it was filed against. */
    public record Waiting(long id, String client, String referrer, LocalDate signedDate, LocalDate filedOn,
            LocalDate deadline, Instant since, String link) {
    }

    /** How many applications were approved or rejected in a month, and why (the rejection's reason). */
    public record Decisions(String month, String status, String reason, long decided) {
    }

    /** What was decided in {@code month} with {@code status}, every reason together. */
    public long decided(String month, String status) {
        return decisions.stream().filter(row -> row.month().equals(month) && row.status().equals(status))
                .mapToLong(Decisions::decided).sum();
    }
}
