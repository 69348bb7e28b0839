package com.bonusdesk.bench;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.bonusdesk.calculation.CalculationBenchmarks;
import com.bonusdesk.payouts.PayoutBenchmarks;
import com.bonusdesk.support.IntegrationTest;

/**
 * Every benchmark at the targets' sizes, run by {@code ./mvnw -Pbench verify} (and never by the normal build): it
 * seeds its own data in a fresh embedded PostgreSQL, prints the table and writes {@code target/bench}. Sizes are
 * the system properties {@code bench.lines} and {@code bench.payees} (the payout run), {@code bench.claims},
 * {@code bench.clients}, {@code bench.salespeople}, {@code bench.waiting} and {@code bench.users} (the load), and
 * {@code bench.simulationClaims} (a quarter's claims replayed by a plan simulation, each with its collection, and the
 * referrals, key accounts and dealers seeded in proportion to them).
 */
@IntegrationTest
class Benchmarks {

    private static final BenchReport REPORT = new BenchReport();

    @Autowired
    ApplicationContext application;

    /**
     * First, before this JVM starts its own context and embedded database, and while nothing the other benchmarks
     * leave behind (autovacuum of their tables) competes with the starts measured for the CPU.
     */
    @BeforeAll
    static void coldStart() throws Exception {
        new ColdStart().run(Path.of(System.getProperty("bonusdesk.jar")), REPORT);
    }

    @Test
    void everyFigure() throws Exception {
        BenchReport report = REPORT;
        PayoutBenchmarks payouts = new PayoutBenchmarks(application);
        payouts.export(payouts.build(Integer.getInteger("bench.lines", 1_000_000),
                Integer.getInteger("bench.payees", 20_000), report), report);
        CalculationBenchmarks.run(report, false);
        new SimulationBenchmarks(application).run(Integer.getInteger("bench.simulationClaims", 145_000),
                Integer.getInteger("bench.salespeople", 2_000), report);
        Path output = Path.of(System.getProperty("bench.output", "target/bench"));
        new LoadBenchmarks(application).run(LoadBenchmarks.Sizes.targets(), report, output.resolve("gatling"));
        report.write(output);
        System.out.println(System.lineSeparator() + report.table());
    }
}
