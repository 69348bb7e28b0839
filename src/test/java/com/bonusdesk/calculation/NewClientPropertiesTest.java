package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

import static org.assertj.core.api.Assertions.assertThat;

/** Invariants of R1/R2 over many generated orders and collections. */
class NewClientPropertiesTest {

    private static final LocalDate ORDER_DATE = LocalDate.of(2026, 3, 2);

    private final BonusCalculator calculator = new BonusCalculator(PlanBook.of(DefaultPlans.versions()),
            China2026.CALENDAR);

    @Property
    void withoutARefundNoAmountIsEverNegative(@ForAll("orderAmounts") BigDecimal orderAmount,
            @ForAll("collections") List<Collection> collections) {
        BonusResult result = calculator.newClient(order(orderAmount, collections));
        assertThat(result.lines()).allSatisfy(line -> assertThat(line.amount().signum()).isNotNegative());
    }

    @Property
    void aLargerCollectionNeverEarnsLess(@ForAll("orderAmounts") BigDecimal orderAmount,
            @ForAll @IntRange(min = 0, max = 45) int day,
            @ForAll @BigRange(min = "0.01", max = "5000000") @Scale(2) BigDecimal amount,
            @ForAll @BigRange(min = "0.01", max = "100000") @Scale(2) BigDecimal more) {
        LocalDate date = ORDER_DATE.plusDays(day);
        BigDecimal smaller = calculator.newClient(order(orderAmount, List.of(new Collection(date, amount)))).total();
        BigDecimal larger = calculator.newClient(order(orderAmount,
                List.of(new Collection(date, amount.add(more))))).total();
        assertThat(larger).isGreaterThanOrEqualTo(smaller);
    }

    /**
     * With several collections an order's amount can split one collection across the order-amount limit, and
     * each line is rounded on its own (POLICY.md: half-up per line), so more money may move a cent between
     * lines; it never costs more than a cent per line.
     */
    @Property
    void collectingMoreNeverCostsMoreThanTheRoundingOfALine(@ForAll("orderAmounts") BigDecimal orderAmount,
            @ForAll("collections") List<Collection> collections, @ForAll @IntRange(min = 0, max = 31) int day,
            @ForAll @BigRange(min = "0.01", max = "100000") @Scale(2) BigDecimal extra) {
        List<Collection> more = new ArrayList<>(collections);
        more.add(new Collection(ORDER_DATE.plusDays(day), extra));
        BigDecimal before = calculator.newClient(order(orderAmount, collections)).total();
        BonusResult after = calculator.newClient(order(orderAmount, more));
        BigDecimal tolerance = new BigDecimal("0.01").multiply(BigDecimal.valueOf(after.lines().size()));
        assertThat(after.total().add(tolerance)).isGreaterThanOrEqualTo(before);
    }

    @Property
    void theCollectionLinesAreTheRateOfTheMoneyThatCountsWithinHalfACentPerLine(
            @ForAll("orderAmounts") BigDecimal orderAmount, @ForAll("collections") List<Collection> collections) {
        BonusResult result = calculator.newClient(order(orderAmount, collections));
        BigDecimal collectedInWindow = collections.stream()
                .filter(collection -> !collection.date().isAfter(ORDER_DATE.plusDays(30)))
                .map(Collection::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal exact = new BigDecimal("0.10").multiply(collectedInWindow.min(orderAmount));
        List<BonusLine> r1 = result.lines().stream().filter(line -> line.rule() == RuleCode.R1).toList();
        BigDecimal paid = r1.stream().map(BonusLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal tolerance = new BigDecimal("0.005").multiply(BigDecimal.valueOf(r1.size()));
        assertThat(paid.subtract(exact).abs()).isLessThanOrEqualTo(tolerance);
    }

    @Property
    void refundingEverythingThatWasCollectedClawsBackEverythingItEarned(
            @ForAll("orderAmounts") BigDecimal orderAmount, @ForAll("collections") List<Collection> collections) {
        BigDecimal collected = collections.stream().map(Collection::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Collection> refunded = new ArrayList<>(collections);
        refunded.add(new Collection(ORDER_DATE.plusDays(60), collected.negate()));
        BonusResult result = calculator.newClient(order(orderAmount, refunded));
        BigDecimal r1 = result.lines().stream().filter(line -> line.rule() == RuleCode.R1)
                .map(BonusLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        long lines = result.lines().stream().filter(line -> line.rule() == RuleCode.R1).count();
        assertThat(r1.abs()).isLessThanOrEqualTo(new BigDecimal("0.01").multiply(BigDecimal.valueOf(lines)));
    }

    @Property
    void theTierIsPaidAtMostOnce(@ForAll("orderAmounts") BigDecimal orderAmount,
            @ForAll("collections") List<Collection> collections) {
        BonusResult result = calculator.newClient(order(orderAmount, collections));
        assertThat(result.lines().stream().filter(line -> line.rule() == RuleCode.R2).count()).isLessThanOrEqualTo(1);
    }

    @Provide
    Arbitrary<BigDecimal> orderAmounts() {
        return Arbitraries.bigDecimals().between(new BigDecimal("500.00"), new BigDecimal("5000000.00")).ofScale(2);
    }

    @Provide
    Arbitrary<List<Collection>> collections() {
        Arbitrary<Collection> collection = Combinators.combine(
                Arbitraries.integers().between(0, 45),
                Arbitraries.bigDecimals().between(new BigDecimal("0.01"), new BigDecimal("2000000.00")).ofScale(2))
                .as((day, amount) -> new Collection(ORDER_DATE.plusDays(day), amount));
        return collection.list().ofMaxSize(6);
    }

    private static NewClientFacts order(BigDecimal amount, List<Collection> collections) {
        return new NewClientFacts(ORDER_DATE, amount, 1, false, false, false, null, collections);
    }
}
