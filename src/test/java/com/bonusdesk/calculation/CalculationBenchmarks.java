package com.bonusdesk.calculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import com.bonusdesk.bench.BenchReport;
import com.bonusdesk.bench.Figure;

/**
 * The rule calculation core on one thread (JMH): a new-client claim with collections, a sales referral that earns
 * its kicker, and a month's new-client count. Each must give at least a million results a second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CalculationBenchmarks {

    private static final double TARGET = 1_000_000;

    private final BonusCalculator calculator = new BonusCalculator(PlanBook.of(DefaultPlans.versions()),
            China2026.CALENDAR);

    private final NewClientFacts claim = new NewClientFacts(LocalDate.of(2026, 3, 2), new BigDecimal("52000.00"), 30,
            false, false, false, LocalDate.of(2023, 1, 5), List.of(
                    new com.bonusdesk.calculation.Collection(LocalDate.of(2026, 3, 20), new BigDecimal("20000.00")),
                    new com.bonusdesk.calculation.Collection(LocalDate.of(2026, 5, 6), new BigDecimal("32000.00"))));

    private final SalesReferralFacts referral = new SalesReferralFacts(LocalDate.of(2026, 1, 10),
            LocalDate.of(2026, 1, 12), Money.of("400000"), Money.of("600000"), Map.of(
                    YearMonth.of(2026, 1), Money.of("400000"), YearMonth.of(2026, 2), Money.of("300000"),
                    YearMonth.of(2026, 3), Money.of("300000.01"), YearMonth.of(2026, 4), Money.of("900000")));

    @Benchmark
    public BonusResult newClientClaimWithCollections() {
        return calculator.newClient(claim);
    }

    @Benchmark
    public BonusResult salesReferralWithKicker() {
        return calculator.salesReferral(referral);
    }

    @Benchmark
    public BonusResult monthlyCount() {
        return calculator.monthlyCount(YearMonth.of(2026, 3), 5);
    }

    /**
     * Runs the three in a forked JVM as JMH intends, or, {@code quick}, in this one for a moment: enough to show
     * that the harness works, not to measure.
     */
    public static void run(BenchReport report, boolean quick) throws RunnerException {
        OptionsBuilder options = new OptionsBuilder();
        options.include(CalculationBenchmarks.class.getName() + "\\.").threads(1).shouldFailOnError(true);
        if (quick) {
            options.forks(0).warmupIterations(1).warmupTime(TimeValue.milliseconds(50)).measurementIterations(1)
                    .measurementTime(TimeValue.milliseconds(100));
        } else {
            options.forks(1).warmupIterations(3).warmupTime(TimeValue.seconds(1)).measurementIterations(5)
                    .measurementTime(TimeValue.seconds(1));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        for (RunResult result : results) {
            String method = result.getParams().getBenchmark();
            report.add(Figure.atLeast("calculation: " + method.substring(method.lastIndexOf('.') + 1), "results/s",
                    result.getPrimaryResult().getScore(), TARGET));
        }
    }
}
