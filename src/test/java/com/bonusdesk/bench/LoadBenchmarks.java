package com.bonusdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.gatling.app.Gatling$;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Claim submit, "my claims" and the two approval queues under people at work (Gatling, {@link ClaimsLoadSimulation}),
 * on a database holding many claims, against the trivial authenticated endpoint called by the same people with the
 * same kind of credential in the same run.
 */
public final class LoadBenchmarks {

    private static final String PASSWORD = "load-Password-2026";
    private static final String MANAGER = "load-manager-1";
    private static final String HR = "load-hr";

    /**
     * How much to seed and play.
     *
     * @param waiting claims waiting in one manager's queue, and referrals waiting in HR's
     * @param users people played at once: four in five salespeople, the rest managers and HR
     */
    public record Sizes(int claims, int clients, int salespeople, int waiting, int users, Duration warmUp,
            Duration measured) {

        /** The sizes: 1,000,000 claims, 50,000 clients, 2,000 salespeople, 10,000 waiting, 50 people. */
        public static Sizes targets() {
            return new Sizes(Integer.getInteger("bench.claims", 1_000_000), Integer.getInteger("bench.clients", 50_000),
                    Integer.getInteger("bench.salespeople", 2_000), Integer.getInteger("bench.waiting", 10_000),
                    Integer.getInteger("bench.users", 50), Duration.ofSeconds(20), Duration.ofSeconds(60));
        }
    }

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final String baseUrl;

    public LoadBenchmarks(ApplicationContext application) {
        this.jdbc = application.getBean(JdbcTemplate.class);
        this.passwords = application.getBean(PasswordEncoder.class);
        this.baseUrl = "http://localhost:" + application.getEnvironment().getRequiredProperty("local.server.port");
    }

    /** Seeds, warms the server up with a short run, then measures a run and adds its figures. */
    public void run(Sizes sizes, BenchReport report, Path output) throws IOException {
        seed(sizes);
        List<Map<String, Object>> salespeople = jdbc.queryForList(
                "select username, 'bdk_load-' || id as token from person where username like 'load-sales-%' order by id");
        Map<String, Object> manager = jdbc.queryForMap(
                "select username, 'bdk_load-' || id as token from person where username = ?", MANAGER);
        Map<String, Object> hr = jdbc.queryForMap(
                "select username, 'bdk_load-' || id as token from person where username = ?", HR);
        Duration thinkMin = Duration.ofMillis(500);
        Duration thinkMax = Duration.ofMillis(1500);
        play(new ClaimsLoadSimulation.Plan(baseUrl, PASSWORD, salespeople, manager, hr, sizes.users(), sizes.warmUp(),
                thinkMin, thinkMax), output.resolve("warm-up"));
        GatlingStats stats = play(new ClaimsLoadSimulation.Plan(baseUrl, PASSWORD, salespeople, manager, hr,
                sizes.users(), sizes.measured(), thinkMin, thinkMax), output.resolve("measured"));

        double floor = stats.p95(ClaimsLoadSimulation.FLOOR);
        String load = ", p95, " + sizes.users() + " people, " + sizes.claims() + " claims";
        report.add(Figure.withinOrAgainstFloor(ClaimsLoadSimulation.SUBMIT + load, "ms",
                stats.p95(ClaimsLoadSimulation.SUBMIT), floor, 50, 5));
        report.add(Figure.withinOrAgainstFloor(ClaimsLoadSimulation.MY_CLAIMS + load, "ms",
                stats.p95(ClaimsLoadSimulation.MY_CLAIMS), floor, 100, 5));
        String queue = ", p95, " + sizes.waiting() + " waiting";
        report.add(Figure.withinOrAgainstFloor(ClaimsLoadSimulation.APPROVALS + queue, "ms",
                stats.p95(ClaimsLoadSimulation.APPROVALS), floor, 100, 5));
        report.add(Figure.withinOrAgainstFloor(ClaimsLoadSimulation.HR_QUEUE + queue, "ms",
                stats.p95(ClaimsLoadSimulation.HR_QUEUE), floor, 100, 5));
        report.add(Figure.atMost("load: failed requests of " + stats.requests(), "requests", stats.failed(), null, 0));
    }

    private static GatlingStats play(ClaimsLoadSimulation.Plan plan, Path results) throws IOException {
        ClaimsLoadSimulation.plan = plan;
        System.setProperty("gatling.data.enableAnalytics", "false");
        int status = Gatling$.MODULE$.fromArgs(new String[] {"-s", ClaimsLoadSimulation.class.getName(), "-rf",
                results.toAbsolutePath().toString()});
        if (status != 0) {
            throw new IllegalStateException("Gatling ended with status " + status);
        }
        try (Stream<Path> runs = Files.list(results)) {
            Path newest = runs.filter(Files::isDirectory).max(Comparator.comparing(Path::getFileName)).orElseThrow();
            return GatlingStats.read(newest.resolve("js").resolve("stats.js"));
        }
    }

    /**
     * The people, each salesperson's claims and clients, one manager's queue of waiting claims and HR's of waiting
     * referrals, with their timelines and approval steps, written by set-based SQL as the application would have.
     */
    void seed(Sizes sizes) {
        String hash = passwords.encode(PASSWORD);
        int managers = Math.max(1, sizes.salespeople() / 50);
        int approved = Math.min(sizes.clients() - sizes.waiting(), sizes.claims() - sizes.waiting());
        jdbc.execute((ConnectionCallback<Void>) connection -> {
            try (Statement sql = connection.createStatement()) {
                sql.execute("set synchronous_commit = off");
                sql.execute("insert into person (username, password_hash, display_name, active, created_at, updated_at)"
                        + " select 'load-manager-' || m, '" + hash + "', '压测经理 ' || m, true, now(), now()"
                        + " from generate_series(1, " + managers + ") m");
                sql.execute("insert into person (username, password_hash, display_name, active, created_at, updated_at)"
                        + " values ('" + HR + "', '" + hash + "', '压测人事', true, now(), now())");
                sql.execute("insert into person (username, password_hash, display_name, manager_id, active, created_at,"
                        + " updated_at) select 'load-sales-' || s, '" + hash + "', '压测销售 ' || s, m.id, true, now(),"
                        + " now() from generate_series(1, " + sizes.salespeople() + ") s"
                        + " join person m on m.username = 'load-manager-' || (1 + (s - 1) % " + managers + ")");
                sql.execute("insert into person_role (person_id, role) select id, case"
                        + " when username like 'load-manager-%' then 'MANAGER' when username = '" + HR + "' then 'HR'"
                        + " else 'SALES' end from person where username like 'load-%'");
                sql.execute("insert into api_token (person_id, name, secret_hash, read_only, roles, expires_on,"
                        + " created_at, created_by) select p.id, 'load', encode(sha256(('bdk_load-' || p.id)::bytea),"
                        + " 'hex'), false, r.role, date '2099-12-31', now(), p.username from person p"
                        + " join person_role r on r.person_id = p.id where p.username like 'load-%'");
                sql.execute("create temporary table load_sales as select row_number() over (order by id) as n, id,"
                        + " manager_id from person where username like 'load-sales-%'");
                sql.execute("create temporary table load_line as select row_number() over (order by s.id) as n, s.id"
                        + " from load_sales s join person m on m.id = s.manager_id and m.username = '" + MANAGER + "'");
                sql.execute("insert into client (code, kind, name, created_at) select '138' || lpad(c::text, 8, '0'),"
                        + " 'PERSON', '压测客户 ' || c, now() from generate_series(1, " + sizes.clients() + ") c");

                // claims decided long ago: the first `approved` clients each hold one approved claim, every other
                // claim was rejected or withdrawn (only one claim per client may be live)
                sql.execute("insert into claim (submitter_id, client_code, client_name, order_number, order_date,"
                        + " order_amount, units, below_list_price, package_deal, status, submitted_at, decided_by,"
                        + " decided_at) select s.id, '138' || lpad((1 + (g - 1) % " + sizes.clients() + ")::text, 8,"
                        + " '0'), '压测客户 ' || (1 + (g - 1) % " + sizes.clients() + "), 'LOAD-' || g,"
                        + " date '2024-01-01' + (g % 700), 10000 + (g % 90000), 1 + g % 20, g % 10 = 0, false,"
                        + " case when g <= " + approved + " then 'APPROVED' when g % 3 = 0 then 'WITHDRAWN'"
                        + " else 'REJECTED' end, timestamptz '2024-01-01 09:00+08' + g * interval '50 seconds',"
                        + " case when g % 3 <> 0 or g <= " + approved + " then s.manager_id end,"
                        + " case when g % 3 <> 0 or g <= " + approved + " then timestamptz '2024-01-02 09:00+08'"
                        + " + g * interval '50 seconds' end"
                        + " from generate_series(1, " + (sizes.claims() - sizes.waiting()) + ") g"
                        + " join load_sales s on s.n = 1 + (g - 1) % " + sizes.salespeople());
                // the manager's queue: claims of their line for the clients no claim holds
                sql.execute("insert into claim (submitter_id, client_code, client_name, order_number, order_date,"
                        + " order_amount, units, below_list_price, package_deal, status, submitted_at)"
                        + " select l.id, '138' || lpad((" + approved + " + w)::text, 8, '0'), '压测客户 ' || ("
                        + approved + " + w), 'LOAD-WAITING-' || w, date '2026-05-01' + (w % 40), 10000 + (w % 90000),"
                        + " 1 + w % 20, false, false, 'SUBMITTED', timestamptz '2026-05-01 09:00+08' + w * interval"
                        + " '5 minutes' from generate_series(1, " + sizes.waiting() + ") w"
                        + " join load_line l on l.n = 1 + (w - 1) % (select count(*) from load_line)");
                sql.execute("insert into approval_step (subject_type, subject_id, position, approver, applies_above,"
                        + " amount, submitter_id, open, decided_by, decided_by_name, decided_at, decision)"
                        + " select 'CLAIM', c.id, 0, 'SUBMITTERS_MANAGER', 0, 0, c.submitter_id, c.status ="
                        + " 'SUBMITTED', c.decided_by, m.username, c.decided_at, case when c.status in ('APPROVED',"
                        + " 'REJECTED') then c.status end from claim c left join person m on m.id = c.decided_by"
                        + " where c.order_number like 'LOAD-%' and c.status <> 'WITHDRAWN'");
                sql.execute("insert into workflow_event (subject_type, subject_id, occurred_at, actor, to_status)"
                        + " select 'CLAIM', c.id, c.submitted_at, p.username, 'SUBMITTED' from claim c"
                        + " join person p on p.id = c.submitter_id where c.order_number like 'LOAD-%'");

                // HR's queue: referrals waiting for their first step
                sql.execute("insert into referral (referrer_id, client_code, client_name, contract_number, signed_date,"
                        + " contract_amount, client_annual_sales, relationship, status, filed_on, deadline, filed_at)"
                        + " select s.id, '139' || lpad(w::text, 8, '0'), '压测转介绍客户 ' || w, 'LOAD-CONTRACT-' || w,"
                        + " date '2026-05-01' + (w % 40), 100000 + (w % 900000), 6000000, 'NONE', 'SUBMITTED',"
                        + " date '2026-05-01' + (w % 40), date '2026-05-20' + (w % 40),"
                        + " timestamptz '2026-05-01 09:00+08' + w * interval '5 minutes'"
                        + " from generate_series(1, " + sizes.waiting() + ") w"
                        + " join load_sales s on s.n = 1 + (w - 1) % " + sizes.salespeople());
                sql.execute("insert into approval_step (subject_type, subject_id, position, approver, applies_above,"
                        + " amount, submitter_id, open) select 'REFERRAL', r.id, 0, 'HR', 0, 0, r.referrer_id, true"
                        + " from referral r where r.contract_number like 'LOAD-CONTRACT-%'");
                sql.execute("insert into workflow_event (subject_type, subject_id, occurred_at, actor, to_status)"
                        + " select 'REFERRAL', r.id, r.filed_at, p.username, 'SUBMITTED' from referral r"
                        + " join person p on p.id = r.referrer_id where r.contract_number like 'LOAD-CONTRACT-%'");
                sql.execute("drop table load_sales, load_line");
                // as autovacuum leaves tables after a bulk load: statistics, and the visibility map that lets a
                // queue be counted from its index alone
                for (String table : List.of("person", "person_role", "api_token", "client", "claim", "approval_step",
                        "workflow_event", "referral")) {
                    sql.execute("vacuum analyze " + table);
                }
            }
            return null;
        });
    }

    /** What a Gatling run measured, per request name, from its report's {@code stats.js}. */
    record GatlingStats(Map<String, Double> p95ByRequest, long requests, long failed) {

        double p95(String request) {
            Double p95 = p95ByRequest.get(request);
            if (p95 == null) {
                throw new IllegalStateException("Gatling measured no request named " + request);
            }
            return p95;
        }

        static GatlingStats read(Path statsJs) throws IOException {
            return GatlingStatsJs.parse(Files.readString(statsJs));
        }
    }
}
