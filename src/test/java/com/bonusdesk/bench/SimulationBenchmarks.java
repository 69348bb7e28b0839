package com.bonusdesk.bench;

import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;

import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import com.bonusdesk.simulations.Simulations;

/**
 * Plan simulation over a quarter of a company's history: approved claims of its salespeople in January to March
 * 2026 with the money collected on them (and some refunded), replayed through the new-client plan. The facts are
 * seeded for the measurement and removed after it, so that no other test or benchmark sees them.
 */
final class SimulationBenchmarks {

    private static final LocalDate FROM = LocalDate.of(2026, 1, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 31);

    private final JdbcTemplate jdbc;
    private final Simulations simulations;

    SimulationBenchmarks(ApplicationContext application) {
        this.jdbc = application.getBean(JdbcTemplate.class);
        this.simulations = application.getBean(Simulations.class);
    }

    /** Seeds {@code claims} approved claims of {@code salespeople} people, simulates the quarter and reports it. */
    void run(int claims, int salespeople, BenchReport report) {
        seed(claims, salespeople);
        try {
            long facts = jdbc.queryForObject("select (select count(*) from claim where order_number like 'SIMB-%')"
                    + " + (select count(*) from collection where order_number like 'SIMB-%')", Long.class);
            long version = jdbc.queryForObject("select id from plan_version where kind = 'NEW_CLIENT'"
                    + " and status = 'PUBLISHED' and valid_from <= ? order by number desc limit 1", Long.class, FROM);
            long started = System.nanoTime();
            long simulation = simulations.start(version, FROM, TO, "bench", Duration.ofMinutes(10));
            double seconds = (System.nanoTime() - started) / 1e9;
            Simulations.Simulation done = simulations.find(simulation).orElseThrow();
            if (!"DONE".equals(done.status())) {
                throw new IllegalStateException("The simulation ended " + done.status());
            }
            report.add(Figure.atMost("plan simulation, a quarter, " + facts + " facts, " + salespeople + " people", "s",
                    seconds, null, 10));
        } finally {
            remove();
        }
    }

    private void seed(int claims, int salespeople) {
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("insert into person (username, password_hash, display_name, active, created_at, updated_at)"
                        + " select 'simb-sales-' || s, '{noop}unused', '模拟压测销售 ' || s, true, now(), now()"
                        + " from generate_series(1, " + salespeople + ") s");
                sql.execute("insert into person_role (person_id, role) select id, 'SALES' from person"
                        + " where username like 'simb-sales-%'");
                sql.execute("create temporary table simb_sales as select row_number() over (order by id) as n, id"
                        + " from person where username like 'simb-sales-%'");
                sql.execute("insert into claim (submitter_id, client_code, client_name, order_number, order_date,"
                        + " order_amount, units, below_list_price, package_deal, status, submitted_at)"
                        + " select s.id, 'SIMB' || lpad(g::text, 14, '0'), '模拟压测客户 ' || g, 'SIMB-' || g,"
                        + " date '2026-01-01' + (g % 90), 300 + (g % 20000), 1 + g % 20, g % 10 = 0, false,"
                        + " 'APPROVED', timestamptz '2026-01-01 09:00+08' + (g % 90) * interval '1 day'"
                        + " from generate_series(1, " + claims + ") g join simb_sales s on s.n = 1 + (g - 1) % "
                        + salespeople);
                sql.execute("insert into collection (reference, order_number, received_on, amount, recorded_by,"
                        + " recorded_at) select 'SIMB-IN-' || id, order_number, order_date + (id % 25)::int,"
                        + " order_amount, 'bench', now() from claim where order_number like 'SIMB-%'");
                sql.execute("insert into collection (reference, order_number, received_on, amount, recorded_by,"
                        + " recorded_at) select 'SIMB-OUT-' || id, order_number, order_date + 28, -round(order_amount / 2, 2),"
                        + " 'bench', now() from claim where order_number like 'SIMB-%' and id % 20 = 0");
                sql.execute("drop table simb_sales");
                sql.execute("analyze claim");
                sql.execute("analyze collection");
            }
            return null;
        });
    }

    private void remove() {
        jdbc.update("delete from collection where order_number like 'SIMB-%'");
        jdbc.update("delete from claim where order_number like 'SIMB-%'");
        jdbc.update("delete from plan_simulation where requested_by = 'bench'");
        jdbc.update("delete from person_role where person_id in (select id from person where username like 'simb-sales-%')");
        jdbc.update("delete from person where username like 'simb-sales-%'");
    }
}
