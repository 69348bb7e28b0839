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
 * 2026 with the money collected on them (and some refunded), replayed through the new-client plan; the same claims'
 * order-size lines counted again by the monthly-count plan; and approved referrals with three months of contract
 * amounts each, replayed through the sales-referral plan. The facts are seeded for the measurement and removed
 * after it, so that no other test or benchmark sees them.
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

    /**
     * Seeds {@code claims} approved claims of {@code salespeople} people and one referral for every 25 claims,
     * simulates the quarter under each plan and reports it.
     */
    void run(int claims, int salespeople, BenchReport report) {
        seed(claims, salespeople);
        try {
            long claimFacts = count("select (select count(*) from claim where order_number like 'SIMB-%')"
                    + " + (select count(*) from collection where order_number like 'SIMB-%')");
            report.add(Figure.atMost("plan simulation, a quarter, " + claimFacts + " facts, " + salespeople + " people",
                    "s", simulate("NEW_CLIENT"), null, 10));
            long counted = count("select count(*) from earned_line where source_type = 'CLAIM' and source_id in"
                    + " (select id from claim where order_number like 'SIMB-%')");
            report.add(Figure.atMost("plan simulation, monthly counts, a quarter, " + counted + " lines counted", "s",
                    simulate("MONTHLY_COUNT_TIER"), null, 10));
            long referralFacts = count("select (select count(*) from referral where contract_number like 'SIMB-%')"
                    + " + (select count(*) from referral_month where referral_id in"
                    + " (select id from referral where contract_number like 'SIMB-%'))");
            report.add(Figure.atMost("plan simulation, sales referrals, a quarter, " + referralFacts + " facts", "s",
                    simulate("SALES_REFERRAL"), null, 10));
            long accountOrders = count("select count(*) from client_order where order_number like 'SIMK-%'");
            report.add(Figure.atMost("plan simulation, key accounts, a quarter, " + accountOrders + " orders", "s",
                    simulate("KEY_ACCOUNT"), null, 10));
            long dealerOrders = count("select count(*) from client_order where order_number like 'SIMD-%'");
            report.add(Figure.atMost("plan simulation, dealers, a quarter, " + dealerOrders + " orders", "s",
                    simulate("DEALER"), null, 10));
        } finally {
            remove();
        }
    }

    private long count(String sql) {
        return jdbc.queryForObject(sql, Long.class);
    }

    /** Simulates the version of {@code kind} in force at the quarter's start over the quarter: its seconds. */
    private double simulate(String kind) {
        long version = jdbc.queryForObject("select id from plan_version where kind = ? and status = 'PUBLISHED'"
                + " and valid_from <= ? order by number desc limit 1", Long.class, kind, FROM);
        long started = System.nanoTime();
        long simulation = simulations.start(version, FROM, TO, "bench", Duration.ofMinutes(10));
        double seconds = (System.nanoTime() - started) / 1e9;
        Simulations.Simulation done = simulations.find(simulation).orElseThrow();
        if (!"DONE".equals(done.status())) {
            throw new IllegalStateException("The simulation of " + kind + " ended " + done.status());
        }
        return seconds;
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
                // the order-size lines the monthly count counts, as the weekly computation wrote them
                sql.execute("insert into earned_line (payee_id, source_type, source_id, rule, amount, plan_version,"
                        + " earned_on, due_on, explanation, created_at) select submitter_id, 'CLAIM', id, 'R2', 100,"
                        + " 'SIMB', order_date, order_date, '{}'::jsonb, now() from claim"
                        + " where order_number like 'SIMB-%' and id % 2 = 0");
                sql.execute("insert into referral (referrer_id, client_code, client_name, contract_number, signed_date,"
                        + " contract_amount, client_annual_sales, relationship, status, filed_on, deadline, filed_at)"
                        + " select s.id, 'SIMR' || lpad(g::text, 14, '0'), '模拟推荐客户 ' || g, 'SIMB-R' || g,"
                        + " date '2026-01-01' + (g % 90), 50000 + (g % 400000), 100000 + (g % 900000), 'NONE',"
                        + " 'APPROVED', date '2026-01-01' + (g % 90), date '2026-01-22' + (g % 90), now()"
                        + " from generate_series(1, " + Math.max(1, claims / 25) + ") g"
                        + " join simb_sales s on s.n = 1 + (g - 1) % " + salespeople);
                sql.execute("insert into referral_month (referral_id, month, amount, recorded_by, recorded_at)"
                        + " select r.id, date_trunc('month', r.signed_date)::date + m * interval '1 month',"
                        + " r.contract_amount * (1 + m), 'bench', now() from referral r, generate_series(0, 2) m"
                        + " where r.contract_number like 'SIMB-%'");
                // one key account and one dealer for every 290 claims (500 each at the default size), each
                // ordering ten times a month
                int accounts = Math.max(1, claims / 290);
                for (String kind : new String[] {"K", "D"}) {
                    sql.execute("insert into client (code, kind, name, created_at) select 'SIM" + kind
                            + "' || lpad(g::text, 14, '0'), 'ORGANISATION', '模拟压测客户 " + kind + "' || g, now()"
                            + " from generate_series(1, " + accounts + ") g");
                    sql.execute("insert into client_order (order_number, client_id, order_date, amount, units,"
                            + " imported_at) select 'SIM" + kind + "-' || c.id || '-' || g, c.id,"
                            + " date '2026-01-01' + (g * 3), 5000 + (c.id * 37 + g * 1013) % 60000, 10, now()"
                            + " from client c, generate_series(0, 29) g where c.code like 'SIM" + kind + "%'");
                }
                sql.execute("insert into key_account (client_id, client_class, mode, valid_from, payee_id, created_by,"
                        + " created_at) select c.id, substr('ABC', 1 + (c.id % 3)::int, 1), 'CASH', date '2025-01-01',"
                        + " s.id, 'bench', now() from client c join simb_sales s on s.n = 1 + c.id % " + salespeople
                        + " where c.code like 'SIMK%'");
                sql.execute("insert into dealer (client_id, payee_id, created_by, created_at) select c.id, s.id, 'bench',"
                        + " now() from client c join simb_sales s on s.n = 1 + c.id % " + salespeople
                        + " where c.code like 'SIMD%'");
                sql.execute("insert into dealer_target (dealer_id, year, target, set_by, set_at) select id, 2026,"
                        + " 5000000, 'bench', now() from dealer where created_by = 'bench'");
                sql.execute("drop table simb_sales");
                sql.execute("analyze claim");
                sql.execute("analyze collection");
                sql.execute("analyze earned_line");
                sql.execute("analyze referral");
                sql.execute("analyze referral_month");
                sql.execute("analyze client");
                sql.execute("analyze client_order");
            }
            return null;
        });
    }

    private void remove() {
        jdbc.update("delete from dealer_target where dealer_id in (select id from dealer where created_by = 'bench')");
        jdbc.update("delete from dealer where created_by = 'bench'");
        jdbc.update("delete from key_account where created_by = 'bench'");
        jdbc.update("delete from client_order where order_number like 'SIMK-%' or order_number like 'SIMD-%'");
        jdbc.update("delete from client where code like 'SIMK%' or code like 'SIMD%'");
        jdbc.update("delete from referral_month where referral_id in"
                + " (select id from referral where contract_number like 'SIMB-%')");
        jdbc.update("delete from referral where contract_number like 'SIMB-%'");
        jdbc.update("delete from earned_line where plan_version = 'SIMB'");
        jdbc.update("delete from collection where order_number like 'SIMB-%'");
        jdbc.update("delete from claim where order_number like 'SIMB-%'");
        jdbc.update("delete from plan_simulation where requested_by = 'bench'");
        jdbc.update("delete from person_role where person_id in (select id from person where username like 'simb-sales-%')");
        jdbc.update("delete from person where username like 'simb-sales-%'");
    }
}
