package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static com.bonusdesk.support.Theories.amounts;
import static com.bonusdesk.support.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** Invariants of R1/R2 over many generated orders and collections, at list price and below it. */
class NewClientPropertiesTest {

    private static final LocalDate ORDER_DATE = LocalDate.of(2026, 3, 2);
    private static final BigDecimal CENT = new BigDecimal("0.01");

    private final BonusCalculator calculator = new BonusCalculator(PlanBook.of(DefaultPlans.versions()),
            China2026.CALENDAR);

    @Test
    void withoutARefundNoAmountIsEverNegative() {
        qt().forAll(orderAmounts(), collections(), Generate.booleans()).checkAssert((amount, collections, below) ->
                assertThat(calculator.newClient(order(amount, below, collections)).lines())
                        .allSatisfy(line -> assertThat(line.amount().signum()).isNotNegative()));
    }

    @Test
    void aLargerCollectionNeverEarnsLess() {
        qt().forAll(orderAmounts(), integers().between(0, 45), amounts("0.01", "5000000"), amounts("0.01", "100000"))
                .checkAssert((orderAmount, day, amount, more) -> {
                    LocalDate date = ORDER_DATE.plusDays(day);
                    BigDecimal smaller = calculator.newClient(order(orderAmount, false,
                            List.of(new Collection(date, amount)))).total();
                    BigDecimal larger = calculator.newClient(order(orderAmount, false,
                            List.of(new Collection(date, amount.add(more))))).total();
                    assertThat(larger).isGreaterThanOrEqualTo(smaller);
                });
    }

    /**
     * With several collections an order's amount can split one collection across the order-amount limit, and
     * each line is rounded on its own (POLICY.md: half-up per line), so more money may move a cent between
     * lines; it never costs more than a cent per line.
     */
    @Test
    void collectingMoreNeverCostsMoreThanTheRoundingOfALine() {
        qt().forAll(orderAmounts(), collections(), integers().between(0, 31), amounts("0.01", "100000"))
                .checkAssert((orderAmount, collections, day, extra) -> {
                    List<Collection> more = new ArrayList<>(collections);
                    more.add(new Collection(ORDER_DATE.plusDays(day), extra));
                    BigDecimal before = calculator.newClient(order(orderAmount, false, collections)).total();
                    BonusResult after = calculator.newClient(order(orderAmount, false, more));
                    BigDecimal tolerance = CENT.multiply(BigDecimal.valueOf(after.lines().size()));
                    assertThat(after.total().add(tolerance)).isGreaterThanOrEqualTo(before);
                });
    }

    /** 10% at list price, 5% below it with the manager's approval: of the money that counts, within half a cent a line. */
    @Test
    void theCollectionLinesAreTheRateOfTheMoneyThatCountsWithinHalfACentPerLine() {
        qt().forAll(orderAmounts(), collections(), Generate.booleans()).checkAssert((orderAmount, collections, below) -> {
            BonusResult result = calculator.newClient(order(orderAmount, below, collections));
            BigDecimal collectedInWindow = collections.stream()
                    .filter(collection -> !collection.date().isAfter(ORDER_DATE.plusDays(30)))
                    .map(Collection::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal rate = new BigDecimal(below ? "0.05" : "0.10");
            BigDecimal exact = rate.multiply(collectedInWindow.min(orderAmount));
            List<BonusLine> r1 = result.lines().stream().filter(line -> line.rule() == RuleCode.R1).toList();
            BigDecimal paid = r1.stream().map(BonusLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal tolerance = new BigDecimal("0.005").multiply(BigDecimal.valueOf(r1.size()));
            assertThat(paid.subtract(exact).abs()).isLessThanOrEqualTo(tolerance);
            assertThat(r1).allSatisfy(line -> assertThat(line.amount().scale()).isEqualTo(2));
        });
    }

    @Test
    void belowListPriceWithoutApprovalEarnsNothing() {
        qt().forAll(orderAmounts(), collections()).checkAssert((orderAmount, collections) -> {
            BonusResult result = calculator.newClient(new NewClientFacts(ORDER_DATE, orderAmount, 1, true, false, false,
                    null, collections));
            assertThat(result.eligible()).isFalse();
            assertThat(result.lines()).isEmpty();
        });
    }

    @Test
    void refundingEverythingThatWasCollectedClawsBackEverythingItEarned() {
        qt().forAll(orderAmounts(), collections(), Generate.booleans()).checkAssert((orderAmount, collections, below) -> {
            BigDecimal collected = collections.stream().map(Collection::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            List<Collection> refunded = new ArrayList<>(collections);
            refunded.add(new Collection(ORDER_DATE.plusDays(60), collected.negate()));
            BonusResult result = calculator.newClient(order(orderAmount, below, refunded));
            List<BonusLine> r1 = result.lines().stream().filter(line -> line.rule() == RuleCode.R1).toList();
            BigDecimal sum = r1.stream().map(BonusLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(sum.abs()).isLessThanOrEqualTo(CENT.multiply(BigDecimal.valueOf(r1.size())));
        });
    }

    /**
     * R2 pays the tier of the order amount once, with the first collection in the window, whatever the other
     * collections: 50.00 up to 1,000.00, 200.00 up to 10,000.00, 500.00 above; amounts at and beside the edges
     * are generated as often as any.
     */
    @Test
    void theTierIsTheOneOfTheOrderAmountAndPaidAtMostOnce() {
        Gen<BigDecimal> nearTheEdges = Generate.pick(List.of("500.00", "999.99", "1000.00", "1000.01", "9999.99",
                "10000.00", "10000.01", "5000000.00")).map(text -> new BigDecimal(text));
        qt().forAll(orderAmounts().mix(nearTheEdges, 50), collections(), integers().between(0, 30))
                .checkAssert((orderAmount, collections, day) -> {
                    List<Collection> withOneInTheWindow = new ArrayList<>(collections);
                    withOneInTheWindow.add(new Collection(ORDER_DATE.plusDays(day), CENT));
                    BonusResult result = calculator.newClient(order(orderAmount, false, withOneInTheWindow));
                    List<BonusLine> r2 = result.lines().stream().filter(line -> line.rule() == RuleCode.R2).toList();
                    assertThat(r2).singleElement().satisfies(line ->
                            assertThat(line.amount()).isEqualTo(tierOf(orderAmount)));
                });
    }

    private static BigDecimal tierOf(BigDecimal orderAmount) {
        if (orderAmount.compareTo(new BigDecimal("1000.00")) <= 0) {
            return new BigDecimal("50.00");
        }
        return orderAmount.compareTo(new BigDecimal("10000.00")) <= 0 ? new BigDecimal("200.00")
                : new BigDecimal("500.00");
    }

    private static Gen<BigDecimal> orderAmounts() {
        return amounts("500.00", "5000000.00");
    }

    private static Gen<List<Collection>> collections() {
        Gen<Collection> collection = integers().between(0, 45).zip(amounts("0.01", "2000000.00"),
                (day, amount) -> new Collection(ORDER_DATE.plusDays(day), amount));
        return lists().of(collection).ofSizeBetween(0, 6);
    }

    private static NewClientFacts order(BigDecimal amount, boolean belowListApproved, List<Collection> collections) {
        return new NewClientFacts(ORDER_DATE, amount, 1, belowListApproved, belowListApproved, false, null, collections);
    }
}
