package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.audit.AuditTrail;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.workflow.TimelineEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CollectionsTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(5000);

    @Autowired
    ClaimService claims;

    @Autowired
    CollectionService collections;

    @Autowired
    PersonService people;

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    UserDetailsService accounts;

    @Test
    void collectionsOnAnApprovedClaimEarnTheWorkedExampleLinesWithTheirExplanations() throws Exception {
        Claim claim = approvedClaim("800.00", false);
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 20), new BigDecimal("500.00"), ref(), "finance1");
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 4, 5), new BigDecimal("300.00"), ref(), "finance1");

        assertThat(claims.linesOf(claim.getId())).extracting(Ledger.Line::rule, Ledger.Line::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("R1", new BigDecimal("50.00")),
                org.assertj.core.groups.Tuple.tuple("R2", new BigDecimal("50.00")));
        String page = mvc.perform(get("/claims/" + claim.getId()).with(SignedIn.as(accounts, "sales1"))
                        .header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("10% × 500.00 collected 2026-03-20 = 50.00", "CN¥100.00");
        String bonus = mvc.perform(get("/bonus").param("month", "2026-03").with(SignedIn.as(accounts, "sales1"))
                        .header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(bonus).contains("My bonus, March 2026", "10% × 500.00 collected 2026-03-20 = 50.00", "New-client bonus");
    }

    @Test
    void moneyCollectedBeforeApprovalEarnsWhenTheClaimIsApproved() {
        Claim claim = submittedClaim("20000.00", true);
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 12), new BigDecimal("20000.00"), ref(), "finance1");
        assertThat(claims.linesOf(claim.getId())).isEmpty();

        claims.decide(claim.getId(), id("manager1"), true, "price approved", "manager1");

        assertThat(claims.linesOf(claim.getId())).extracting(Ledger.Line::rule, Ledger.Line::amount).containsExactly(
                org.assertj.core.groups.Tuple.tuple("R1", new BigDecimal("1000.00")),
                org.assertj.core.groups.Tuple.tuple("R2", new BigDecimal("500.00")));
    }

    @Test
    void aRefundIsClawedBackAsANegativeLine() {
        Claim claim = approvedClaim("800.00", false);
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 10), new BigDecimal("800.00"), ref(), "finance1");
        CollectionService.Recorded refund = collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 25),
                new BigDecimal("-200.00"), ref(), "finance1");

        assertThat(refund.newLines()).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualTo(new BigDecimal("-20.00"));
            assertThat(line.explanation().get(0).key()).isEqualTo("explain.R1.refund");
        });
        assertThat(claims.linesOf(claim.getId()).stream().map(Ledger.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("110.00");
    }

    @Test
    void example25AWholeRefundOnDay40ClawsBackTheTierBonusToo() {
        Claim claim = approvedClaim("800.00", false);
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 20), new BigDecimal("800.00"), ref(), "finance1");
        CollectionService.Recorded refund = collections.record(claim.getOrderNumber(), LocalDate.of(2026, 4, 11),
                new BigDecimal("-800.00"), ref(), "finance1");

        assertThat(refund.newLines()).filteredOn(line -> !line.rule().equals("R3"))
                .extracting(Ledger.Line::rule, Ledger.Line::amount).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("R1", new BigDecimal("-80.00")),
                org.assertj.core.groups.Tuple.tuple("R2", new BigDecimal("-50.00")));
        assertThat(claims.linesOf(claim.getId()).stream().map(Ledger.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("0.00");
    }

    @Test
    void cancellingAnApprovedClaimClawsBackEverythingItEarned() throws Exception {
        Claim claim = approvedClaim("800.00", false);
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 10), new BigDecimal("800.00"), ref(), "finance1");

        mvc.perform(post("/claims/" + claim.getId() + "/cancellation").with(SignedIn.as(accounts, "sales1")).with(csrf())
                        .param("reason", "mine"))
                .andExpect(redirectedUrl("/claims/" + claim.getId()))
                .andExpect(flash().attribute("failure", "claim.mayNotCancel"));
        mvc.perform(post("/claims/" + claim.getId() + "/cancellation").with(SignedIn.as(accounts, "sales2")).with(csrf())
                        .param("reason", "not mine"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/claims/" + claim.getId() + "/cancellation").with(SignedIn.as(accounts, "finance1")).with(csrf())
                        .param("reason", ""))
                .andExpect(flash().attribute("failure", "claim.cancel.reasonRequired"));
        mvc.perform(post("/claims/" + claim.getId() + "/cancellation").with(SignedIn.as(accounts, "finance1")).with(csrf())
                        .param("reason", "Forged contract"))
                .andExpect(flash().attribute("success", "claim.cancelled"));

        assertThat(claims.linesOf(claim.getId())).extracting(Ledger.Line::amount).containsExactly(
                new BigDecimal("80.00"), new BigDecimal("50.00"), new BigDecimal("-80.00"), new BigDecimal("-50.00"));
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 12), new BigDecimal("-800.00"), ref(), "finance1");
        assertThat(claims.linesOf(claim.getId())).hasSize(4);
        assertThat(claims.timelineOf(claim.getId())).extracting(TimelineEvent::getToStatus)
                .containsExactly("SUBMITTED", "APPROVED", "CANCELLED");
    }

    @Test
    void aReferenceIsRecordedOnceAndCannotBeReusedForOtherMoney() {
        Claim claim = approvedClaim("800.00", false);
        String reference = ref();
        collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 10), new BigDecimal("800.00"), reference, "finance1");
        CollectionService.Recorded again = collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 10),
                new BigDecimal("800.00"), reference, "finance1");

        assertThat(again.alreadyRecorded()).isTrue();
        assertThat(claims.linesOf(claim.getId())).hasSize(2);
        assertThat(auditTrail.historyOf("COLLECTION", String.valueOf(again.collection().getId())))
                .singleElement().satisfies(entry -> {
                    assertThat(entry.getAction()).isEqualTo("COLLECTION_RECORDED");
                    assertThat(entry.getActor()).isEqualTo("finance1");
                    assertThat(entry.getAfterState()).contains("amount=800.00", "linesEarned=2");
                });
        assertThatThrownBy(() -> collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 10),
                new BigDecimal("900.00"), reference, "finance1"))
                .isInstanceOfSatisfying(Refusal.WrongState.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("collection.reference.conflict"));
    }

    @Test
    void theSameCollectionPostedTwiceAtOnceIsRecordedOnce() {
        Claim claim = approvedClaim("800.00", false);
        String reference = ref();
        CyclicBarrier start = new CyclicBarrier(2);
        List<CollectionService.Recorded> outcomes = List.of(1, 2).stream()
                .map(attempt -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 10),
                            new BigDecimal("800.00"), reference, "finance1");
                }))
                .toList().stream().map(CompletableFuture::join).toList();

        assertThat(outcomes).filteredOn(CollectionService.Recorded::alreadyRecorded).hasSize(1);
        assertThat(claims.linesOf(claim.getId())).hasSize(2);
    }

    @Test
    void twoCollectionsOnOneOrderRecordedAtOnceEarnTheTierOnce() {
        Claim claim = approvedClaim("800.00", false);
        CyclicBarrier start = new CyclicBarrier(2);
        List.of("300.00", "500.00").stream()
                .map(amount -> CompletableFuture.runAsync(() -> {
                    try {
                        start.await();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    collections.record(claim.getOrderNumber(), LocalDate.of(2026, 3, 10), new BigDecimal(amount), ref(),
                            "finance1");
                }))
                .toList().forEach(CompletableFuture::join);

        List<Ledger.Line> lines = claims.linesOf(claim.getId());
        assertThat(lines.stream().filter(line -> line.rule().equals("R2")).map(Ledger.Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("50.00");
        assertThat(lines.stream().filter(line -> line.rule().equals("R1")).map(Ledger.Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("80.00");
    }

    @Test
    void financeRecordsOnThePageAndBadInputIsShownOnTheForm() throws Exception {
        Claim claim = approvedClaim("800.00", false);
        mvc.perform(post("/collections").with(SignedIn.as(accounts, "finance1")).with(csrf())
                        .param("orderNumber", claim.getOrderNumber()).param("receivedOn", "2026-03-20")
                        .param("amount", "800.00").param("reference", ref()))
                .andExpect(flash().attribute("success", "collection.recorded"));
        assertThat(claims.linesOf(claim.getId())).hasSize(2);

        String page = mvc.perform(post("/collections").with(SignedIn.as(accounts, "finance1")).with(csrf())
                        .header("Accept-Language", "en")
                        .param("orderNumber", claim.getOrderNumber()).param("receivedOn", "2026-03-20")
                        .param("amount", "0").param("reference", ""))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Enter an amount other than zero.", "Enter the ERP receipt reference.");
    }

    @Test
    void onlyFinanceRecordsCollections() throws Exception {
        mvc.perform(get("/collections").with(SignedIn.as(accounts, "sales1"))).andExpect(status().isForbidden());
    }

    private Claim approvedClaim(String amount, boolean belowList) {
        Claim claim = submittedClaim(amount, belowList);
        return claims.decide(claim.getId(), id("manager1"), true, null, "manager1");
    }

    private Claim submittedClaim(String amount, boolean belowList) {
        String orderNumber = "COL-" + SEQUENCE.incrementAndGet();
        return claims.submit(new ClaimFacts(ClientCodes.fresh(), "回款测试公司", orderNumber, LocalDate.of(2026, 3, 2),
                new BigDecimal(amount), 12, belowList, false, null), id("sales1"), "sales1").claim();
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }

    private static String ref() {
        return "RCPT-" + SEQUENCE.incrementAndGet();
    }

}
