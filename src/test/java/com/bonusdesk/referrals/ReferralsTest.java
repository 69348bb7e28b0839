package com.bonusdesk.referrals;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.workflow.Progress;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.people.Role;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.support.TestPeople;
import com.bonusdesk.workflow.Approvals;
import com.bonusdesk.web.Evidence;
import com.bonusdesk.workflow.TimelineEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Sales referral applications (R4) on a real PostgreSQL; the tests' clock stands on Monday 15 June 2026. */
@IntegrationTest
class ReferralsTest {

    /** Every item of a queue, on one page. */
    private static final Pageable QUEUE = Pageable.unpaged();

    static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    @Autowired
    com.bonusdesk.audit.AuditTrail auditTrail;

    @Autowired
    ReferrerSuspensions suspensions;

    @Autowired
    com.bonusdesk.clients.OrderImport orders;

    @Autowired
    com.bonusdesk.clients.ClientDirectory clients;

    @Autowired
    ReferralService referrals;

    @Autowired
    PersonService people;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    ReferralRepository repository;

    @Autowired
    BonusRules rules;

    @Autowired
    Ledger ledger;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    Approvals approvals;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anApprovedReferralOfABigClientEarnsOnePercentOfTheContract() {
        Referral referral = filed("sales1", LocalDate.of(2026, 6, 1), "250000.00", "600000.00", Relationship.NONE);

        assertThat(referral.getDeadline()).as("15 working days, over the Dragon Boat Festival").isEqualTo(
                LocalDate.of(2026, 6, 23));
        assertThat(referrals.linesOf(referral.getId())).isEmpty();
        referrals.decide(referral.getId(), id("hr1"), true, null, "hr1");

        assertThat(referrals.linesOf(referral.getId())).singleElement().satisfies(line -> {
            assertThat(line.rule()).isEqualTo("R4");
            assertThat(line.amount()).isEqualTo(new BigDecimal("2500.00"));
            assertThat(line.explanation().get(0).key()).isEqualTo("explain.R4.big");
        });
    }

    @Test
    void aReferralEarningAboveTheThresholdGoesToAGeneralManagerAfterHr() throws Exception {
        Referral referral = filed("sales1", LocalDate.of(2026, 6, 10), "1500000.00", "600000.00", Relationship.NONE);
        assertThat(referrals.progressOf(referral.getId()).steps()).extracting(Progress.Step::approver,
                Progress.Step::amount).containsExactly(
                        tuple("HR", new BigDecimal("15000.00")),
                        tuple("DIRECTOR", new BigDecimal("15000.00")));

        assertThat(referrals.decide(referral.getId(), id("hr1"), true, null, "hr1").getStatus())
                .isEqualTo(ReferralStatus.SUBMITTED);

        assertThat(referrals.linesOf(referral.getId())).as("nothing is earned before the last step").isEmpty();
        assertThat(referrals.waitingFor(id("hr1"), QUEUE)).extracting(Referral::getId).doesNotContain(referral.getId());
        assertThat(referrals.waitingFor(id("director1"), QUEUE)).extracting(Referral::getId).contains(referral.getId());
        call("director1", get("/hr/referrals"), null).andExpect(status().isOk())
                .andExpect(content().string(containsString("/referrals/" + referral.getId() + "\"")));
        call("hr1", post("/api/v1/referrals/" + referral.getId() + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isForbidden());
        call("director1", post("/api/v1/referrals/" + referral.getId() + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvals[0].decidedBy").value("hr1"))
                .andExpect(jsonPath("$.approvals[1].decidedBy").value("director1"))
                .andExpect(jsonPath("$.nextStep").isEmpty());
        assertThat(referrals.linesOf(referral.getId())).extracting(Ledger.Line::amount)
                .containsExactly(new BigDecimal("15000.00"));
    }

    @Test
    void anOrdinaryClientEarnsHalfAPercent() {
        Referral referral = filed("sales2", LocalDate.of(2026, 6, 10), "80000.00", "100000.00", Relationship.NONE);
        referrals.decide(referral.getId(), id("hr1"), true, null, "hr1");

        assertThat(referrals.linesOf(referral.getId())).extracting(Ledger.Line::amount)
                .containsExactly(new BigDecimal("400.00"));
    }

    @ParameterizedTest(name = "signed {0}: deadline {1}")
    @CsvSource({
            "2026-04-30, 2026-05-25, over the Labour Day holidays and their make-up Saturday",
            "2026-06-01, 2026-06-23, over the Dragon Boat Festival",
            "2026-09-17, 2026-10-14, over Mid-Autumn and National Day with two make-up days"})
    void theDeadlineIsTheFifteenthWorkingDayAfterTheSigning(LocalDate signed, LocalDate deadline, String over) {
        assertThat(referrals.check(facts(ClientCodes.fresh(), signed, "250000.00", "600000.00", Relationship.NONE))
                .deadline()).as(over).isEqualTo(deadline);
    }

    @Test
    void anApplicationFiledOnTheSixteenthWorkingDayIsLateAndSaysTheDeadline() throws Exception {
        call("sales1", post("/api/v1/referrals"), json(ClientCodes.fresh(), "2026-05-22", "250000.00", "600000.00", "NONE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0].code").value("LATE_APPLICATION"))
                .andExpect(jsonPath("$.reasons[0].message").value(containsString("2026-06-12")));
        call("sales1", post("/api/v1/referrals"), json(ClientCodes.fresh(), "2026-05-25", "250000.00", "600000.00", "NONE"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.deadline").value("2026-06-15"))
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "SELF,   600000.00, SELF_REFERRAL",
            "SPOUSE, 600000.00, RELATED_PARTY",
            "CHILD,  600000.00, RELATED_PARTY",
            "NONE,   99999.99,  CLIENT_TOO_SMALL"})
    void aRelatedPartyOrASmallClientIsRefusedWithItsReason(String relationship, String annualSales, String code)
            throws Exception {
        call("sales1", post("/api/v1/referrals"), json(ClientCodes.fresh(), "2026-06-10", "250000.00", annualSales,
                relationship))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0].code").value(code));
    }

    @Test
    void badInputIsAFieldErrorNeverAServerError() throws Exception {
        call("sales1", post("/api/v1/referrals"), json("91310000XXXXXXXX00", "2026-06-10", "1", "1", "NONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clientCode"));
        call("sales1", post("/api/v1/referrals"), json(ClientCodes.fresh(), "2026-06-16", "1", "1", "NONE"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("signedDate"));
        call("sales1", post("/api/v1/referrals"), json(ClientCodes.fresh(), "2026-06-10", "1", "1", "COUSIN"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("relationship"));
    }

    @Test
    void theFirstApplicationForAClientWinsEvenWhenTwoArriveAtOnce() throws Exception {
        String client = ClientCodes.fresh();
        CyclicBarrier together = new CyclicBarrier(2);
        List<CompletableFuture<ReferralService.Filing>> attempts = new ArrayList<>();
        for (String referrer : List.of("sales1", "sales2")) {
            attempts.add(CompletableFuture.supplyAsync(() -> {
                try {
                    together.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return referrals.file(facts(client, LocalDate.of(2026, 6, 10), "250000.00", "600000.00",
                        Relationship.NONE), id(referrer), referrer);
            }));
        }
        List<ReferralService.Filing> filings = new ArrayList<>();
        for (CompletableFuture<ReferralService.Filing> attempt : attempts) {
            filings.add(attempt.get());
        }

        assertThat(filings).filteredOn(filing -> filing.referral() != null).hasSize(1);
        assertThat(filings).filteredOn(filing -> filing.referral() == null).singleElement()
                .satisfies(filing -> assertThat(filing.check().refusals()).extracting(Refusal.Reason::code)
                        .containsExactly("ALREADY_REFERRED"));
        call("sales3", post("/api/v1/referrals"), json(client, "2026-06-10", "250000.00", "600000.00", "NONE"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.reasons[0].code").value("ALREADY_REFERRED"));
    }

    @Test
    void onlyHrDecidesAndNeverOnTheirOwnApplication() throws Exception {
        Referral own = filed("hr1", LocalDate.of(2026, 6, 10), "250000.00", "600000.00", Relationship.NONE);
        assertThatThrownBy(() -> referrals.decide(own.getId(), id("hr1"), true, null, "hr1"))
                .isInstanceOfSatisfying(Refusal.NotPermitted.class,
                        e -> assertThat(e.messageKey()).isEqualTo("referral.ownReferral"));

        Referral referral = filed("sales1", LocalDate.of(2026, 6, 10), "250000.00", "600000.00", Relationship.NONE);
        call("manager1", post("/api/v1/referrals/" + referral.getId() + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isForbidden());
        call("hr1", post("/api/v1/referrals/" + referral.getId() + "/decision"), "{\"decision\": \"REJECT\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call("hr1", post("/api/v1/referrals/" + referral.getId() + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.total").value(2500.00));
        call("hr1", post("/api/v1/referrals/" + referral.getId() + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isConflict());
        call("sales2", get("/api/v1/referrals/" + referral.getId()), null).andExpect(status().isNotFound());
    }

    @Test
    void cancellingAnApprovedReferralClawsBackWhatItEarned() throws Exception {
        Referral referral = filed(referrer(), LocalDate.of(2026, 6, 10), "250000.00", "600000.00", Relationship.NONE);
        referrals.decide(referral.getId(), id("hr1"), true, null, "hr1");

        mvc.perform(post("/referrals/" + referral.getId() + "/cancellation").param("reason", "")
                        .with(SignedIn.as(accounts, "hr1")).with(csrf()))
                .andExpect(flash().attribute("failure", "claim.cancel.reasonRequired"));
        mvc.perform(post("/referrals/" + referral.getId() + "/cancellation").param("reason", "Forged contract")
                        .with(SignedIn.as(accounts, "hr1")).with(csrf()))
                .andExpect(flash().attribute("success", "referral.cancelled"));

        assertThat(referrals.linesOf(referral.getId())).extracting(Ledger.Line::amount)
                .containsExactly(new BigDecimal("2500.00"), new BigDecimal("-2500.00"));
        assertThat(referrals.timelineOf(referral.getId())).extracting(TimelineEvent::getToStatus)
                .containsExactly("SUBMITTED", "APPROVED", "CANCELLED");
    }

    @Test
    void example27AReferralCancelledForFalseInformationSuspendsItsReferrerForTwelveMonths() throws Exception {
        String referrer = referrer();
        Referral referral = at(LocalDate.of(2026, 4, 22)).file(facts(ClientCodes.fresh(), LocalDate.of(2026, 4, 20),
                "250000.00", "600000.00", Relationship.NONE), id(referrer), referrer).referral();
        transactions.executeWithoutResult(status -> at(LocalDate.of(2026, 4, 22)).decide(referral.getId(), id("hr1"),
                true, null, "hr1"));

        transactions.executeWithoutResult(status -> at(LocalDate.of(2026, 5, 10)).cancel(referral.getId(), id("hr1"),
                "合同系伪造", "hr1"));

        assertThat(referrals.linesOf(referral.getId())).extracting(Ledger.Line::amount)
                .containsExactly(new BigDecimal("2500.00"), new BigDecimal("-2500.00"));
        ReferrerSuspensions.Suspension suspension = suspensions.of(id(referrer)).get(0);
        assertThat(suspension.startsOn()).isEqualTo(LocalDate.of(2026, 5, 10));
        assertThat(suspension.endsOn()).isEqualTo(LocalDate.of(2027, 5, 9));
        ReferralFacts next = facts(ClientCodes.fresh(), LocalDate.of(2026, 6, 10), "250000.00", "600000.00",
                Relationship.NONE);
        assertThat(referrals.file(next, id(referrer), referrer).check().refusals()).singleElement()
                .satisfies(reason -> {
                    assertThat(reason.code()).isEqualTo("REFERRER_SUSPENDED");
                    assertThat(reason.arguments()).containsExactly("2027-05-09");
                });
        mvc.perform(get("/referrals").with(SignedIn.as(accounts, referrer)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("You may not apply for referral bonuses until May 9, 2027")));
        call("hr1", get("/api/v1/referrals/suspensions"), null)
                .andExpect(jsonPath("$[?(@.id == " + suspension.id() + ")].until").value(org.hamcrest.Matchers.hasItem(
                        "2027-05-09")));

        call("hr1", post("/api/v1/referrals/suspensions/" + suspension.id() + "/lifting"), "{\"reason\": \" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        call("sales1", post("/api/v1/referrals/suspensions/" + suspension.id() + "/lifting"), "{\"reason\": \"x\"}")
                .andExpect(status().isForbidden());
        mvc.perform(get("/hr/referrals").with(SignedIn.as(accounts, "hr1")).header("Accept-Language", "zh-CN"))
                .andExpect(content().string(containsString("suspension-" + suspension.id())));
        mvc.perform(post("/hr/referrals/suspensions/" + suspension.id() + "/lifting").param("reason", "经复核为误判")
                        .with(SignedIn.as(accounts, "hr1")).with(csrf()))
                .andExpect(flash().attribute("success", "suspension.lifted"));

        assertThat(referrals.file(next, id(referrer), referrer).referral()).as("lifted: may refer again").isNotNull();
        assertThat(auditTrail.historyOf("REFERRER_SUSPENSION", String.valueOf(suspension.id())))
                .extracting(com.bonusdesk.audit.AuditEntry::getAction, com.bonusdesk.audit.AuditEntry::getReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("REFERRER_SUSPENDED", "until 2027-05-09"),
                        org.assertj.core.groups.Tuple.tuple("REFERRER_LIFTED", "经复核为误判"));
    }

    @Test
    void aSuspensionEndsOnItsLastDay() {
        String referrer = referrer();
        Referral referral = filed(referrer, LocalDate.of(2026, 6, 10), "250000.00", "600000.00", Relationship.NONE);
        referrals.decide(referral.getId(), id("hr1"), true, null, "hr1");
        referrals.cancel(referral.getId(), id("hr1"), "虚假信息", "hr1");

        ReferrerSuspensions.Suspension suspension = suspensions.of(id(referrer)).get(0);
        assertThat(suspension.inForceOn(LocalDate.of(2027, 6, 14))).isTrue();
        assertThat(suspension.inForceOn(LocalDate.of(2027, 6, 15))).isFalse();
    }

    @Test
    void threeMonthsOverTheThresholdEarnTheKickerOnceAndACorrectionTakesItBack() {
        Referral referral = filed("sales1", LocalDate.of(2026, 6, 1), "250000.00", "600000.00", Relationship.NONE);
        referrals.decide(referral.getId(), id("hr1"), true, null, "hr1");
        ReferralService september = at(LocalDate.of(2026, 9, 15));

        record(september, referral, YearMonth.of(2026, 6), new BigDecimal("400000.00"));
        record(september, referral, YearMonth.of(2026, 7), new BigDecimal("400000.00"));
        assertThat(referrals.linesOf(referral.getId())).extracting(Ledger.Line::rule).containsExactly("R4");
        record(september, referral, YearMonth.of(2026, 8), new BigDecimal("300000.00"));
        record(september, referral, YearMonth.of(2026, 9), new BigDecimal("500000.00"));

        assertThat(referrals.linesOf(referral.getId())).extracting(Ledger.Line::rule, Ledger.Line::amount,
                Ledger.Line::earnedOn).containsExactly(tuple("R4", new BigDecimal("2500.00"), LocalDate.of(2026, 6, 15)),
                tuple("R4_KICKER", new BigDecimal("1000.00"), LocalDate.of(2026, 8, 31)));

        record(september, referral, YearMonth.of(2026, 7), new BigDecimal("100000.00"));

        assertThat(referrals.linesOf(referral.getId())).extracting(Ledger.Line::rule, Ledger.Line::amount)
                .containsExactly(tuple("R4", new BigDecimal("2500.00")), tuple("R4_KICKER", new BigDecimal("1000.00")),
                        tuple("R4_KICKER", new BigDecimal("-1000.00")));
        assertThat(referrals.monthsOf(referral.getId())).containsEntry(YearMonth.of(2026, 7), new BigDecimal("100000.00"))
                .hasSize(4);
    }

    @Test
    void example26AClientTheErpServedWithinTheYearBeforeTheSigningIsRefusedAsNotNew() {
        String client = ClientCodes.fresh();
        String csv = "client_code,client_name,order_number,order_date,amount,units\n" + client + ",推荐测试公司,OLD-"
                + client.substring(10) + ",2025-09-01,5000.00,12\n";
        assertThat(orders.importAll(csv, "finance1").problems()).isEmpty();

        ReferralService.Filing filing = referrals.file(facts(client, LocalDate.of(2026, 6, 1), "250000.00",
                "600000.00", Relationship.NONE), id("sales1"), "sales1");

        assertThat(filing.referral()).isNull();
        assertThat(filing.check().refusals()).extracting(Refusal.Reason::code).containsExactly("NOT_NEW_CLIENT");
    }

    @Test
    void monthsAreRecordedByHrOrFinanceBetweenTheSigningAndNow() throws Exception {
        Referral referral = filed("sales2", LocalDate.of(2026, 6, 1), "250000.00", "600000.00", Relationship.NONE);

        mvc.perform(post("/referrals/" + referral.getId() + "/months").param("month", "2026-05").param("amount", "1000")
                        .with(SignedIn.as(accounts, "finance1")).with(csrf()))
                .andExpect(flash().attribute("failure", "referral.month.outside"));
        mvc.perform(post("/referrals/" + referral.getId() + "/months").param("month", "2026-06").param("amount", "-5")
                        .with(SignedIn.as(accounts, "finance1")).with(csrf()))
                .andExpect(flash().attribute("failure", "referral.month.amount"));
        mvc.perform(post("/referrals/" + referral.getId() + "/months").param("month", "2026-06").param("amount", "1,000.5")
                        .with(SignedIn.as(accounts, "sales2")).with(csrf()))
                .andExpect(redirectedUrl("/referrals/" + referral.getId()))
                .andExpect(flash().attribute("failure", "referral.month.notPermitted"));
        mvc.perform(post("/referrals/" + referral.getId() + "/months").param("month", "2026-06").param("amount", "1,000.5")
                        .with(SignedIn.as(accounts, "sales1")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/referrals/" + referral.getId() + "/months").param("month", "2026-06").param("amount", "1,000.5")
                        .with(SignedIn.as(accounts, "finance1")).with(csrf()))
                .andExpect(flash().attribute("success", "referral.month.recorded"));

        assertThat(referrals.monthsOf(referral.getId())).containsExactly(
                java.util.Map.entry(YearMonth.of(2026, 6), new BigDecimal("1000.50")));

        Referral hrsOwn = filed("hr1", LocalDate.of(2026, 6, 1), "250000.00", "600000.00", Relationship.NONE);
        mvc.perform(post("/referrals/" + hrsOwn.getId() + "/months").param("month", "2026-06").param("amount", "1000")
                        .with(SignedIn.as(accounts, "hr1")).with(csrf()))
                .andExpect(flash().attribute("failure", "referral.month.notPermitted"));
        assertThat(referrals.monthsOf(hrsOwn.getId())).as("nobody records what pays themself").isEmpty();
    }

    @Test
    void anEvidenceFileIsKeptWhenItIsAPdfOrAnImageByItsContentWhateverItsName() throws Exception {
        String client = ClientCodes.fresh();
        String page = mvc.perform(fileWith(client, new MockMultipartFile("evidenceFile", "contract.pdf", "application/pdf",
                        "<html><script>alert(1)</script>".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("must be a PDF, PNG or JPEG");
        assertThat(referrals.check(facts(client, LocalDate.of(2026, 6, 10), "1", "1", Relationship.NONE)).refusals())
                .extracting(Refusal.Reason::code).doesNotContain("ALREADY_REFERRED");
        mvc.perform(fileWith(client, new MockMultipartFile("evidenceFile", "big.pdf", "application/pdf",
                        new byte[Evidence.MAX_BYTES + 1])))
                .andExpect(content().string(containsString("larger than 2 MB")));

        byte[] pdf = "%PDF-1.4 signed contract".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        String location = mvc.perform(fileWith(client, new MockMultipartFile("evidenceFile", "../../合同.png",
                        "image/png", pdf)))
                .andExpect(status().is3xxRedirection())
                .andReturn().getResponse().getRedirectedUrl();

        mvc.perform(get(location).with(SignedIn.as(accounts, "hr1")))
                .andExpect(content().string(containsString("合同.png")));
        String id = location.substring(location.lastIndexOf('/') + 1);
        mvc.perform(get(location + "/evidence").with(SignedIn.as(accounts, "hr1")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andExpect(header().string("Content-Disposition", containsString("filename=\"evidence-" + id + ".pdf\"")))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.not(containsString(".png"))))
                .andExpect(content().bytes(pdf));
        mvc.perform(get(location + "/evidence").with(SignedIn.as(accounts, "sales3"))).andExpect(status().isNotFound());
    }

    @Test
    void anEvidenceFileNamedToDisguiseItsTypeDownloadsUnderANameOfItsRealType() throws Exception {
        byte[] pdf = "%PDF-1.4 polyglot".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        for (String disguise : new String[] {"ev.html", "invoice\u202efdp.exe"}) {
            String location = mvc.perform(fileWith(ClientCodes.fresh(), new MockMultipartFile("evidenceFile", disguise,
                            "application/pdf", pdf)))
                    .andExpect(status().is3xxRedirection())
                    .andReturn().getResponse().getRedirectedUrl();
            String id = location.substring(location.lastIndexOf('/') + 1);
            mvc.perform(get(location + "/evidence").with(SignedIn.as(accounts, "hr1")))
                    .andExpect(header().string("Content-Disposition", "attachment; filename=\"evidence-" + id + ".pdf\""));
            mvc.perform(get(location).with(SignedIn.as(accounts, "hr1")))
                    .andExpect(content().string(org.hamcrest.Matchers.not(containsString("\u202e"))));
        }
    }

    @Test
    void monthlyAmountsImportAllOrNothingAndASecondImportChangesNothing() throws Exception {
        Referral referral = filed("sales1", LocalDate.of(2026, 6, 1), "250000.00", "600000.00", Relationship.NONE);
        String other = ClientCodes.fresh();
        String bad = "client_code,month,amount\n"
                + referral.getClientCode() + ",2026-06,400000\n"
                + other + ",2026-06,1\n"
                + referral.getClientCode() + ",2026-13,1\n"
                + referral.getClientCode() + ",2026-05,1\n"
                + referral.getClientCode() + ",2026-06,-1\n";
        String preview = mvc.perform(multipart("/referrals/months/import/preview")
                        .file(new MockMultipartFile("file", "months.csv", "text/csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(SignedIn.as(accounts, "finance1")).with(csrf()).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(preview).contains("Line 3", "No referral waiting or approved for client " + other, "Line 4",
                "&quot;2026-13&quot; is not a month", "Line 5", "Month 2026-05 is outside the contract", "Line 6",
                "&quot;-1&quot; is not an amount");
        mvc.perform(post("/referrals/months/import").param("csv", bad).with(SignedIn.as(accounts, "finance1")).with(csrf()))
                .andExpect(status().isOk());
        assertThat(referrals.monthsOf(referral.getId())).isEmpty();

        String good = "client_code,month,amount\n" + referral.getClientCode() + ",2026-06,\"400,000.00\"\n";
        mvc.perform(post("/referrals/months/import").param("csv", good).with(SignedIn.as(accounts, "hr1")).with(csrf()))
                .andExpect(flash().attribute("success", "monthImport.done"));
        mvc.perform(post("/referrals/months/import").param("csv", good).with(SignedIn.as(accounts, "hr1")).with(csrf()))
                .andExpect(flash().attribute("successArgs", List.of("1", "1")));
        assertThat(referrals.monthsOf(referral.getId())).containsEntry(YearMonth.of(2026, 6), new BigDecimal("400000.00"));
        mvc.perform(get("/referrals/months/import").with(SignedIn.as(accounts, "sales1"))).andExpect(status().isForbidden());
    }

    @Test
    void aControlCharacterInTheUploadFormIsRefusedNamingTheFieldAndNothingIsFiled() throws Exception {
        String client = ClientCodes.fresh();
        mvc.perform(multipart("/referrals/new").with(SignedIn.as(accounts, "sales2")).with(csrf())
                        .header("Accept-Language", "en")
                        .param("clientCode", client).param("clientName", "坏\u0000公司")
                        .param("contractNumber", "HT-NUL").param("signedDate", "2026-06-10")
                        .param("contractAmount", "250000").param("clientAnnualSales", "600000")
                        .param("relationship", "NONE").param("action", "submit"))
                .andExpect(status().isBadRequest());
        assertThat(repository.existsByClientCodeAndStatusIn(client, java.util.EnumSet.allOf(ReferralStatus.class)))
                .isFalse();
    }

    private RequestBuilder fileWith(String client, MockMultipartFile file) {
        return multipart("/referrals/new").file(file).with(SignedIn.as(accounts, "sales2")).with(csrf())
                .header("Accept-Language", "en")
                .param("clientCode", client).param("clientName", "泰州海陵化工有限公司")
                .param("contractNumber", "HT-" + client.substring(10)).param("signedDate", "2026-06-10")
                .param("contractAmount", "250000").param("clientAnnualSales", "600000")
                .param("relationship", "NONE").param("action", "submit");
    }

    @Test
    void theFormShowsTheDeadlineAndTheBonusBeforeFiling() throws Exception {
        mvc.perform(post("/referrals/new").with(SignedIn.as(accounts, "sales2")).with(csrf())
                        .header("Accept-Language", "en")
                        .param("clientCode", ClientCodes.fresh()).param("clientName", "扬州广陵机械有限公司")
                        .param("contractNumber", "HT-2026-0601").param("signedDate", "2026-06-01")
                        .param("contractAmount", "250000").param("clientAnnualSales", "600000")
                        .param("relationship", "NONE").param("action", "check"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("File by Jun 23, 2026")))
                .andExpect(content().string(containsString("CN¥2,500.00")));
        mvc.perform(get("/hr/referrals").with(SignedIn.as(accounts, "sales1"))).andExpect(status().isForbidden());
    }

    /** HR records a month as it would on the day {@code service} stands on, in a transaction of its own. */
    private void record(ReferralService service, Referral referral, YearMonth month, BigDecimal amount) {
        transactions.executeWithoutResult(status -> service.recordMonth(referral.getId(), month, amount, id("hr1"),
                "hr1"));
    }

    /** The same service on another day, for what happens months after the filing. */
    private ReferralService at(LocalDate day) {
        Clock later = Clock.fixed(day.atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(), ZoneId.of("Asia/Shanghai"));
        return new ReferralService(repository, people, rules, ledger, events, later, new ReferralMonths(jdbc, later),
                new ReferralAttachments(jdbc, later), approvals, plans, clients,
                new ReferrerSuspensions(jdbc, people, events, later));
    }

    /** A salesperson of manager1's team of their own, whom a suspension keeps from no other test. */
    private String referrer() {
        String username = "referrer-" + ClientCodes.fresh().substring(10).toLowerCase();
        TestPeople.insert(jdbc, username, TestPeople.idOf(jdbc, "manager1"), Role.SALES);
        return username;
    }

    private Referral filed(String referrer, LocalDate signed, String contract, String annualSales,
            Relationship relationship) {
        ReferralService.Filing filing = referrals.file(facts(ClientCodes.fresh(), signed, contract, annualSales,
                relationship), id(referrer), referrer);
        assertThat(filing.check().refusals()).isEmpty();
        return filing.referral();
    }

    private static ReferralFacts facts(String client, LocalDate signed, String contract, String annualSales,
            Relationship relationship) {
        return new ReferralFacts(client, "推荐测试公司", "HT-" + client.substring(10), signed, new BigDecimal(contract),
                new BigDecimal(annualSales), relationship, null);
    }

    private static String json(String client, String signed, String contract, String annualSales, String relationship) {
        return """
                {"clientCode": "%s", "clientName": "推荐测试公司", "contractNumber": "HT-%s", "signedDate": "%s",
                 "contractAmount": "%s", "clientAnnualSales": "%s", "relationship": "%s"}"""
                .formatted(client, client.substring(10), signed, contract, annualSales, relationship);
    }

    private org.springframework.test.web.servlet.ResultActions call(String username, MockHttpServletRequestBuilder request,
            String body) throws Exception {
        request.with(SignedIn.as(accounts, username)).header("Accept-Language", "en");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }
}
