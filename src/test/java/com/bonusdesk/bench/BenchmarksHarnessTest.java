package com.bonusdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.bonusdesk.calculation.CalculationBenchmarks;
import com.bonusdesk.payouts.PayoutBenchmarks;
import com.bonusdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The benchmarks' harness at tiny sizes, so that the normal build proves it still works: every figure is measured
 * and written. Nothing here is timed against a target; the figures are judged only by {@code ./mvnw -Pbench verify}.
 */
@IntegrationTest
class BenchmarksHarnessTest {

    @Autowired
    ApplicationContext application;

    @Test
    void everyBenchmarkMeasuresAndIsWrittenDown() throws Exception {
        BenchReport report = new BenchReport();
        PayoutBenchmarks payouts = new PayoutBenchmarks(application);
        payouts.export(payouts.build(2_000, 40, report), report);
        CalculationBenchmarks.run(report, true);
        new SimulationBenchmarks(application).run(500, 20, report);
        new LoadBenchmarks(application).run(new LoadBenchmarks.Sizes(3_000, 600, 20, 40, 10, Duration.ofSeconds(1),
                Duration.ofSeconds(4)), report, Path.of("target", "bench-harness", "gatling"));

        assertThat(report.figures()).extracting(figure -> figure.name().replaceAll("[0-9]+", "N")).containsExactlyInAnyOrder(
                "payout run build, N lines, N payees", "payout sheet XLSX, N lines",
                "payout sheet XLSX, heap held at its peak (-XmxNm)",
                "payout sheet XLSX, heap at its peak with garbage not yet collected", "payout sheet CSV, N payees", "payout lines CSV, N lines",
                "calculation: monthlyCount", "calculation: newClientClaimWithCollections",
                "calculation: salesReferralWithKicker", "claim submit (API), pN, N people, N claims",
                "my claims (page), pN, N people, N claims", "approvals queue (page), pN, N waiting",
                "HR queue (page), pN, N waiting", "load: failed requests of N",
                "plan simulation, a quarter, N facts, N people",
                "plan simulation, monthly counts, a quarter, N lines counted",
                "plan simulation, sales referrals, a quarter, N facts",
                "plan simulation, key accounts, a quarter, N orders", "plan simulation, dealers, a quarter, N orders");
        assertThat(report.figures()).filteredOn(figure -> figure.name().startsWith("load: failed"))
                .singleElement().satisfies(figure -> assertThat(figure.value()).isZero());
        assertThat(report.figures()).filteredOn(figure -> figure.unit().equals("ms"))
                .allSatisfy(figure -> assertThat(figure.floor()).isPositive());
        assertThat(report.figures()).filteredOn(figure -> figure.unit().equals("s"))
                .allSatisfy(figure -> assertThat(figure.value()).isPositive());
        assertThat(report.figures().get(0).floor()).isPositive();

        Path output = Path.of("target", "bench-harness");
        report.write(output);
        assertThat(Files.readString(output.resolve("results.json"))).contains("\"figure\": \"calculation: monthlyCount\"",
                "\"ratio\": ");
        assertThat(Files.readString(output.resolve("report.html"))).contains("<svg");
        assertThat(report.table()).contains("payout run build");
    }
}
