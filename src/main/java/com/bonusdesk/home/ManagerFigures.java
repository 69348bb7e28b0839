package com.bonusdesk.home;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a manager's home page shows, as its charts draw it and {@code GET /api/v1/me/dashboard} returns it: amounts
 * as decimal strings, months as {@code yyyy-MM}.
 */
public record ManagerFigures(List<Waiting> teamWaiting, List<String> months, List<PersonMonth> teamEarnings,
        List<StepTime> decisionTimes) {

    public ManagerFigures {
        teamWaiting = List.copyOf(teamWaiting);
        months = List.copyOf(months);
        teamEarnings = List.copyOf(teamEarnings);
        decisionTimes = List.copyOf(decisionTimes);
    }

    /** An item of the team waiting for this manager, oldest first. */
    public record Waiting(String kind, long id, String label, String submitter, Instant since, String link) {
    }

    /** What one person of the team earned in one month. */
    public record PersonMonth(long personId, String person, String month, String amount) {
    }

    /** How long one step of one kind of item took to decide, on average, over the last 90 days. */
    public record StepTime(String kind, int step, long decided, String averageHours) {
    }

    /** The team's people who earned something in the months shown, by id, with their names. */
    public Map<Long, String> people() {
        Map<Long, String> people = new LinkedHashMap<>();
        teamEarnings.forEach(earned -> people.putIfAbsent(earned.personId(), earned.person()));
        return people;
    }

    /** What {@code personId} earned in {@code month}; zero when nothing. */
    public BigDecimal earned(long personId, String month) {
        return teamEarnings.stream().filter(earned -> earned.personId() == personId && earned.month().equals(month))
                .map(earned -> new BigDecimal(earned.amount())).findFirst().orElse(BigDecimal.ZERO);
    }
}
