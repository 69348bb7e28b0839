package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static com.bonusdesk.support.Theories.amounts;
import static com.bonusdesk.support.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

/** Invariants of R3 (monthly count), R4 (sales referral and kicker) and R5 (customer referral) over generated facts. */
class TierAndReferralPropertiesTest {

    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final LocalDate SIGNED = LocalDate.of(2026, 1, 12);

    private final BonusCalculator calculator = new BonusCalculator(PlanBook.of(DefaultPlans.versions()),
            China2026.CALENDAR);

    @Test
    void aMonthPaysTheHighestTierReachedOnceAndMoreClientsNeverPayLess() {
        qt().forAll(integers().between(0, 60), integers().between(0, 10)).checkAssert((clients, more) -> {
            BonusResult result = calculator.monthlyCount(MARCH, clients);
            String expected = clients == 0 ? null : clients <= 4 ? "50.00" : clients <= 9 ? "100.00" : "200.00";
            if (expected == null) {
                assertThat(result.lines()).isEmpty();
            } else {
                assertThat(result.lines()).singleElement().satisfies(line -> {
                    assertThat(line.rule()).isEqualTo(RuleCode.R3);
                    assertThat(line.amount()).isEqualTo(new BigDecimal(expected));
                    assertThat(line.earnedOn()).isEqualTo(LocalDate.of(2026, 4, 1));
                });
            }
            assertThat(calculator.monthlyCount(MARCH, clients + more).total()).isGreaterThanOrEqualTo(result.total());
        });
    }

    /** What the salesperson's dashboard says: "2 more new clients this month reach the next tier: +50.00". */
    @Test
    void progressNamesTheNextTierHowManyMoreReachItAndWhatItAdds() {
        MonthlyCountTiers tiers = DefaultPlans.MONTHLY_COUNT;
        assertThat(tiers.progress(0)).isEqualTo(new MonthlyCountTiers.Progress(0, new BigDecimal("0.00"), 1, 1,
                new BigDecimal("50.00")));
        assertThat(tiers.progress(3)).isEqualTo(new MonthlyCountTiers.Progress(3, new BigDecimal("50.00"), 5, 2,
                new BigDecimal("50.00")));
        assertThat(tiers.progress(9)).isEqualTo(new MonthlyCountTiers.Progress(9, new BigDecimal("100.00"), 10, 1,
                new BigDecimal("100.00")));
        assertThat(tiers.progress(12)).isEqualTo(new MonthlyCountTiers.Progress(12, new BigDecimal("200.00"), null, 0,
                new BigDecimal("0.00")));
    }

    /** Reaching the next tier by the clients it names pays exactly the bonus now plus the gain it promised. */
    @Test
    void theProgressPromiseIsWhatTheMonthThenPays() {
        qt().forAll(integers().between(0, 60)).checkAssert(clients -> {
            MonthlyCountTiers.Progress progress = DefaultPlans.MONTHLY_COUNT.progress(clients);
            assertThat(calculator.monthlyCount(MARCH, clients).total()).isEqualByComparingTo(progress.bonus());
            if (progress.nextFrom() != null) {
                assertThat(calculator.monthlyCount(MARCH, clients + progress.more()).total())
                        .isEqualByComparingTo(progress.bonus().add(progress.gain()));
                assertThat(calculator.monthlyCount(MARCH, clients + progress.more() - 1).total())
                        .isEqualByComparingTo(progress.bonus());
            }
        });
    }

    /** 1% of the contract for a big client, 0.5% for an ordinary one, rounded half-up to the cent; smaller earns nothing. */
    @Test
    void theShareIsTheClassRateOfTheContractToTheCent() {
        Gen<BigDecimal> annualSalesNearTheEdges = Generate.pick(List.of("99999.99", "100000.00", "100000.01",
                "499999.99", "500000.00", "500000.01")).map(text -> new BigDecimal(text));
        qt().forAll(amounts("0.01", "50000000"), amounts("0.00", "5000000").mix(annualSalesNearTheEdges, 50))
                .checkAssert((contract, annualSales) -> {
                    BonusResult result = calculator.salesReferral(new SalesReferralFacts(SIGNED, SIGNED, contract,
                            annualSales, Map.of()));
                    if (annualSales.compareTo(new BigDecimal("100000")) < 0) {
                        assertThat(result.eligible()).isFalse();
                        assertThat(result.reasons()).extracting(Reason::code).contains(ReasonCode.CLIENT_TOO_SMALL);
                        return;
                    }
                    BigDecimal rate = new BigDecimal(annualSales.compareTo(new BigDecimal("500000")) >= 0 ? "0.01" : "0.005");
                    assertThat(result.lines()).filteredOn(line -> line.rule() == RuleCode.R4).singleElement()
                            .satisfies(line -> assertThat(line.amount())
                                    .isEqualTo(rate.multiply(contract).setScale(2, RoundingMode.HALF_UP)));
                });
    }

    /**
     * The kicker is earned once per referral, when some three consecutive months add up to more than the class's
     * threshold (1,000,000.00 big, 300,000.00 ordinary), and then pays 1,000.00 or 500.00; otherwise never. A
     * month with no amount recorded counts as nothing, so two months over the threshold are enough.
     */
    @Test
    void theKickerIsEarnedOnceExactlyWhenThreeConsecutiveMonthsExceedTheThreshold() {
        Gen<List<BigDecimal>> months = lists().of(amounts("0.00", "600000")).ofSizeBetween(0, 8);
        qt().forAll(months, Generate.booleans()).checkAssert((amounts, big) -> {
            Map<YearMonth, BigDecimal> byMonth = new LinkedHashMap<>();
            for (int i = 0; i < amounts.size(); i++) {
                byMonth.put(YearMonth.from(SIGNED).plusMonths(i), amounts.get(i));
            }
            BigDecimal threshold = new BigDecimal(big ? "1000000" : "300000");
            boolean reached = false;
            for (int i = 0; i < amounts.size(); i++) {
                BigDecimal window = amounts.subList(i, Math.min(i + 3, amounts.size())).stream()
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                reached |= window.compareTo(threshold) > 0;
            }
            BonusResult result = calculator.salesReferral(new SalesReferralFacts(SIGNED, SIGNED, new BigDecimal("100000"),
                    new BigDecimal(big ? "600000" : "200000"), byMonth));
            List<BonusLine> kickers = result.lines().stream().filter(line -> line.rule() == RuleCode.R4_KICKER).toList();
            if (reached) {
                assertThat(kickers).singleElement().satisfies(line ->
                        assertThat(line.amount()).isEqualTo(new BigDecimal(big ? "1000.00" : "500.00")));
            } else {
                assertThat(kickers).isEmpty();
            }
        });
    }

    /** Residential: 0.2% of the deal rounded half-up to the nearest hundred; commercial 0.3% to the cent; parking and storage nothing. */
    @Test
    void aCustomerReferralPaysItsPropertyTypesShareRoundedAsThePlanSays() {
        qt().forAll(amounts("1.00", "100000000"), Generate.enumValues(PropertyType.class)).checkAssert((deal, type) -> {
            BonusResult result = calculator.customerReferral(new CustomerReferralFacts(type, deal, SIGNED, true));
            switch (type) {
                case RESIDENTIAL -> assertThat(result.lines()).singleElement().satisfies(line -> {
                    assertThat(line.amount().remainder(new BigDecimal("100")).signum()).isZero();
                    assertThat(line.amount()).isEqualTo(new BigDecimal("0.002").multiply(deal)
                            .divide(new BigDecimal("100"), 0, RoundingMode.HALF_UP).movePointRight(2)
                            .setScale(2, RoundingMode.UNNECESSARY));
                });
                case COMMERCIAL -> assertThat(result.lines()).singleElement().satisfies(line -> assertThat(line.amount())
                        .isEqualTo(new BigDecimal("0.003").multiply(deal).setScale(2, RoundingMode.HALF_UP)));
                default -> assertThat(result.lines()).isEmpty();
            }
        });
    }

    @Test
    void aDealNotPaidInFullEarnsNothingYet() {
        qt().forAll(amounts("1.00", "100000000"), Generate.enumValues(PropertyType.class)).checkAssert((deal, type) ->
                assertThat(calculator.customerReferral(new CustomerReferralFacts(type, deal, SIGNED, false)).lines())
                        .isEmpty());
    }
}
