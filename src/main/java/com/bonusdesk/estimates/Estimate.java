package com.bonusdesk.estimates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;

import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.plans.ExplanationText;

/**
 * What the estimator answers, in the reader's language; the API returns it as JSON and the page shows it. A key
 * account's discount month has no amount but a {@code discountRate} in percent off the orders of {@code appliesTo}.
 */
public record Estimate(boolean eligible, List<ReasonView> reasons, List<LineView> lines, BigDecimal total,
        List<String> notes, BigDecimal discountRate, YearMonth appliesTo) {

    Estimate withDiscount(BigDecimal percent, YearMonth month) {
        return new Estimate(eligible, reasons, lines, total, notes, percent, month);
    }

    public record ReasonView(String code, String message) {
    }

    public record LineView(String rule, BigDecimal amount, String planVersion, LocalDate earnedOn,
            String explanation) {
    }

    static Estimate of(BonusResult result, ExplanationText text, Locale locale) {
        return new Estimate(result.eligible(),
                result.reasons().stream()
                        .map(reason -> new ReasonView(reason.code().name(), text.of(reason.explanation(), locale)))
                        .toList(),
                result.lines().stream()
                        .map(line -> new LineView(line.rule().name(), line.amount(), line.planVersion(),
                                line.earnedOn(), text.of(line, locale)))
                        .toList(),
                result.total(),
                result.notes().stream().map(note -> text.of(note, locale)).toList(), null, null);
    }
}
