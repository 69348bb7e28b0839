package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.bonusdesk.calculation.Money;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.payouts.PayoutReports;
import com.bonusdesk.people.PersonPrincipal;
import com.bonusdesk.plans.ExplanationText;

/**
 * {@code /bonus}: every line a person earned in a month, with its explanation and the payout run that paid
 * it; the totals by rule; what was earned, approved for payout and paid in all; and their statements.
 */
@Controller
@RequiredArgsConstructor
class MyBonusController {

    private final Ledger ledger;
    private final ExplanationText text;
    private final Clock clock;
    private final PayoutReports payouts;

    @GetMapping("/bonus")
    String myBonus(@RequestParam(name = "month", required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth month,
            @AuthenticationPrincipal PersonPrincipal me, Locale locale, Model model) {
        YearMonth shown = month == null ? YearMonth.now(clock) : month;
        List<Ledger.Line> lines = ledger.linesOfPayee(me.getId(), shown.atDay(1), shown.atEndOfMonth());
        List<Ledger.Line> allTime = ledger.linesOfPayee(me.getId(), LocalDate.of(2000, 1, 1), LocalDate.of(2999, 12, 31));
        Map<String, BigDecimal> byRule = new TreeMap<>(lines.stream().collect(Collectors.groupingBy(Ledger.Line::rule,
                Collectors.reducing(Money.ZERO, Ledger.Line::amount, BigDecimal::add))));
        model.addAttribute("month", shown);
        model.addAttribute("previous", shown.minusMonths(1));
        model.addAttribute("next", shown.plusMonths(1));
        model.addAttribute("lines", lines);
        model.addAttribute("lineTexts", lines.stream().map(line -> text.of(line.explanation(), locale)).toList());
        model.addAttribute("byRule", byRule);
        model.addAttribute("monthTotal", sum(lines));
        model.addAttribute("earnedTotal", sum(allTime));
        model.addAttribute("approvedTotal", sum(allTime.stream().filter(Ledger.Line::approved).toList()));
        model.addAttribute("paidTotal", sum(allTime.stream().filter(Ledger.Line::paid).toList()));
        model.addAttribute("statements", payouts.statementsOf(me.getId()));
        return "claims/bonus";
    }

    private static BigDecimal sum(List<Ledger.Line> lines) {
        return lines.stream().map(Ledger.Line::amount).reduce(Money.ZERO, BigDecimal::add);
    }
}
