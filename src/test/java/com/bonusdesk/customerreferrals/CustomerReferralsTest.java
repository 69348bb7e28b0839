package com.bonusdesk.customerreferrals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.calculation.Quarter;
import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.Person;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.workflow.TimelineEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Customer referrals (R5, 老带新) on a real PostgreSQL; the tests' clock stands on Monday 15 June 2026. */
@IntegrationTest
class CustomerReferralsTest {

    private static final AtomicInteger MOBILES = new AtomicInteger(10_000_000);
    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Autowired
    CustomerReferralService referrals;

    @Autowired
    PersonService people;

    @Autowired
    Ledger ledger;

    @Autowired
    CustomerReferralRanking ranking;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void theFirstRegistrationOfAVisitorWinsAndTheSecondIsToldWhoAndWhen() throws Exception {
        String visitor = mobile();
        call("sales1", "/api/v1/customer-referrals", visit(visitor, mobile(), "NONE"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("REGISTERED"));
        call("sales2", "/api/v1/customer-referrals", visit(visitor, mobile(), "NONE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0].code").value("ALREADY_REGISTERED"))
                .andExpect(jsonPath("$.reasons[0].message").value(containsString("张伟")))
                .andExpect(jsonPath("$.reasons[0].message").value(containsString("2026-06-15")));
    }

    @Test
    void namesAtTheirFullLengthAreRegistered() throws Exception {
        String visitorName = "访".repeat(100);
        String referrerName = "业".repeat(99) + "主";
        call("sales1", "/api/v1/customer-referrals", """
                {"visitorName": "%s", "visitorMobile": "%s", "referrerName": "%s", "referrerMobile": "%s",
                 "referrerContractNumber": "HT-OLD-1", "propertyType": "RESIDENTIAL", "relationship": "NONE"}
                """.formatted(visitorName, mobile(), referrerName, mobile()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.visitorName").value(visitorName))
                .andExpect(jsonPath("$.referrerName").value(referrerName));
    }

    @Test
    void twoRegistrationsOfOneVisitorAtOnceKeepOne() throws Exception {
        String visitor = mobile();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<CustomerReferralService.Registration>> attempts = new ArrayList<>();
        for (String salesperson : List.of("sales1", "sales2")) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return referrals.register(firstVisit(visitor, mobile(), Relationship.NONE), id(salesperson), salesperson);
            }));
        }
        List<CustomerReferralService.Registration> registrations = new ArrayList<>();
        for (CompletableFuture<CustomerReferralService.Registration> attempt : attempts) {
            registrations.add(attempt.get());
        }

        assertThat(registrations).filteredOn(registration -> registration.referral() != null).hasSize(1);
        assertThat(registrations).filteredOn(registration -> registration.referral() == null).singleElement()
                .satisfies(registration -> assertThat(registration.refusals()).extracting(Refusal.Reason::code)
                        .containsExactly("ALREADY_REGISTERED"));
    }

    @Test
    void relativesTheReferrerThemselvesAndALaterVisitAreNotReferrals() throws Exception {
        call("sales1", "/api/v1/customer-referrals", visit(mobile(), mobile(), "SPOUSE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0].code").value("RELATED_PARTY"));
        String same = mobile();
        call("sales1", "/api/v1/customer-referrals", visit(same, same, "NONE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0].code").value("SELF_REFERRAL"));
        call("sales1", "/api/v1/customer-referrals", visit(mobile(), mobile(), "NONE")
                .replace("}", ", \"firstVisitOn\": \"2026-06-12\"}"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0].code").value("LATE_REGISTRATION"))
                .andExpect(jsonPath("$.reasons[0].message").value(containsString("2026-06-12")));
        call("sales1", "/api/v1/customer-referrals", visit(mobile(), mobile(), "NONE")
                .replace("}", ", \"firstVisitOn\": \"2026-06-16\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("firstVisitOn"));
        call("sales1", "/api/v1/customer-referrals", visit("12345", mobile(), "NONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("visitorMobile"));
    }

    @Test
    void aDealPaidInFullIsApprovedByTheManagerThenTheGeneralManagerAndPaysTheReferringCustomer() throws Exception {
        String referrer = mobile();
        CustomerReferral referral = referrals.register(firstVisit(mobile(), referrer, Relationship.NONE), id("sales1"),
                "sales1").referral();
        String path = "/api/v1/customer-referrals/" + referral.getId();

        call("sales1", path + "/deal", deal(false, null, null))
                .andExpect(jsonPath("$.status").value("DEAL_SIGNED"));
        call("sales1", path + "/deal", deal(true, null, null))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("referrerBankName"));
        call("sales2", path + "/deal", deal(true, "中国银行无锡分行", "6217 8560 0001 2345"))
                .andExpect(status().isNotFound());
        call("sales1", path + "/deal", deal(true, "中国银行无锡分行", "6217 8560 0001 2345"))
                .andExpect(jsonPath("$.status").value("AWAITING_MANAGER"));

        call("sales1", path + "/decision", "{\"decision\": \"APPROVE\"}").andExpect(status().isForbidden());
        call("manager1", path + "/decision", "{\"decision\": \"APPROVE\"}")
                .andExpect(jsonPath("$.status").value("AWAITING_DIRECTOR"));
        call("manager1", path + "/decision", "{\"decision\": \"APPROVE\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("general manager")));
        call("director1", path + "/decision", "{\"decision\": \"APPROVE\", \"reason\": \"核实无误\"}")
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.dueOn").value("2026-06-25"))
                .andExpect(jsonPath("$.lines[0].rule").value("R5"))
                .andExpect(jsonPath("$.lines[0].amount").value(2500.00))
                .andExpect(jsonPath("$.total").value(2500.00));

        Person payee = people.findByUsername("customer-" + referrer).orElseThrow();
        assertThat(payee.isActive()).as("a paid customer cannot sign in").isFalse();
        assertThat(payee.getBankAccount()).isEqualTo("6217856000012345");
        assertThat(ledger.linesOfPayee(payee.getId(), LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 30)))
                .extracting(Ledger.Line::amount).containsExactly(new BigDecimal("2500.00"));
    }

    @Test
    void parkingEarnsNothingAndARejectionNeedsAReason() throws Exception {
        CustomerReferral parking = referrals.register(firstVisit(mobile(), mobile(), Relationship.NONE), id("sales2"),
                "sales2").referral();
        referrals.recordDeal(parking.getId(), new CustomerReferral.Deal("HT-P", LocalDate.of(2026, 6, 1),
                new BigDecimal("150000.00"), PropertyType.PARKING, true, null, null), id("sales2"), "sales2");
        assertThat(referrals.visibleTo(parking.getId(), id("sales2")).orElseThrow().getStatus())
                .isEqualTo(CustomerReferralStatus.NOT_ELIGIBLE);

        CustomerReferral referral = referrals.register(firstVisit(mobile(), mobile(), Relationship.NONE), id("sales3"),
                "sales3").referral();
        referrals.recordDeal(referral.getId(), new CustomerReferral.Deal("HT-R", LocalDate.of(2026, 6, 1),
                new BigDecimal("900000.00"), PropertyType.COMMERCIAL, true, "建设银行", "62270000111122223"),
                id("sales3"), "sales3");
        String path = "/api/v1/customer-referrals/" + referral.getId();
        call("manager1", path + "/decision", "{\"decision\": \"REJECT\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call("manager1", path + "/decision", "{\"decision\": \"REJECT\", \"reason\": \"到访登记晚于首次到访\"}")
                .andExpect(jsonPath("$.status").value("REJECTED"));
        assertThat(referrals.linesOf(referral.getId())).isEmpty();
        assertThat(referrals.timelineOf(referral.getId())).extracting(TimelineEvent::getToStatus)
                .containsExactly("REGISTERED", "AWAITING_MANAGER", "REJECTED");
    }

    @Test
    void theQuarterlyRankingSharesRanksForEqualTotalsMasksNamesAndAwardsItsPrizesOnce() throws Exception {
        String[] referrers = {mobile(), mobile(), mobile(), mobile(), mobile(), mobile()};
        approvedDeal("甲一", referrers[0], "5000000.00");
        approvedDeal("乙二", referrers[1], "3000000.00");
        approvedDeal("丙三", referrers[2], "3000000.00");
        approvedDeal("丁四", referrers[3], "1000000.00");
        approvedDeal("丁四", referrers[3], "500000.00");
        approvedDeal("戊五", referrers[4], "1000000.00");
        approvedDeal("己六", referrers[5], "200000.00");
        Quarter first = new Quarter(2026, 1);

        assertThat(ranking.standings(first)).extracting(CustomerReferralRanking.Standing::maskedName,
                CustomerReferralRanking.Standing::rank, CustomerReferralRanking.Standing::prize).containsExactly(
                tuple("甲*", 1, new BigDecimal("8000.00")), tuple("丙*", 2, new BigDecimal("5000.00")),
                tuple("乙*", 2, new BigDecimal("5000.00")), tuple("丁*", 4, new BigDecimal("3000.00")),
                tuple("戊*", 5, new BigDecimal("3000.00")), tuple("己*", 6, null));
        assertThat(ranking.award(first, "finance1")).hasSize(5).allSatisfy(line ->
                assertThat(line.rule()).isEqualTo("R5_RANKING"));
        assertThat(ranking.award(first, "finance1")).as("awarding again").isEmpty();

        mvc.perform(get("/customer-referrals/ranking").param("quarter", "2026-Q1").with(SignedIn.as(accounts, "sales2"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("甲*")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("甲一"))));
        mvc.perform(post("/customer-referrals/ranking/award").param("quarter", "2026-Q1").with(csrf())
                        .with(SignedIn.as(accounts, "sales2")))
                .andExpect(status().isForbidden());
    }

    private void approvedDeal(String referrerName, String referrerMobile, String amount) {
        CustomerReferral referral = referrals.register(new CustomerReferral.FirstVisit("访客", mobile(), referrerName,
                referrerMobile, "HT-OLD", PropertyType.RESIDENTIAL, Relationship.NONE, TODAY), id("sales1"), "sales1")
                .referral();
        referrals.recordDeal(referral.getId(), new CustomerReferral.Deal("HT-Q1", LocalDate.of(2026, 3, 10),
                new BigDecimal(amount), PropertyType.RESIDENTIAL, true, "农业银行", "6228480000000000001"), id("sales1"),
                "sales1");
        referrals.decide(referral.getId(), true, null, id("manager1"), "manager1");
        referrals.decide(referral.getId(), true, null, id("director1"), "director1");
    }

    private static CustomerReferral.FirstVisit firstVisit(String visitor, String referrer, Relationship relationship) {
        return new CustomerReferral.FirstVisit("王访客", visitor, "李业主", referrer, "HT-OLD-1", PropertyType.RESIDENTIAL,
                relationship, TODAY);
    }

    private static String visit(String visitor, String referrer, String relationship) {
        return """
                {"visitorName": "王访客", "visitorMobile": "%s", "referrerName": "李业主", "referrerMobile": "%s",
                 "referrerContractNumber": "HT-OLD-1", "propertyType": "RESIDENTIAL", "relationship": "%s"}"""
                .formatted(visitor, referrer, relationship);
    }

    private static String deal(boolean paidInFull, String bank, String account) {
        return """
                {"contractNumber": "HT-NEW-1", "signedDate": "2026-06-01", "dealAmount": "1234567.00",
                 "propertyType": "RESIDENTIAL", "paidInFull": %s, "referrerBankName": %s, "referrerBankAccount": %s}"""
                .formatted(paidInFull, bank == null ? "null" : "\"" + bank + "\"",
                        account == null ? "null" : "\"" + account + "\"");
    }

    private static String mobile() {
        return "139" + MOBILES.incrementAndGet();
    }

    private ResultActions call(String username, String path, String body) throws Exception {
        return mvc.perform(post(path).with(SignedIn.as(accounts, username)).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }
}
