package com.bonusdesk.keyaccounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
import com.bonusdesk.calculation.KeyAccountMode;
import com.bonusdesk.clients.OrderImport;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.payouts.PayoutRun;
import com.bonusdesk.payouts.PayoutRuns;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.simulations.Simulations;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.InForceReplay;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R7 on real PostgreSQL: finance designates key accounts; a closed month's imported orders give a cash subsidy
 * paid once to the client, recomputed after a late order and clawed back after a return; a discount month sets
 * next month's rate for the ERP; a month from the agreement threshold on waits.
 */
@IntegrationTest
class KeyAccountsTest {

    private static final String HEADER = "client_code,client_name,order_number,order_date,amount,units\n";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final YearMonth MARCH = YearMonth.of(2026, 3);
    private static final YearMonth APRIL = YearMonth.of(2026, 4);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    KeyAccounts keyAccounts;

    @Autowired
    OrderImport orders;

    @Autowired
    Ledger ledger;

    @Autowired
    PayoutRuns runs;

    @Autowired
    PersonService people;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Simulations simulations;

    @BeforeEach
    void startFromNoLinesAndNoRuns() {
        new PayoutFixture(jdbc, ledger).forgetAllLinesAndRuns();
    }

    @Test
    void aCashMonthIsPaidOnceRecomputedAfterALateOrderAndClawedBackAfterAReturn() throws Exception {
        String code = client("苏州大客户有限公司", "2026-03-05,60000.00", "2026-03-20,20000.00", "2026-02-27,90000.00");
        call("finance1", post("/api/v1/key-accounts"), """
                {"clientCode": "%s", "from": "2026-01-01", "clientClass": "A", "mode": "CASH",
                 "bankName": "中国银行苏州分行", "bankAccount": "6216601234567890"}""".formatted(code))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.clientName").value("苏州大客户有限公司"));

        keyAccounts.compute(MARCH);

        call("director1", get("/api/v1/key-accounts/" + code), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.months[0].month").value("2026-03"))
                .andExpect(jsonPath("$.months[0].purchases").value(80000.00))
                .andExpect(jsonPath("$.months[0].outcome").value("SUBSIDY"))
                .andExpect(jsonPath("$.months[0].subsidy").value(16000.00))
                .andExpect(jsonPath("$.months[0].lines[0].rule").value("R7"))
                .andExpect(jsonPath("$.months[0].lines[0].earnedOn").value("2026-03-31"))
                .andExpect(jsonPath("$.months[0].lines[0].explanation")
                        .value("2026-03 purchases 80,000.00, up to 100,000.00: 20% × 80,000.00 = 16,000.00"));
        PayoutRun first = runs.start(LocalDate.of(2026, 6, 15), "finance1");
        assertThat(first.getTotal()).isEqualByComparingTo("16000.00");
        mvc.perform(get("/key-accounts/" + code + "/statements/2026-03").with(SignedIn.as(accounts, "finance1"))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("2026-03 采购额 80,000.00，不超过 100,000.00：20% × 80,000.00 = 16,000.00")))
                .andExpect(content().string(containsString("¥80,000.00")));
        mvc.perform(get("/key-accounts/" + code + "/statements/2026-03.csv").with(SignedIn.as(accounts, "finance1"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"Purchases\",\"2026-03\",\"80000.00\"")))
                .andExpect(content().string(containsString("\"16000.00\"")));
        mvc.perform(get("/key-accounts/" + code + "/statements/2026-01").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isNotFound());
        keyAccounts.compute(MARCH);
        assertThat(runs.start(LocalDate.of(2026, 6, 22), "finance1").getTotal()).as("computing again pays nothing")
                .isEqualByComparingTo("0.00");

        moreOrders("苏州大客户有限公司", code, "2026-03-28,30000.00");
        keyAccounts.compute(MARCH);
        assertThat(subsidyLines(code)).as("110,000.00 moves the month to 25%").extracting(Ledger.Line::amount)
                .containsExactly(new BigDecimal("16000.00"), new BigDecimal("-16000.00"), new BigDecimal("27500.00"));

        moreOrders("苏州大客户有限公司", code, "2026-03-30,-70000.00");
        keyAccounts.compute(MARCH);
        assertThat(subsidyLines(code).stream().map(Ledger.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("after the return: 40,000.00 at 20%").isEqualByComparingTo("8000.00");

        long payee = jdbc.queryForObject("select x.payee_id from key_account x join client c on c.id = x.client_id"
                + " where c.code = ?", Long.class, code);
        InForceReplay replay = new InForceReplay(jdbc, simulations);
        assertThat(replay.simulated("KEY_ACCOUNT", payee)).as("replayed as the ledger holds it")
                .isEqualByComparingTo(replay.ledgerOf(payee));
    }

    @Test
    void aSubsidyAboveThePlansThresholdWaitsForAGeneralManagerBeforeItIsPaid() throws Exception {
        String code = client("昆山大额补贴有限公司", "2026-04-08,300000.00");
        keyAccounts.designate(new KeyAccounts.Designation(code, LocalDate.of(2026, 1, 1), ClientClass.A,
                KeyAccountMode.CASH, "招商银行", "6225880000000001"), id("finance1"), "finance1");

        keyAccounts.compute(APRIL);

        assertThat(subsidyLines(code, APRIL)).extracting(Ledger.Line::amount)
                .containsExactly(new BigDecimal("75000.00"));
        assertThat(runs.start(LocalDate.of(2026, 6, 15), "finance1").getTotal()).as("held: 75,000.00 > 50,000.00")
                .isEqualByComparingTo("0.00");
        String queue = mvc.perform(get("/rebate-approvals").with(SignedIn.as(accounts, "director1"))
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("CN¥75,000.00")))
                .andReturn().getResponse().getContentAsString();
        long approval = Long.parseLong(queue.replaceAll("(?s).*id=\"approve-rebate-(\\d+)\".*", "$1"));
        mvc.perform(post("/rebate-approvals/" + approval + "/decision").param("decision", "APPROVE")
                        .with(SignedIn.as(accounts, "finance1")).with(csrf()))
                .andExpect(flash().attribute("failure", "lineApproval.notYourDecision"));
        mvc.perform(post("/rebate-approvals/" + approval + "/decision").param("decision", "APPROVE")
                        .with(SignedIn.as(accounts, "director1")).with(csrf()))
                .andExpect(flash().attribute("success", "lineApproval.decided.APPROVED"));
        keyAccounts.compute(APRIL);

        assertThat(runs.start(LocalDate.of(2026, 6, 22), "finance1").getTotal()).as("approved, paid once")
                .isEqualByComparingTo("75000.00");
        assertThat(auditTrail.historyOf("REBATE_APPROVAL", String.valueOf(approval))).extracting(AuditEntry::getAction)
                .containsExactly("REBATE_APPROVAL_WAITING_APPROVAL", "REBATE_APPROVAL_APPROVED");
    }

    @Test
    void aDiscountMonthSetsNextMonthsRateForTheErp() throws Exception {
        String code = client("无锡折扣客户有限公司", "2026-04-10,600000.00");
        keyAccounts.designate(new KeyAccounts.Designation(code, LocalDate.of(2026, 1, 1), ClientClass.B,
                KeyAccountMode.DISCOUNT, null, null), id("finance1"), "finance1");

        keyAccounts.compute(APRIL);

        assertThat(subsidyLines(code, APRIL)).isEmpty();
        mvc.perform(get("/key-accounts/discounts.csv").param("month", "2026-05").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("client_code,month,rate\n")))
                .andExpect(content().string(containsString(code + ",2026-05,10\n")));
        mvc.perform(get("/key-accounts/" + code).with(SignedIn.as(accounts, "finance1")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("10% on the orders of")));

        call("finance1", post("/api/v1/key-accounts/" + code + "/modes"), "{\"year\": 2026, \"mode\": \"CASH\"}")
                .andExpect(status().isConflict());
        call("finance1", post("/api/v1/key-accounts/" + code + "/modes"), "{\"year\": 2027, \"mode\": \"CASH\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bankName"));
        call("finance1", post("/api/v1/key-accounts/" + code + "/modes"), """
                {"year": 2027, "mode": "CASH", "bankName": "交通银行", "bankAccount": "6222600000000001"}""")
                .andExpect(status().isOk());
        KeyAccount account = keyAccounts.find(code).orElseThrow();
        assertThat(keyAccounts.modeFor(account, 2027)).isEqualTo(KeyAccountMode.CASH);
        assertThat(keyAccounts.modeFor(account, 2026)).isEqualTo(KeyAccountMode.DISCOUNT);
        assertThat(auditTrail.historyOf("KEY_ACCOUNT", String.valueOf(account.getId())))
                .extracting(AuditEntry::getAction).containsExactly("KEY_ACCOUNT_DESIGNATED", "KEY_ACCOUNT_MODE_CHOSEN");
    }

    @Test
    void aMonthFromOneMillionWaitsForAnAgreementAndFinanceIsTold() throws Exception {
        String code = client("常州协议客户有限公司", "2026-05-06,1200000.00");
        keyAccounts.designate(new KeyAccounts.Designation(code, LocalDate.of(2026, 1, 1), ClientClass.A,
                KeyAccountMode.CASH, "工商银行", "6222020000000001"), id("finance1"), "finance1");

        List<KeyAccountMonths.Month> may = keyAccounts.compute(YearMonth.of(2026, 5));

        assertThat(may).filteredOn(month -> month.purchases().compareTo(new BigDecimal("1200000.00")) == 0)
                .singleElement().satisfies(month -> {
                    assertThat(month.outcome()).isEqualTo(KeyAccountMonths.Outcome.NEEDS_AGREEMENT);
                    assertThat(month.subsidy()).isNull();
                });
        assertThat(subsidyLines(code, YearMonth.of(2026, 5))).isEmpty();
        assertThat(keyAccounts.waitingForAgreement()).isPositive();
        mvc.perform(get("/key-accounts").with(SignedIn.as(accounts, "finance1")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("id=\"key-accounts-agreements\"")));
        mvc.perform(get("/").with(SignedIn.as(accounts, "finance1")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("id=\"home-key-account-agreements\"")));

        call("finance1", post("/api/v1/key-accounts/" + code + "/agreements"),
                "{\"from\": \"2026-05\", \"to\": \"2026-12\", \"ratePercent\": 12.5, \"amount\": 1000}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("ratePercent"));
        String agreement = call("finance1", post("/api/v1/key-accounts/" + code + "/agreements"),
                "{\"from\": \"2026-05\", \"to\": \"2026-12\", \"ratePercent\": 12.5}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("WAITING_APPROVAL"))
                .andExpect(jsonPath("$.nextStep.role").value("DIRECTOR"))
                .andReturn().getResponse().getContentAsString();
        long agreementId = Long.parseLong(agreement.replaceAll("(?s)^\\{\"id\":(\\d+).*", "$1"));
        call("finance1", post("/api/v1/key-accounts/agreements/" + agreementId + "/decision"),
                "{\"decision\": \"APPROVE\"}").andExpect(status().isForbidden());
        call("director1", post("/api/v1/key-accounts/agreements/" + agreementId + "/decision"),
                "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));

        assertThat(subsidyLines(code, YearMonth.of(2026, 5))).singleElement().satisfies(line -> {
            assertThat(line.amount()).isEqualByComparingTo("150000.00");
            assertThat(line.explanation().get(0).key()).isEqualTo("explain.R7.cash.agreement");
        });
        call("finance1", get("/api/v1/key-accounts/" + code), null)
                .andExpect(jsonPath("$.months[0].outcome").value("SUBSIDY"))
                .andExpect(jsonPath("$.agreements[0].ratePercent").value(12.5));
    }

    @Test
    void designatingIsFinancesAndRefusedClearly() throws Exception {
        String code = client("镇江校验客户有限公司", "2026-03-05,100.00");
        call("sales1", post("/api/v1/key-accounts"), "{\"clientCode\": \"" + code + "\"}")
                .andExpect(status().isForbidden());
        call("finance1", post("/api/v1/key-accounts"), """
                {"clientCode": "%s", "from": "2026-01-01", "clientClass": "C", "mode": "DISCOUNT"}"""
                .formatted(ClientCodes.fresh()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clientCode"));
        call("finance1", post("/api/v1/key-accounts"), """
                {"clientCode": "%s", "from": "2026-01-01", "clientClass": "C", "mode": "CASH"}""".formatted(code))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bankName"));
        call("finance1", post("/api/v1/key-accounts"), """
                {"clientCode": "%s", "from": "2026-01-01", "clientClass": "C", "mode": "DISCOUNT"}""".formatted(code))
                .andExpect(status().isCreated());
        call("finance1", post("/api/v1/key-accounts"), """
                {"clientCode": "%s", "from": "2026-01-01", "clientClass": "C", "mode": "DISCOUNT"}""".formatted(code))
                .andExpect(status().isConflict());
        assertThatThrownBy(() -> keyAccounts.compute(YearMonth.of(2026, 6))).isInstanceOf(Refusal.NotEligible.class);
        mvc.perform(post("/key-accounts/months").param("month", "2026-06").with(SignedIn.as(accounts, "finance1"))
                        .with(csrf()))
                .andExpect(flash().attribute("failure", "keyAccount.month.notClosed"));
        mvc.perform(get("/key-accounts").param("q", "镇江校验").param("mode", "DISCOUNT")
                        .with(SignedIn.as(accounts, "director1")))
                .andExpect(content().string(containsString(code)));
        mvc.perform(get("/key-accounts").param("q", "镇江校验").param("mode", "CASH")
                        .with(SignedIn.as(accounts, "director1")))
                .andExpect(content().string(containsString("id=\"key-accounts-empty\"")));
        mvc.perform(get("/key-accounts").with(SignedIn.as(accounts, "sales1"))).andExpect(status().isForbidden());
        long id = keyAccounts.find(code).orElseThrow().getId();
        assertThat(auditTrail.historyOf("KEY_ACCOUNT", String.valueOf(id))).extracting(AuditEntry::getAction)
                .containsExactly("KEY_ACCOUNT_DESIGNATED");
    }

    /** A new client with orders ({@code date,amount}), imported as the ERP sends them; returns its code. */
    private String client(String name, String... ordersDatedAndAmounts) {
        return moreOrders(name, ClientCodes.fresh(), ordersDatedAndAmounts);
    }

    /** Orders of an existing client imported later (a late order, a return). */
    private String moreOrders(String name, String code, String... ordersDatedAndAmounts) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (String order : ordersDatedAndAmounts) {
            csv.append(code).append(',').append(name).append(",KA-").append(SEQUENCE.incrementAndGet()).append('-')
                    .append(code, 10, 18).append(',').append(order).append(",1\n");
        }
        assertThat(orders.importAll(csv.toString(), "finance1").problems()).isEmpty();
        return code;
    }

    private List<Ledger.Line> subsidyLines(String code) {
        return subsidyLines(code, MARCH);
    }

    private List<Ledger.Line> subsidyLines(String code, YearMonth month) {
        return ledger.linesOf(KeyAccounts.source(month), keyAccounts.find(code).orElseThrow().getId());
    }

    private ResultActions call(String username, MockHttpServletRequestBuilder request, String body) throws Exception {
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
