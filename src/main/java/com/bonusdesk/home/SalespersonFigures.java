package com.bonusdesk.home;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.bonusdesk.referrals.ReferralReminders;

/**
 * What a salesperson's home page shows (the referrals they mean to file with their deadlines included), as its charts draw it and {@code GET /api/v1/me/dashboard} returns it:
 * amounts as decimal strings, months as {@code yyyy-MM}.
 */
public record SalespersonFigures(List<String> months, List<MonthRuleAmount> earnedByMonth,
        List<MonthAmount> paidByMonth, TierProgress tierProgress, List<InProgress> inProgress,
        List<ReferralReminders.Upcoming> referralDeadlines) {

    public SalespersonFigures {
        months = List.copyOf(months);
        earnedByMonth = List.copyOf(earnedByMonth);
        paidByMonth = List.copyOf(paidByMonth);
        inProgress = List.copyOf(inProgress);
        referralDeadlines = List.copyOf(referralDeadlines);
    }

    /** The rules that earned something in the months shown, each with its name. */
    public Map<String, String> rules() {
        Map<String, String> rules = new LinkedHashMap<>();
        earnedByMonth.stream().sorted(Comparator.comparing(MonthRuleAmount::rule))
                .forEach(earned -> rules.putIfAbsent(earned.rule(), earned.ruleName()));
        return rules;
    }

    /** What {@code rule} earned in {@code month}; zero when nothing. */
    public BigDecimal earned(String month, String rule) {
        return earnedByMonth.stream().filter(earned -> earned.month().equals(month) && earned.rule().equals(rule))
                .map(earned -> new BigDecimal(earned.amount())).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    /** What every rule earned in {@code month}. */
    public BigDecimal earned(String month) {
        return earnedByMonth.stream().filter(earned -> earned.month().equals(month))
                .map(earned -> new BigDecimal(earned.amount()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What was paid in {@code month}. */
    public BigDecimal paid(String month) {
        return paidByMonth.stream().filter(paid -> paid.month().equals(month))
                .map(paid -> new BigDecimal(paid.amount())).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    /** What one rule earned in one month; {@code ruleName} in the reader's language. */
    public record MonthRuleAmount(String month, String rule, String ruleName, String amount) {
    }

    /** What was paid in one month, by the payout runs of that month. */
    public record MonthAmount(String month, String amount) {
    }

    /**
     * This month's new clients against the R3 tiers.
     *
     * @param nextFrom the count the next tier starts at; null once the last is reached
     * @param more how many more new clients reach it
     * @param gain what reaching it adds
     */
    public record TierProgress(String month, int clients, String bonus, Integer nextFrom, int more, String gain) {

        public BigDecimal bonusAmount() {
            return new BigDecimal(bonus);
        }

        public BigDecimal gainAmount() {
            return new BigDecimal(gain);
        }

        /** How far this month is on the way to the next tier, in percent. */
        public int percent() {
            return nextFrom == null ? 100 : clients * 100 / nextFrom;
        }
    }

    /** A claim or referral of theirs still in approval: who has it, and since when. */
    public record InProgress(String kind, long id, String label, String waitingFor, Instant since, String link) {
    }
}
