package com.bonusdesk.disputes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.bonusdesk.audit.AuditEntry;
import com.bonusdesk.audit.AuditTrail;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.payouts.PayoutRun;
import com.bonusdesk.payouts.PayoutRuns;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.workflow.TimelineEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A payee who thinks a line is wrong asks finance; the question ends in an answer or in an adjustment that the
 * next weekly run pays once. On real PostgreSQL, through the API and the screens.
 */
@IntegrationTest
class DisputesTest {

    /** Tests live on Monday 15 June 2026; the week before, a line was earned. */
    private static final LocalDate LAST_WEEK = LocalDate.of(2026, 6, 10);

    private static final LocalDate THIS_WEEK = LocalDate.of(2026, 6, 15);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    PayoutRuns runs;

    @Autowired
    Disputes disputes;

    @Autowired
    Adjustments adjustments;

    @Autowired
    PersonService people;

    @Autowired
    AuditTrail auditTrail;

    PayoutFixture fixture;

    @BeforeEach
    void startFromNoLinesAndNoRuns() {
        fixture = new PayoutFixture(jdbc, ledger);
        fixture.forgetAllLinesAndRuns();
    }

    @Test
    void aPayeeDisputesTheirLineAndFinanceAnswersIt() throws Exception {
        long payee = fixture.payee("张伟");
        long line = fixture.line(payee, RuleCode.R1, "80.00", LAST_WEEK);
        String username = fixture.username(payee);

        String location = call(username, post("/api/v1/disputes"),
                "{\"lineId\": " + line + ", \"text\": \"回款是 1,000.00，不是 800.00\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.dueOn").value("2026-06-23"))
                .andExpect(jsonPath("$.lineId").value(line))
                .andReturn().getResponse().getHeader("Location");
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        call(fixture.username(fixture.payee("李娜")), post("/api/v1/disputes"),
                "{\"lineId\": " + line + ", \"text\": \"不是我的\"}").andExpect(status().isNotFound());
        call(username, post("/api/v1/disputes"), "{\"lineId\": " + line + ", \"text\": \" \"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        call(username, get("/api/v1/disputes"), null).andExpect(jsonPath("$.disputes[0].id").value(id));
        call("finance1", get("/api/v1/disputes").param("status", "OPEN"), null)
                .andExpect(jsonPath("$.disputes[?(@.id == " + id + ")]").exists());
        call("sales1", get("/api/v1/disputes/" + id), null).andExpect(status().isNotFound());
        mvc.perform(get("/disputes").param("q", "不是 800").with(SignedIn.as(accounts, "finance1")))
                .andExpect(content().string(containsString("/disputes/" + id + "\"")));
        mvc.perform(get("/disputes").param("q", "张伟").with(SignedIn.as(accounts, "finance1")))
                .andExpect(content().string(containsString("/disputes/" + id + "\"")));
        mvc.perform(get("/disputes").param("q", "没有这句话").with(SignedIn.as(accounts, "finance1")))
                .andExpect(content().string(containsString("id=\"disputes-empty\"")));

        Dispute opened = disputes.visibleTo(id, payee).orElseThrow();
        assertThat(opened.isOverdue(LocalDate.of(2026, 6, 23))).as("due that day").isFalse();
        assertThat(opened.isOverdue(LocalDate.of(2026, 6, 24))).as("overdue the day after").isTrue();
        assertThat(disputes.waiting()).isEqualTo(new Disputes.Waiting(1, 0));
        mvc.perform(get("/").with(SignedIn.as(accounts, "finance1")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("One dispute is waiting, 0 overdue.")));
        call(username, post(location + "/answer"), "{\"text\": \"自己答\"}").andExpect(status().isForbidden());
        call("finance1", post(location + "/answer"), "{\"text\": \"\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("text"));
        call("finance1", post(location + "/answer"), "{\"text\": \"6 月 12 日回款 800.00，与 ERP 一致。\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"))
                .andExpect(jsonPath("$.answer").value("6 月 12 日回款 800.00，与 ERP 一致。"));
        call("finance1", post(location + "/answer"), "{\"text\": \"再答一次\"}").andExpect(status().isConflict());

        assertThat(disputes.timelineOf(id)).extracting(TimelineEvent::getToStatus).containsExactly("OPEN", "CLOSED");
        assertThat(auditTrail.historyOf("DISPUTE", String.valueOf(id))).extracting(AuditEntry::getAction)
                .containsExactly("DISPUTE_OPENED", "DISPUTE_ANSWERED");
    }

    @Test
    void aDisputeResolvedByAnAdjustmentIsPaidInTheNextRunExactlyOnce() throws Exception {
        long payee = fixture.payee("王芳");
        long line = fixture.line(payee, RuleCode.R1, "100.00", LAST_WEEK);
        String username = fixture.username(payee);
        long id = disputes.open(payee, line, null, "按 12% 应为 120.00", null, username).getId();

        call("finance1", post("/api/v1/disputes/" + id + "/adjustment"),
                "{\"amount\": \"20.00\", \"reason\": \"R1 按新版本 12% 计算\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.amount").value(20.00))
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.disputeId").value(id));
        call(username, get("/api/v1/disputes/" + id), null)
                .andExpect(jsonPath("$.status").value("RESOLVED"))
                .andExpect(jsonPath("$.adjustment.status").value("APPROVED"));
        call("finance1", post("/api/v1/disputes/" + id + "/adjustment"), "{\"amount\": \"20.00\", \"reason\": \"再来\"}")
                .andExpect(status().isConflict());
        call(username, get("/api/v1/me/bonus-lines").param("from", "2026-06-15").param("to", "2026-06-15"), null)
                .andExpect(jsonPath("$[0].rule").value("ADJUSTMENT"))
                .andExpect(jsonPath("$[0].amount").value(20.00))
                .andExpect(jsonPath("$[0].explanation").value(containsString("R1 按新版本 12% 计算")));

        PayoutRun thisWeek = runs.start(THIS_WEEK, "finance1");
        assertThat(thisWeek.getTotal()).as("the line and its correction").isEqualByComparingTo("120.00");
        PayoutRun nextWeek = runs.start(THIS_WEEK.plusWeeks(1), "finance1");
        assertThat(nextWeek.getTotal()).as("nothing is paid twice").isEqualByComparingTo("0.00");
    }

    @Test
    void aHeldLineIsLeftOutOfTheRunAndPaidInTheFirstRunAfterItsRelease() throws Exception {
        long payee = fixture.payee("陈杰");
        long kept = fixture.line(payee, RuleCode.R1, "50.00", LAST_WEEK);
        long questioned = fixture.line(payee, RuleCode.R2, "200.00", LAST_WEEK);
        long id = disputes.open(payee, questioned, null, "订单金额不到 10,000.00", null, fixture.username(payee))
                .getId();

        page("finance1", post("/disputes/" + id + "/hold").param("reason", "核对订单金额"))
                .andExpect(flash().attribute("success", "dispute.held"));
        page("finance1", post("/disputes/" + id + "/hold").param("reason", "再暂缓"))
                .andExpect(flash().attribute("failure", "dispute.hold.already"));
        PayoutRun first = runs.start(THIS_WEEK, "finance1");

        assertThat(first.getTotal()).isEqualByComparingTo("50.00");
        assertThat(ledger.lines(List.of(kept, questioned))).extracting(line -> line.settlement() != null)
                .containsExactly(true, false);
        mvc.perform(get("/payouts/" + first.getId()).with(SignedIn.as(accounts, "finance1")))
                .andExpect(content().string(containsString("id=\"run-held\"")))
                .andExpect(content().string(containsString("核对订单金额")));
        long other = disputes.open(payee, kept, null, "这条也看看", null, fixture.username(payee)).getId();
        page("finance1", post("/disputes/" + other + "/hold").param("reason", "已在批次中"))
                .andExpect(flash().attribute("failure", "dispute.hold.inRun"));

        disputes.answer(id, id("finance1"), "订单 12,000.00，开拓奖 200.00 无误。", "finance1");
        PayoutRun second = runs.start(THIS_WEEK.plusWeeks(1), "finance1");

        assertThat(second.getTotal()).as("released, paid in the next run").isEqualByComparingTo("200.00");
    }

    @Test
    void anAdjustmentAboveTheSetAmountWaitsForAGeneralManagerAndNobodyApprovesTheirOwnPay() throws Exception {
        long payee = fixture.payee("赵敏");
        String username = fixture.username(payee);

        call("finance1", post("/api/v1/adjustments"), "{\"payee\": \"finance1\", \"amount\": \"10.00\", \"reason\": \"自己\"}")
                .andExpect(status().isForbidden());
        call("finance1", post("/api/v1/adjustments"), "{\"payee\": \"" + username + "\", \"amount\": \"0\", \"reason\": \"零\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("amount"));
        call("finance1", post("/api/v1/adjustments"), "{\"payee\": \"nobody-here\", \"amount\": \"1\", \"reason\": \"无\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("payee"));
        call(username, post("/api/v1/adjustments"), "{\"payee\": \"" + username + "\", \"amount\": \"1\", \"reason\": \"x\"}")
                .andExpect(status().isForbidden());

        String large = call("finance1", post("/api/v1/adjustments"),
                "{\"payee\": \"" + username + "\", \"amount\": \"800.00\", \"reason\": \"审计发现漏发 R3\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("WAITING_APPROVAL"))
                .andExpect(jsonPath("$.nextStep.role").value("DIRECTOR"))
                .andReturn().getResponse().getHeader("Location");
        assertThat(ledger.linesOfPayee(payee, THIS_WEEK, THIS_WEEK)).as("nothing paid before approval").isEmpty();
        call("finance1", post(large + "/decision"), "{\"decision\": \"APPROVE\"}").andExpect(status().isForbidden());
        call("hr1", post(large + "/decision"), "{\"decision\": \"APPROVE\"}").andExpect(status().isNotFound());
        call("director1", post(large + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"))
                .andExpect(jsonPath("$.approvals[0].decidedBy").value("director1"));
        assertThat(ledger.linesOfPayee(payee, THIS_WEEK, THIS_WEEK)).singleElement().satisfies(line -> {
            assertThat(line.rule()).isEqualTo("ADJUSTMENT");
            assertThat(line.amount()).isEqualByComparingTo("800.00");
        });

        String toDirector = call("finance1", post("/api/v1/adjustments"),
                "{\"payee\": \"director1\", \"amount\": \"600.00\", \"reason\": \"差旅补发\"}")
                .andReturn().getResponse().getHeader("Location");
        call("director1", post(toDirector + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("Nobody makes or approves an adjustment to their own pay."));
        assertThat(adjustments.waitingFor(id("director1"))).extracting(Adjustment::getPayeeId)
                .doesNotContain(id("director1"));

        call("finance1", post("/api/v1/adjustments"),
                "{\"payee\": \"" + username + "\", \"amount\": \"-50.00\", \"reason\": \"多发退回\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        assertThat(ledger.linesOfPayee(payee, THIS_WEEK, THIS_WEEK)).extracting(Ledger.Line::amount)
                .containsExactly(new BigDecimal("800.00"), new BigDecimal("-50.00"));
    }

    private ResultActions call(String username, MockHttpServletRequestBuilder request, String body) throws Exception {
        request.with(SignedIn.as(accounts, username)).header("Accept-Language", "en");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private ResultActions page(String username, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(SignedIn.as(accounts, username)).with(csrf()));
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }
}
