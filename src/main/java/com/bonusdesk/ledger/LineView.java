package com.bonusdesk.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.plans.ExplanationText;

/**
 * A bonus line as the API returns it: rule, amount, plan version, date, explanation in the reader's language,
 * and once a payout run has paid it, that run and the day it paid.
 */
public record LineView(String rule, BigDecimal amount, String planVersion, LocalDate earnedOn, String explanation,
        Long payoutRunId, LocalDate paidOn) {

    public static LineView of(Ledger.Line line, ExplanationText text, Locale locale) {
        return new LineView(line.rule(), line.amount(), line.planVersion(), line.earnedOn(),
                text.of(line.explanation(), locale), line.payoutRunId(), line.paidOn());
    }

    public static List<LineView> of(List<Ledger.Line> lines, ExplanationText text, Locale locale) {
        return lines.stream().map(line -> of(line, text, locale)).toList();
    }

    public static BigDecimal total(List<LineView> lines) {
        return lines.stream().map(LineView::amount).reduce(Money.ZERO, BigDecimal::add);
    }

    /**
     * What a page's lines table shows ({@code payouts/lines}): the lines, their explanations in the reader's
     * language, and their total, under the names the table reads.
     */
    public static Map<String, Object> forPage(List<Ledger.Line> lines, ExplanationText text, Locale locale) {
        return Map.of("lines", lines,
                "lineTexts", lines.stream().map(line -> text.of(line.explanation(), locale)).toList(),
                "total", lines.stream().map(Ledger.Line::amount).reduce(Money.ZERO, BigDecimal::add));
    }
}
