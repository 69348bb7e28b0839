package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Pageable;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.bonusdesk.audit.AuditEntry;
import com.bonusdesk.audit.AuditTrail;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.workflow.TimelineEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ClaimsWebTest {

    /** Every item of a queue, on one page. */
    private static final Pageable QUEUE = Pageable.unpaged();

    private static final AtomicInteger SEQUENCE = new AtomicInteger(100);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    ClaimService claims;

    @Autowired
    PersonService people;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    CollectionService collections;

    @Autowired
    com.bonusdesk.clients.OrderImport orders;

    @Test
    void aSalespersonChecksThenSubmitsAClaimForANeverServedClient() throws Exception {
        String code = ClientCodes.fresh();
        String checked = page(post("/claims/new").header("Accept-Language", "en").params(form(code, "新客户甲", "2026-06-10",
                "800.00", "12")).param("action", "check"), "sales1");
        assertThat(checked).contains("What it can earn", "10% × 800.00 collected 2026-06-10 = 80.00", "CN¥130.00");
        assertThat(claims.mine(id("sales1"), null, null, code, org.springframework.data.domain.Pageable.unpaged())).isEmpty();

        String location = mvc.perform(as("sales1", post("/claims/new").params(form(code, "新客户甲", "2026-06-10",
                        "800.00", "12")).param("action", "submit")))
                .andExpect(status().isFound())
                .andExpect(flash().attribute("success", "claim.submitted"))
                .andReturn().getResponse().getRedirectedUrl();
        long claimId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        Claim claim = claims.visibleTo(claimId, id("sales1")).orElseThrow();
        assertThat(claim.getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
        assertThat(claims.timelineOf(claimId)).singleElement().satisfies(event -> {
            assertThat(event.getActor()).isEqualTo("sales1");
            assertThat(event.getToStatus()).isEqualTo("SUBMITTED");
        });
        assertThat(auditTrail.historyOf("CLAIM", String.valueOf(claimId))).extracting(AuditEntry::getAction)
                .containsExactly("CLAIM_SUBMITTED");
        assertThat(page(get("/claims").param("q", code).header("Accept-Language", "en"), "sales1"))
                .contains("新客户甲", "Submitted");
        assertThat(page(get("/claims").param("q", code).param("month", "2026-06").param("status", "SUBMITTED"), "sales1"))
                .contains("新客户甲");
        assertThat(page(get("/claims").param("q", code).param("month", "2026-05"), "sales1"))
                .doesNotContain("新客户甲");
    }

    @Test
    void everyRefusalIsShownInPlainWordsAndNothingIsSaved() throws Exception {
        String servedLately = page(post("/claims/new").header("Accept-Language", "en")
                .params(form("91310104MATH3BJ1XJ", "苏州新润材料科技有限公司", "2026-09-01", "800.00", "12"))
                .param("action", "submit"), "sales1");
        assertThat(servedLately).contains("data-code=\"NOT_NEW_CLIENT\"", "last order was on 2026-07-08");

        String renamed = page(post("/claims/new").header("Accept-Language", "zh-CN")
                .params(form("91310115MAAY4CL12M", "上海浦江全新科技有限公司", "2026-09-01", "800.00", "12"))
                .param("action", "submit"), "sales1");
        assertThat(renamed).contains("data-code=\"RENAMED_CLIENT\"", "属于已有客户“上海浦江新材料股份有限公司”");

        String small = page(post("/claims/new").header("Accept-Language", "en")
                .params(form(ClientCodes.fresh(), "Small Co", "2026-06-01", "499.99", "9"))
                .param("packageDeal", "true").param("action", "submit"), "sales1");
        assertThat(small).contains("data-code=\"PACKAGE_DEAL\"", "data-code=\"ORDER_TOO_SMALL\"");

        String early = page(post("/claims/new").header("Accept-Language", "en")
                .params(form(ClientCodes.fresh(), "Early Co", "2025-12-31", "800.00", "12")).param("action", "submit"), "sales1");
        assertThat(early).contains("data-code=\"OUTSIDE_PLAN_WINDOW\"");

        String farAway = page(post("/claims/new").header("Accept-Language", "en")
                .params(form(ClientCodes.fresh(), "Typo Co", "9999-12-31", "800.00", "12")).param("action", "submit"), "sales1");
        assertThat(farAway).contains("Enter a date between 1900 and 2999.");

        String badCode = page(post("/claims/new").header("Accept-Language", "en")
                .params(form("91310104MATH3BJ1XK", "Typo Co", "2026-06-01", "800.00", "12")).param("action", "submit"), "sales1");
        assertThat(badCode).contains("check the last character");

        assertThat(claims.mine(id("sales1"), null, null, "91310104MATH3BJ1XJ", org.springframework.data.domain.Pageable.unpaged()))
                .isEmpty();
    }

    @Test
    void theFirstRegisteredClaimForAClientWins() throws Exception {
        String code = ClientCodes.fresh();
        submit("sales1", code, "先到公司", "ORD-" + SEQUENCE.incrementAndGet());
        String second = page(post("/claims/new").header("Accept-Language", "en")
                .params(form(code, "先到公司", "2026-06-11", "900.00", "12")).param("action", "submit"), "sales2");
        assertThat(second).contains("data-code=\"ALREADY_CLAIMED\"", "the first registered claim wins");
    }

    @Test
    void theQueueShowsHowLongEachClaimHasWaited() throws Exception {
        String fresh = "刚交公司" + SEQUENCE.incrementAndGet();
        String older = "久等公司" + SEQUENCE.incrementAndGet();
        submit("sales1", ClientCodes.fresh(), fresh, "ORD-" + SEQUENCE.incrementAndGet());
        long waitingLong = submit("sales2", ClientCodes.fresh(), older, "ORD-" + SEQUENCE.incrementAndGet());
        jdbc.update("update workflow_event set occurred_at = occurred_at - interval '3 days 2 hours' "
                + "where subject_type = 'CLAIM' and subject_id = ?", waitingLong);

        String sameRow = "(?:(?!</tr>)[\\s\\S])*?";
        String english = page(get("/approvals").header("Accept-Language", "en"), "manager1");
        assertThat(english).containsPattern(fresh + sameRow + ">under an hour<");
        assertThat(english).containsPattern(older + sameRow + ">3 days<");
        assertThat(page(get("/approvals").header("Accept-Language", "zh-CN"), "manager1"))
                .containsPattern(older + sameRow + ">3 天<");
    }

    @Test
    void theManagerApprovesAndTheTimelineSaysWhoWhenAndWhy() throws Exception {
        long claimId = submit("sales1", ClientCodes.fresh(), "待批公司", "ORD-" + SEQUENCE.incrementAndGet());
        assertThat(page(get("/approvals").header("Accept-Language", "en"), "manager1")).contains("待批公司");
        assertThat(page(get("/").header("Accept-Language", "en"), "manager1")).containsPattern("(One claim is|\\d+ claims are) waiting for your decision.");
        assertThat(page(get("/").header("Accept-Language", "en"), "sales1")).containsPattern("(One of your claims is|\\d+ of your claims are) waiting");

        assertThat(page(get("/claims/" + claimId).header("Accept-Language", "en"), "manager1"))
                .contains("The ERP has no order from this client code.", "No earlier order in the ERP.",
                        "If collected in full within 30 days it earns CN¥130.00.");
        mvc.perform(as("manager1", post("/claims/" + claimId + "/decision").param("decision", "APPROVE")
                        .param("reason", "Verified with the ERP")))
                .andExpect(flash().attribute("success", "claim.approved"));

        assertThat(claims.timelineOf(claimId)).extracting(TimelineEvent::getActor, TimelineEvent::getToStatus,
                        TimelineEvent::getReason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("sales1", "SUBMITTED", null),
                        org.assertj.core.groups.Tuple.tuple("manager1", "APPROVED", "Verified with the ERP"));
        assertThat(page(get("/claims/" + claimId).header("Accept-Language", "en"), "sales1"))
                .contains("Approved", "Verified with the ERP", "manager1");
    }

    @Test
    void rejectingNeedsAReason() throws Exception {
        long claimId = submit("sales2", ClientCodes.fresh(), "驳回公司", "ORD-" + SEQUENCE.incrementAndGet());
        mvc.perform(as("manager1", post("/claims/" + claimId + "/decision").param("decision", "REJECT")))
                .andExpect(flash().attribute("failure", "claim.reject.reasonRequired"));
        mvc.perform(as("manager1", post("/claims/" + claimId + "/decision").param("decision", "REJECT")
                        .param("reason", "Existing client of the Beijing office")))
                .andExpect(flash().attribute("success", "claim.rejected"));
        assertThat(claims.visibleTo(claimId, id("sales2")).orElseThrow().getStatus()).isEqualTo(ClaimStatus.REJECTED);
    }

    @Test
    void aLongApprovalsQueueIsShownTwentyAtATimeOldestFirst() throws Exception {
        for (int i = 0; i <= 20; i++) {
            submit("sales2", ClientCodes.fresh(), "排队公司 " + i, "ORD-" + SEQUENCE.incrementAndGet());
        }
        long waiting = claims.waitingFor(id("manager1"), QUEUE).getTotalElements();
        long pages = (waiting + 19) / 20;

        String first = page(get("/approvals").header("Accept-Language", "en"), "manager1");
        assertThat(first.split("<tr").length - 2).isEqualTo(20);
        assertThat(first).contains("Page 1 of " + pages, "?page=1").doesNotContain("排队公司 20</a>");
        String last = page(get("/approvals").param("page", String.valueOf(pages - 1)).header("Accept-Language", "en"),
                "manager1");
        assertThat(last).contains("Page " + pages + " of " + pages, "排队公司 20</a>");
    }

    @Test
    void nobodyDecidesTheirOwnClaimOrOneOutsideTheirReportingLine() throws Exception {
        String outsider = "mgr" + SEQUENCE.incrementAndGet();
        long outsiderId = enrolManager(outsider);
        long claimId = submit("sales3", ClientCodes.fresh(), "线外公司", "ORD-" + SEQUENCE.incrementAndGet());

        mvc.perform(as("sales3", post("/claims/" + claimId + "/decision").param("decision", "APPROVE")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/claims/" + claimId + "/decision").param("decision", "APPROVE")
                        .with(SignedIn.as(accounts, outsider)).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(claims.waitingFor(outsiderId, QUEUE)).isEmpty();
        assertThat(claims.visibleTo(claimId, id("sales3")).orElseThrow().getStatus()).isEqualTo(ClaimStatus.SUBMITTED);
    }

    @Test
    void aSalespersonSeesOnlyTheirOwnClaims() throws Exception {
        long claimId = submit("sales1", ClientCodes.fresh(), "私有公司", "ORD-" + SEQUENCE.incrementAndGet());
        mvc.perform(get("/claims/" + claimId).with(SignedIn.as(accounts, "sales2"))).andExpect(status().isNotFound());
        mvc.perform(get("/claims/" + claimId).with(SignedIn.as(accounts, "finance1"))).andExpect(status().isOk());
        mvc.perform(get("/claims/999999").with(SignedIn.as(accounts, "sales1"))).andExpect(status().isNotFound());
    }

    @Test
    void aWithdrawnClaimFreesTheClientForAnotherClaim() throws Exception {
        String code = ClientCodes.fresh();
        long claimId = submit("sales2", code, "撤回公司", "ORD-" + SEQUENCE.incrementAndGet());
        mvc.perform(as("sales2", post("/claims/" + claimId + "/withdrawal")))
                .andExpect(flash().attribute("success", "claim.withdrawn"));
        mvc.perform(as("manager1", post("/claims/" + claimId + "/decision").param("decision", "APPROVE")))
                .andExpect(flash().attribute("failure", "claim.alreadyDecided"));
        assertThat(submit("sales1", code, "撤回公司", "ORD-" + SEQUENCE.incrementAndGet())).isPositive();
    }

    @Test
    void twoDecisionsAtOnceLeaveExactlyOneWinner() throws Exception {
        long claimId = submit("sales1", ClientCodes.fresh(), "并发公司", "ORD-" + SEQUENCE.incrementAndGet());
        long manager = id("manager1");
        long director = id("director1");
        List<Object> outcomes = atOnce(
                () -> claims.decide(claimId, manager, true, null, "manager1"),
                () -> claims.decide(claimId, director, false, "duplicate", "director1"));

        assertThat(outcomes).filteredOn(Claim.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> outcome instanceof Refusal.WrongState refusal
                && refusal.messageKey().equals("claim.alreadyDecided")).hasSize(1);
        assertThat(claims.timelineOf(claimId)).hasSize(2);
    }

    @Test
    void example24AClientWonBackAfterMoreThanAYearIsClaimedAgainAndEarnsAsNew() {
        String code = ClientCodes.fresh();
        long earlier = jdbc.queryForObject("""
                insert into claim (submitter_id, client_code, client_name, order_number, order_date, order_amount, units,
                                   below_list_price, package_deal, status, submitted_at)
                values (?, ?, '回头客公司', ?, date '2025-02-10', 900.00, 12, false, false, 'APPROVED', now())
                returning id""", Long.class, id("sales2"), code, "WON-" + SEQUENCE.incrementAndGet());
        importOrder(code, "回头客公司", "WON-ERP-" + SEQUENCE.incrementAndGet(), "2025-02-10", "900.00");

        Claim wonBack = claims.submit(new ClaimFacts(code, "回头客公司", "WON-" + SEQUENCE.incrementAndGet(),
                LocalDate.of(2026, 3, 2), new BigDecimal("800.00"), 12, false, false, null), id("sales1"), "sales1")
                .orRefuse();
        claims.decide(wonBack.getId(), id("manager1"), true, null, "manager1");
        collections.record(wonBack.getOrderNumber(), LocalDate.of(2026, 3, 20), new BigDecimal("800.00"),
                "WON-R-" + SEQUENCE.incrementAndGet(), "finance1");

        assertThat(claims.linesOf(wonBack.getId())).extracting(line -> line.rule(), line -> line.amount())
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("R1", new BigDecimal("80.00")),
                        org.assertj.core.groups.Tuple.tuple("R2", new BigDecimal("50.00")));
        assertThat(jdbc.queryForObject("select status from claim where id = ?", String.class, earlier))
                .as("the earlier claim stays as it was").isEqualTo("APPROVED");

        ClaimService.Submission sameSpell = claims.submit(new ClaimFacts(code, "回头客公司",
                "WON-" + SEQUENCE.incrementAndGet(), LocalDate.of(2026, 5, 2),
                new BigDecimal("800.00"), 12, false, false, null), id("sales3"), "sales3");
        assertThat(sameSpell.check().refusals()).extracting(Refusal.Reason::code).contains("ALREADY_CLAIMED");
    }

    @Test
    void aClaimWithinAYearOfALiveClaimOfTheClientIsTheSameSpellEvenWhenTheErpDoesNotKnowIt() {
        String code = ClientCodes.fresh();
        claims.submit(new ClaimFacts(code, "同期公司", "SPELL-" + SEQUENCE.incrementAndGet(), LocalDate.of(2026, 3, 2),
                new BigDecimal("800.00"), 12, false, false, null), id("sales1"), "sales1").orRefuse();

        assertThat(claims.check(new ClaimFacts(code, "同期公司", "SPELL-" + SEQUENCE.incrementAndGet(),
                LocalDate.of(2026, 6, 10), new BigDecimal("800.00"), 12, false, false, null)).refusals())
                .extracting(Refusal.Reason::code).containsExactly("ALREADY_CLAIMED");
    }

    @Test
    void twoClaimsForOneClientAtOnceRegisterOnlyTheFirst() throws Exception {
        String code = ClientCodes.fresh();
        List<Object> outcomes = atOnce(
                () -> claims.submit(facts(code, "ORD-" + SEQUENCE.incrementAndGet()), id("sales1"), "sales1"),
                () -> claims.submit(facts(code, "ORD-" + SEQUENCE.incrementAndGet()), id("sales2"), "sales2"));

        assertThat(outcomes).filteredOn(outcome -> ((ClaimService.Submission) outcome).claim() != null).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> ((ClaimService.Submission) outcome).claim() == null)
                .singleElement().satisfies(outcome -> assertThat(((ClaimService.Submission) outcome).check().refusals())
                        .extracting(Refusal.Reason::code).containsExactly("ALREADY_CLAIMED"));
    }

    private List<Object> atOnce(Supplier<Object> first, Supplier<Object> second) {
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Object>> runs = List.of(first, second).stream()
                .map(task -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return task.get();
                    } catch (RuntimeException e) {
                        return e;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList();
        return runs.stream().map(CompletableFuture::join).toList();
    }

    private long submit(String username, String code, String name, String orderNumber) {
        return claims.submit(new ClaimFacts(code, name, orderNumber, LocalDate.of(2026, 6, 10),
                new BigDecimal("800.00"), 12, false, false, null), id(username), username).claim().getId();
    }

    private void importOrder(String code, String name, String orderNumber, String date, String amount) {
        String csv = "client_code,client_name,order_number,order_date,amount,units\n" + code + "," + name + ","
                + orderNumber + "," + date + "," + amount + ",12\n";
        assertThat(orders.importAll(csv, "finance1").problems()).isEmpty();
    }

    private static ClaimFacts facts(String code, String orderNumber) {
        return new ClaimFacts(code, "同时公司", orderNumber, LocalDate.of(2026, 6, 10), new BigDecimal("800.00"), 12,
                false, false, null);
    }

    private long enrolManager(String username) throws Exception {
        mvc.perform(post("/admin/users").with(SignedIn.as(accounts, "admin1")).with(csrf())
                .param("username", username).param("displayName", username).param("password", "password-1")
                .param("roles", "MANAGER"));
        return id(username);
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }


    private static org.springframework.util.MultiValueMap<String, String> form(String code, String name, String date,
            String amount, String units) {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        params.add("clientCode", code);
        params.add("clientName", name);
        params.add("orderNumber", "ORD-" + SEQUENCE.incrementAndGet());
        params.add("orderDate", date);
        params.add("orderAmount", amount);
        params.add("units", units);
        return params;
    }

    private MockHttpServletRequestBuilder as(String username, MockHttpServletRequestBuilder request) {
        return request.with(SignedIn.as(accounts, username)).with(csrf());
    }

    private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(as(username, request)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
