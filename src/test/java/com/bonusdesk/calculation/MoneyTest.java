package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static com.bonusdesk.support.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Amounts as explanations show them. They are stored with each line and compared when a line is worked out again,
 * so the fast writing must give, character for character, what the format it replaced gave.
 */
class MoneyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "0|0.00", "0.005|0.01", "0.004|0.00", "999|999.00", "1000|1,000.00", "1234.5|1,234.50",
            "123456.78|123,456.78", "-1234567.891|-1,234,567.89", "-0.001|-0.00", "999999999999.99|999,999,999,999.99"})
    void showsTwoDecimalsWithGroupsOfThousands(String amount, String shown) {
        assertThat(Money.show(new BigDecimal(amount))).isEqualTo(shown);
    }

    @Test
    void showsWhatTheFormatItReplacedShowed() {
        qt().forAll(longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L), integers().between(0, 5))
                .checkAssert((unscaled, scale) -> {
                    BigDecimal amount = BigDecimal.valueOf(unscaled, scale);
                    assertThat(Money.show(amount)).isEqualTo(String.format(Locale.ROOT, "%,.2f", amount));
                });
    }
}
