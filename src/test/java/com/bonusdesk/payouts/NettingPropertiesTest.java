package com.bonusdesk.payouts;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

import static com.bonusdesk.support.Theories.amounts;
import static com.bonusdesk.support.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.lists;

/**
 * A run nets each payee's lines: what it pays plus what it carries forward is the sum of the lines, to the cent;
 * nobody is paid a negative amount, and a payee is carried forward exactly when their lines net below zero.
 */
class NettingPropertiesTest {

    @Test
    void whatIsPaidPlusWhatIsCarriedForwardIsTheSumOfTheLines() {
        Gen<List<BigDecimal>> payee = lists().of(amounts("-5000.00", "5000.00")).ofSizeBetween(1, 12);
        qt().forAll(lists().of(payee).ofSizeBetween(1, 30)).checkAssert(payees -> {
            BigDecimal paid = BigDecimal.ZERO;
            BigDecimal carried = BigDecimal.ZERO;
            BigDecimal lines = BigDecimal.ZERO;
            for (List<BigDecimal> payeeLines : payees) {
                BigDecimal net = Netting.net(payeeLines);
                BigDecimal sum = payeeLines.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(net).isEqualByComparingTo(sum);
                assertThat(net.scale()).isEqualTo(2);
                assertThat(Netting.carriesForward(net)).isEqualTo(sum.signum() < 0);
                if (Netting.carriesForward(net)) {
                    carried = carried.add(net);
                } else {
                    assertThat(net.signum()).isNotNegative();
                    paid = paid.add(net);
                }
                lines = lines.add(sum);
            }
            assertThat(paid.add(carried)).isEqualByComparingTo(lines);
        });
    }
}
