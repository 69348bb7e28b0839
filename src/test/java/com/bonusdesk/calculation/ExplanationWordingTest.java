package com.bonusdesk.calculation;

import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.time.LocalDate;
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
