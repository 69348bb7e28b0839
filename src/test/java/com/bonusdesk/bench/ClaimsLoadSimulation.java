package com.bonusdesk.bench;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.css;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.listFeeder;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.substring;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * People at work, as Gatling plays them: salespeople submit claims over the API (with their tokens) and read "my
 * claims", a manager reads the approvals queue, HR reads the referral queue; each, between two requests, thinks for
 * a moment as a person does. Every one of them also calls the trivial authenticated endpoint, the floor, with the
 * same token, so that the floor is measured under the same load.
 */
public class ClaimsLoadSimulation extends Simulation {

    static final String SUBMIT = "claim submit (API)";
    static final String MY_CLAIMS = "my claims (page)";
    static final String APPROVALS = "approvals queue (page)";
    static final String HR_QUEUE = "HR queue (page)";
    static final String FLOOR = "floor: GET /api/v1/me";

    /** Gatling makes this class by reflection; the benchmark says here, before, what to play. */
    static volatile Plan plan;

    /** Every claim submitted, over every run in this JVM, names a client never claimed before. */
    private static final AtomicLong NEW_CLIENTS = new AtomicLong();

    /**
     * What to play.
     *
     * @param salespeople each with {@code username} and {@code token}, taken in turn by the salespeople played
     * @param manager the manager whose queue holds the waiting claims, with {@code username} and {@code token}
     * @param hr the HR person whose queue holds the waiting referrals, likewise
     */
    record Plan(String baseUrl, String password, List<Map<String, Object>> salespeople, Map<String, Object> manager,
            Map<String, Object> hr, int users, Duration during, Duration thinkMin, Duration thinkMax) {

        int managers() {
            return Math.max(1, users / 10);
        }

        int salespeopleUsers() {
            return users - 2 * managers();
        }
    }

    public ClaimsLoadSimulation() {
        Plan played = plan;
        HttpProtocolBuilder protocol = http.baseUrl(played.baseUrl()).acceptLanguageHeader("zh-CN,zh;q=0.9")
                .shareConnections();
        Duration ramp = Duration.ofSeconds(Math.max(1, played.users() / 10));
        setUp(
                people("salespeople", listFeeder(played.salespeople()).circular(), played, exec(
                        http(SUBMIT).post("/api/v1/claims").header("Authorization", "Bearer #{token}")
                                .body(StringBody(session -> newClaim())).asJson().check(status().is(201)),
                        pause(played.thinkMin(), played.thinkMax()),
                        http(MY_CLAIMS).get("/claims").check(status().is(200), css("#claims-table").exists()),
                        pause(played.thinkMin(), played.thinkMax()),
                        floor()), played.salespeopleUsers(), ramp),
                people("managers", listFeeder(List.of(played.manager())).circular(), played, exec(
                        http(APPROVALS).get("/approvals").check(status().is(200), css("#approvals-table").exists()),
                        pause(played.thinkMin(), played.thinkMax()),
                        floor()), played.managers(), ramp),
                people("HR", listFeeder(List.of(played.hr())).circular(), played, exec(
                        http(HR_QUEUE).get("/hr/referrals").check(status().is(200)),
                        pause(played.thinkMin(), played.thinkMax()),
                        floor()), played.managers(), ramp))
                .protocols(protocol);
    }

    private static PopulationBuilder people(String name, io.gatling.javaapi.core.FeederBuilder<Object> feeder,
            Plan played, ChainBuilder work, int count, Duration ramp) {
        ScenarioBuilder scenario = scenario(name).feed(feeder)
                .exec(http("sign-in page").get("/login").check(css("input[name='_csrf']", "value").saveAs("csrf")))
                .exec(http("sign in").post("/login").formParam("username", "#{username}")
                        .formParam("password", played.password()).formParam("_csrf", "#{csrf}")
                        .check(status().is(200), substring("id=\"password\"").notExists()))
                .during(played.during()).on(pause(played.thinkMin(), played.thinkMax()).exec(work));
        return scenario.injectOpen(rampUsers(count).during(ramp));
    }

    private static ChainBuilder floor() {
        return exec(http(FLOOR).get("/api/v1/me").header("Authorization", "Bearer #{token}").check(status().is(200)));
    }

    private static String newClaim() {
        long number = NEW_CLIENTS.incrementAndGet();
        return """
                {"clientCode": "137%08d", "clientName": "压测新客户 %d", "orderNumber": "LOAD-NEW-%d",
                 "orderDate": "2026-06-01", "orderAmount": 52000.00, "units": 30,
                 "belowListPrice": false, "packageDeal": false}""".formatted(number, number, number);
    }
}
