package com.bonusdesk.calculation;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static com.bonusdesk.calculation.PolicyExamplesTest.collect;
import static com.bonusdesk.calculation.PolicyExamplesTest.order;
import static org.assertj.core.api.Assertions.assertThat;

/** What a salesperson reads for a line, in each language, from the message files the app uses. */
class ExplanationWordingTest {

    private final BonusCalculator calculator = new BonusCalculator(PlanBook.of(DefaultPlans.versions()),
            China2026.CALENDAR);

    @Test
    void aCollectionLineNamesTheRateTheAmountTheDateAndTheResult() throws IOException {
        BonusResult result = calculator.newClient(order(LocalDate.of(2026, 3, 2), "800.00", 12, false, false, null,
                collect("2026-03-20", "800.00")));
        Explanation r1 = result.lines().get(0).explanation();

        assertThat(render(r1, "messages.properties")).isEqualTo("10% × 800.00 collected 2026-03-20 = 80.00");
        assertThat(render(r1, "messages_zh_CN.properties")).isEqualTo("10% × 2026-03-20 回款 800.00 = 80.00");
        assertThat(render(result.lines().get(1).explanation(), "messages.properties"))
                .isEqualTo("Order of 800.00 is up to 1,000.00: 50.00, earned with the first collection on 2026-03-20");
    }

    @Test
    void aRefusalSaysWhenTheClientWasLastServed() throws IOException {
        BonusResult result = calculator.newClient(order(LocalDate.of(2026, 3, 2), "800.00", 12, false, false,
                LocalDate.of(2025, 3, 2)));
        assertThat(render(result.reasons().get(0).explanation(), "messages.properties"))
                .isEqualTo("Not a new client: the client's last order was on 2025-03-02, within 1 year(s) before this order.");
    }

    @Test
    void theResidentialRoundingIsSpelledOut() throws IOException {
        BonusResult result = calculator.customerReferral(new CustomerReferralFacts(PropertyType.RESIDENTIAL,
                new BigDecimal("1234567.00"), LocalDate.of(2026, 5, 20), true));
        assertThat(render(result.lines().get(0).explanation(), "messages.properties")).isEqualTo(
                "0.2% × deal 1,234,567.00 = 2,469.13, rounded half-up to the nearest 100.00 = 2,500.00");
    }

    @Test
    void keyAccountAndDealerLinesSayThePurchasesTheTierAndTheRate() throws IOException {
        YearMonth march = YearMonth.of(2026, 3);
        KeyAccountResult cash = calculator.keyAccountMonth(new KeyAccountFacts(march, new BigDecimal("80000.00"),
                KeyAccountMode.CASH, null));
        assertThat(render(cash.result().lines().get(0).explanation(), "messages.properties"))
                .isEqualTo("2026-03 purchases 80,000.00, up to 100,000.00: 20% × 80,000.00 = 16,000.00");
        assertThat(render(cash.result().lines().get(0).explanation(), "messages_zh_CN.properties"))
                .isEqualTo("2026-03 采购额 80,000.00，不超过 100,000.00：20% × 80,000.00 = 16,000.00");
        BonusResult dealer = calculator.dealerMonth(march, List.of(
                new DealerOrder("SO-123", LocalDate.of(2026, 3, 18), new BigDecimal("260000.00")),
                new DealerOrder("SO-124", LocalDate.of(2026, 3, 19), new BigDecimal("100000.00")),
                new DealerOrder("RT-1", LocalDate.of(2026, 3, 20), new BigDecimal("-50000.00"))));
        assertThat(render(dealer.lines().get(0).explanation(), "messages.properties"))
                .isEqualTo("Order SO-123 of 260,000.00 ≥ 200,000.00: 2% = 5,200.00");

        List<Explanation> every = new ArrayList<>();
        dealer.lines().forEach(line -> every.add(line.explanation()));
        for (String purchases : List.of("80000.00", "300000.00", "600000.00", "1200000.00", "0.00")) {
            for (KeyAccountMode mode : KeyAccountMode.values()) {
                for (KeyAccountFacts.Agreement agreement : java.util.Arrays.asList(null,
                        new KeyAccountFacts.Agreement(new BigDecimal("0.12"), null),
                        new KeyAccountFacts.Agreement(null, new BigDecimal("90000.00")))) {
                    BonusResult result = calculator.keyAccountMonth(new KeyAccountFacts(march,
                            new BigDecimal(purchases), mode, agreement)).result();
                    result.lines().forEach(line -> every.add(line.explanation()));
                    every.addAll(result.notes());
                    result.reasons().forEach(reason -> every.add(reason.explanation()));
                }
            }
        }
        BonusResult strict = new BonusCalculator(PlanBook.of(List.of(new PlanVersion<>(PlanKind.DEALER, 2,
                DefaultPlans.FROM, null, new DealerRules(DefaultPlans.DEALER.pickupSteps(),
                        DefaultPlans.DEALER.monthlySteps(), false, DefaultPlans.DEALER.annualRate())))),
                China2026.CALENDAR).dealerMonth(march, List.of(new DealerOrder("SO-1", LocalDate.of(2026, 3, 2),
                        new BigDecimal("400000.00"))));
        every.addAll(strict.notes());
        every.addAll(calculator.dealerMonth(march, List.of()).notes());
        for (BonusResult year : List.of(calculator.dealerYear(2026, new BigDecimal("100"), new BigDecimal("200")),
                calculator.dealerYear(2026, new BigDecimal("300"), new BigDecimal("200")),
                calculator.dealerYear(2026, null, new BigDecimal("200")))) {
            year.lines().forEach(line -> every.add(line.explanation()));
            every.addAll(year.notes());
            year.reasons().forEach(reason -> every.add(reason.explanation()));
        }
        assertThat(every).extracting(Explanation::key).contains("explain.R7.cash.between", "explain.R7.cash.over",
                "explain.R7.cash.agreement", "explain.R7.cash.agreementAmount", "explain.R7.discount.upTo",
                "explain.R7.discount.agreement", "reason.AGREEMENT_NEEDED", "explain.note.noPurchases",
                "explain.R8_PICKUP.return", "explain.R8_MONTHLY", "explain.R8_ANNUAL", "reason.NO_TARGET",
                "explain.note.targetNotReached", "explain.note.dealerNotStacked", "explain.note.monthlyNotReached");
        for (Explanation explanation : every) {
            assertThat(render(explanation, "messages.properties")).doesNotContain("{");
            assertThat(render(explanation, "messages_zh_CN.properties")).doesNotContain("{");
        }
    }

    private static String render(Explanation explanation, String bundle) throws IOException {
        Properties messages = new Properties();
        try (var in = ExplanationWordingTest.class.getResourceAsStream("/" + bundle)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        String pattern = messages.getProperty(explanation.key());
        assertThat(pattern).as(explanation.key() + " in " + bundle).isNotNull();
        return new MessageFormat(pattern, Locale.ROOT).format(explanation.args().toArray());
    }
}
