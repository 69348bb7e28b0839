package com.bonusdesk.web;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultMatcher;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.bonusdesk.payouts.PayoutRuns;
import com.bonusdesk.people.Role;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.support.TestPeople;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The one status rule, feature by feature: 404 when the caller may not see the thing, 403 when they see it but may
 * not do this to it, 409 when its state forbids the step, 422 when the rules refuse it (with reasons), 400 for
 * malformed input (naming the field), 415 for a body that is not JSON; and a refused form shows the same words as
 * a flash on the page it came from. Each row is one request a person could make. Its own database: the rows
 * build a payout run, which the payout tests' weeks must not meet.
 */
@IntegrationTest
@TestPropertySource(properties = "spring.application.name=bonus-desk-refusal-contract")
class RefusalContractTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(61_000);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    PayoutRuns runs;

    @Autowired
    JdbcTemplate jdbc;

    @TestFactory
    Stream<DynamicTest> everyFeatureRefusesByOneRule() throws Exception {
        String claim = location(api("sales1", post("/api/v1/claims"), claimJson(ClientCodes.fresh())));
        String decidedClaim = location(api("sales1", post("/api/v1/claims"), claimJson(ClientCodes.fresh())));
        api("manager1", post(decidedClaim + "/decision"), "{\"decision\": \"REJECT\", \"reason\": \"duplicate\"}");
        String claimedClient = ClientCodes.fresh();
        api("sales2", post("/api/v1/claims"), claimJson(claimedClient));

        String referral = location(api("sales1", post("/api/v1/referrals"), referralJson("2026-06-10")));
        String ownReferral = location(api("hr1", post("/api/v1/referrals"), referralJson("2026-06-10")));
        String decidedReferral = location(api("sales2", post("/api/v1/referrals"), referralJson("2026-06-10")));
        api("hr1", post(decidedReferral + "/decision"), "{\"decision\": \"APPROVE\"}");

        String visitor = mobile();
        String registration = location(api("sales1", post("/api/v1/customer-referrals"), visitJson(visitor)));
        api("sales1", post(registration + "/deal"), dealJson());
        api("manager1", post(registration + "/decision"), "{\"decision\": \"APPROVE\"}");
        String rejectedRegistration = location(api("sales1", post("/api/v1/customer-referrals"), visitJson(mobile())));
        api("sales1", post(rejectedRegistration + "/deal"), dealJson());
        api("manager1", post(rejectedRegistration + "/decision"), "{\"decision\": \"REJECT\", \"reason\": \"假\"}");

        String financeSeller = "finance-seller-" + SEQUENCE.incrementAndGet();
        TestPeople.insert(jdbc, financeSeller, TestPeople.idOf(jdbc, "manager1"), Role.SALES, Role.FINANCE);
        var ownClaim = api(financeSeller, post("/api/v1/claims"), claimJson(ClientCodes.fresh())).andReturn();
        String ownOrder = JSON.readTree(ownClaim.getResponse().getContentAsByteArray()).path("orderNumber").asString();
        api("manager1", post(ownClaim.getResponse().getHeader("Location") + "/decision"), "{\"decision\": \"APPROVE\"}");

        String run = "/api/v1/payout-runs/" + runs.start(LocalDate.of(2026, 6, 8), "director1").getId();
        String financeRun = location(api("finance1", post("/api/v1/payout-runs"), "{\"weekOf\": \"2026-06-01\"}"));

        List<Row> rows = List.of(
                new Row("claims 404: another salesperson's claim", "sales2", get(claim), 404),
                new Row("claims 404: withdrawing a claim one cannot see", "sales2", post(claim + "/withdrawal"), 404),
                new Row("claims 403: the manager withdrawing a claim", "manager1", post(claim + "/withdrawal"), 403,
                        jsonPath("$.detail").value("Only the person who submitted this claim may withdraw it.")),
                new Row("claims 403: a salesperson deciding", "sales1", post(claim + "/decision"),
                        "{\"decision\": \"APPROVE\"}", 403),
                new Row("claims 409: deciding a decided claim", "manager1", post(decidedClaim + "/decision"),
                        "{\"decision\": \"APPROVE\"}", 409),
                new Row("claims 422: a client already claimed", "sales1", post("/api/v1/claims"), claimJson(claimedClient),
                        422, jsonPath("$.reasons[0].code").value("ALREADY_CLAIMED")),
                new Row("claims 422: an order dated after today", "sales1", post("/api/v1/claims"),
                        claimJson(ClientCodes.fresh()).replace("2026-06-02", "2026-09-01"), 422,
                        jsonPath("$.reasons[?(@.code == 'FUTURE_ORDER')]").exists()),
                new Row("claims 400: an unknown decision", "manager1", post(claim + "/decision"),
                        "{\"decision\": \"MAYBE\"}", 400, jsonPath("$.errors[0].field").value("decision")),
                new Row("claims 415: a body as text", "manager1", post(claim + "/decision"), MediaType.TEXT_PLAIN,
                        "{\"decision\": \"APPROVE\"}", 415, jsonPath("$.accepted[0]").value("application/json")),

                new Row("referrals 404: another's application", "sales2", get(referral), 404),
                new Row("referrals 403: HR deciding their own", "hr1", post(ownReferral + "/decision"),
                        "{\"decision\": \"APPROVE\"}", 403),
                new Row("referrals 409: deciding a decided application", "hr1", post(decidedReferral + "/decision"),
                        "{\"decision\": \"REJECT\", \"reason\": \"late\"}", 409),
                new Row("referrals 422: filed after the deadline", "sales1", post("/api/v1/referrals"),
                        referralJson("2026-03-02"), 422, jsonPath("$.reasons[0].code").value("LATE_APPLICATION")),
                new Row("referrals 400: signed in the future", "sales1", post("/api/v1/referrals"),
                        referralJson("2026-07-01"), 400, jsonPath("$.errors[0].field").value("signedDate")),

                new Row("customer referrals 404: another's registration", "sales2", get(registration), 404),
                new Row("customer referrals 403: the manager's second step", "manager1",
                        post(registration + "/decision"), "{\"decision\": \"APPROVE\"}", 403),
                new Row("customer referrals 409: deciding a rejected reward", "director1",
                        post(rejectedRegistration + "/decision"), "{\"decision\": \"APPROVE\"}", 409),
                new Row("customer referrals 422: a visitor registered before", "sales2",
                        post("/api/v1/customer-referrals"), visitJson(visitor), 422,
                        jsonPath("$.reasons[0].code").value("ALREADY_REGISTERED")),
                new Row("customer referrals 400: rejecting without a reason", "director1",
                        post(registration + "/decision"), "{\"decision\": \"REJECT\"}", 400,
                        jsonPath("$.errors[0].field").value("reason")),

                new Row("payout runs 404: no such run", "finance1", get("/api/v1/payout-runs/987654"), 404),
                new Row("payout runs 403: its builder deciding", "director1", post(run + "/decision"),
                        "{\"decision\": \"APPROVE\"}", 403),
                new Row("payout runs 403: finance deciding", "finance1", post(financeRun + "/decision"),
                        "{\"decision\": \"APPROVE\"}", 403),
                new Row("payout runs 409: a week that has its run", "finance1", post("/api/v1/payout-runs"),
                        "{\"weekOf\": \"2026-06-03\"}", 409, jsonPath("$.runId").isNumber()),
                new Row("payout runs 409: the sheet before approval", "finance1", get(financeRun + "/sheet.csv"), 409),
                new Row("payout runs 422: a week still ahead", "finance1", post("/api/v1/payout-runs"),
                        "{\"weekOf\": \"2099-12-30\"}", 422, jsonPath("$.reasons[0].code").value("FUTURE_WEEK")),
                new Row("payout runs 422: a week before any plan", "finance1", post("/api/v1/payout-runs"),
                        "{\"weekOf\": \"1900-01-01\"}", 422, jsonPath("$.reasons[0].code").value("BEFORE_PLANS")),
                new Row("collections 422: an order nobody knows", "finance1", post("/api/v1/collections"),
                        collectionJson("NOBODY-" + SEQUENCE.incrementAndGet(), "2026-06-01"), 422,
                        jsonPath("$.reasons[0].code").value("UNKNOWN_ORDER")),
                new Row("collections 400: money dated after today", "finance1", post("/api/v1/collections"),
                        collectionJson(ownOrder, "2030-01-01"), 400, jsonPath("$.errors[0].field").value("date")),
                new Row("collections 403: money that pays the one who records it", financeSeller,
                        post("/api/v1/collections"), collectionJson(ownOrder, "2026-06-01"), 403,
                        jsonPath("$.detail").value("You claimed order " + ownOrder + " yourself: money on it pays "
                                + "you, so someone else in finance records it.")),
                new Row("payout runs 400: a day count for a date", "finance1", post("/api/v1/payout-runs"),
                        "{\"weekOf\": 100}", 400, jsonPath("$.errors[0].field").value("weekOf")));

        String claimPage = claim.replace("/api/v1", "");
        String decidedClaimPage = decidedClaim.replace("/api/v1", "");
        List<PageRow> pages = List.of(
                new PageRow("claims page 404: another's claim", "sales2", post(claimPage + "/withdrawal"), 404, null),
                new PageRow("claims page 403: the manager withdrawing", "manager1", post(claimPage + "/withdrawal"),
                        302, "claim.onlySubmitterWithdraws"),
                new PageRow("claims page 409: deciding a decided claim", "manager1",
                        post(decidedClaimPage + "/decision").param("decision", "APPROVE"), 302, "claim.alreadyDecided"),
                new PageRow("claims page 400: rejecting without a reason", "manager1",
                        post(claimPage + "/decision").param("decision", "REJECT"), 302, "claim.reject.reasonRequired"),
                new PageRow("payout runs page 422: a week still ahead", "finance1",
                        post("/payouts").param("weekOf", "2099-12-30"), 302, "payout.weekOf.future"));

        return Stream.concat(rows.stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> row.check(this))),
                pages.stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> row.check(this))));
    }

    /** An API request by {@code account}, its expected status, and what the problem must say besides. */
    record Row(String name, String account, MockHttpServletRequestBuilder request, MediaType type, String body,
            int expected, ResultMatcher said) {

        Row(String name, String account, MockHttpServletRequestBuilder request, int status) {
            this(name, account, request, null, null, status, result -> { });
        }

        Row(String name, String account, MockHttpServletRequestBuilder request, int status, ResultMatcher said) {
            this(name, account, request, null, null, status, said);
        }

        Row(String name, String account, MockHttpServletRequestBuilder request, String body, int status) {
            this(name, account, request, MediaType.APPLICATION_JSON, body, status, result -> { });
        }

        Row(String name, String account, MockHttpServletRequestBuilder request, String body, int status,
                ResultMatcher said) {
            this(name, account, request, MediaType.APPLICATION_JSON, body, status, said);
        }

        void check(RefusalContractTest test) throws Exception {
            MockHttpServletRequestBuilder sent = request.with(SignedIn.as(test.accounts, account))
                    .header("Accept-Language", "en");
            if (body != null) {
                sent.contentType(type).content(body);
            }
            test.mvc.perform(sent)
                    .andExpect(status().is(expected))
                    .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                    .andExpect(jsonPath("$.status").value(expected))
                    .andExpect(said);
        }
    }

    /** A form posted by {@code account}: the error page, or back to the page with the refusal's words. */
    record PageRow(String name, String account, MockHttpServletRequestBuilder request, int expected, String failure) {

        void check(RefusalContractTest test) throws Exception {
            var result = test.mvc.perform(request.with(SignedIn.as(test.accounts, account)).with(csrf()))
                    .andExpect(status().is(expected));
            if (failure != null) {
                result.andExpect(redirectedUrlPattern("/**"))
                        .andExpect(flash().attribute("failure", failure));
            }
        }
    }

    private org.springframework.test.web.servlet.ResultActions api(String account,
            MockHttpServletRequestBuilder request, String body) throws Exception {
        return mvc.perform(request.with(SignedIn.as(accounts, account)).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private static String location(org.springframework.test.web.servlet.ResultActions created) {
        String location = created.andReturn().getResponse().getHeader("Location");
        if (location == null) {
            JsonNode body = JSON.readTree(created.andReturn().getResponse().getContentAsByteArray());
            throw new IllegalStateException("Nothing created: " + body);
        }
        return location;
    }

    private static String claimJson(String client) {
        return """
                {"clientCode": "%s", "clientName": "合同测试公司", "orderNumber": "CT-%d", "orderDate": "2026-06-02",
                 "orderAmount": "800.00", "units": 12, "belowListPrice": false, "packageDeal": false}
                """.formatted(client, SEQUENCE.incrementAndGet());
    }

    private static String collectionJson(String orderNumber, String date) {
        return """
                {"orderNumber": "%s", "date": "%s", "amount": "100.00", "reference": "CT-R-%d"}
                """.formatted(orderNumber, date, SEQUENCE.incrementAndGet());
    }

    private static String referralJson(String signed) {
        String client = ClientCodes.fresh();
        return """
                {"clientCode": "%s", "clientName": "推荐合同公司", "contractNumber": "HT-%d", "signedDate": "%s",
                 "contractAmount": "250000.00", "clientAnnualSales": "600000.00", "relationship": "NONE"}
                """.formatted(client, SEQUENCE.incrementAndGet(), signed);
    }

    private static String visitJson(String visitor) {
        return """
                {"visitorName": "王访客", "visitorMobile": "%s", "referrerName": "李业主", "referrerMobile": "%s",
                 "referrerContractNumber": "HT-OLD-1", "propertyType": "RESIDENTIAL", "relationship": "NONE"}
                """.formatted(visitor, mobile());
    }

    private static String dealJson() {
        return """
                {"contractNumber": "HT-NEW-%d", "signedDate": "2026-06-12", "dealAmount": "1500000.00",
                 "propertyType": "RESIDENTIAL", "paidInFull": true, "referrerBankName": "中国银行无锡分行",
                 "referrerBankAccount": "6217 8560 0001 2345"}
                """.formatted(SEQUENCE.incrementAndGet());
    }

    private static String mobile() {
        return "137" + String.format("%08d", SEQUENCE.incrementAndGet());
    }
}
