package com.bonusdesk.signals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.audit.AuditEntry;
import com.bonusdesk.audit.AuditTrail;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.claims.CollectionService;
import com.bonusdesk.clients.OrderImport;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The nightly review on real PostgreSQL: for each rule a seeded case it must find and a near miss it must not, a
 * dismissal that survives a rerun until the figures change, and a hold that keeps the lines out of the next run.
 */
@IntegrationTest
class SignalsTest {

    private static final AtomicLong NUMBERS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    ClaimService claims;

    @Autowired
    CollectionService collections;

    @Autowired
    Signals signals;

    @Autowired
    OrderImport orders;

    @Autowired
    AuditTrail auditTrail;

    @Test
    void aSharedBankAccountIsFoundStaysDismissedUntilItsFiguresChangeAndItsHoldKeepsTheLinesOut() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        String account = "62284800" + NUMBERS.incrementAndGet();
        long first = payee(fixture, "共用账户甲", account);
        long second = payee(fixture, "共用账户乙", account.substring(0, 4) + " " + account.substring(4));
        char last = account.charAt(account.length() - 1);
        long nearMiss = payee(fixture, "相近账户", account.substring(0, account.length() - 1) + (last == '9' ? '8' : '9'));
        long line = fixture.line(first, RuleCode.R1, "321.00", LocalDate.of(2026, 6, 8));

        signals.recompute("finance1");
        Signals.Signal found = signal("SHARED_BANK_ACCOUNT", "account:" + account);
        assertThat(found.status()).isEqualTo(Signals.Status.OPEN);
        assertThat(found.items()).extracting(Finding.Item::id).containsExactly(first, second);
        assertThat(found.lineIds()).containsExactly(line);
        assertThat(signals.list(null)).noneMatch(signal -> signal.items().stream()
                .anyMatch(item -> item.id() == nearMiss));

        mvc.perform(post("/api/v1/signals/" + found.id() + "/dismissal").contentType("application/json")
                        .content("{\"reason\": \" \"}").header("Accept-Language", "en")
                        .with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"))
                .andExpect(jsonPath("$.errors[0].message").value("Say why the signal is harmless."));
        mvc.perform(post("/api/v1/signals/" + found.id() + "/dismissal").contentType("application/json")
                        .content("{\"reason\": \"夫妻共用工资卡，已核实\"}").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISMISSED"));
        signals.recompute("system");
        assertThat(signal("SHARED_BANK_ACCOUNT", "account:" + account).status()).as("the same figures")
                .isEqualTo(Signals.Status.DISMISSED);
        assertThat(auditTrail.historyOf("FRAUD_SIGNAL", String.valueOf(found.id()))).extracting(AuditEntry::getAction)
                .containsExactly("SIGNAL_DISMISSED");

        long third = payee(fixture, "共用账户丙", account);
        signals.recompute("system");
        Signals.Signal reopened = signal("SHARED_BANK_ACCOUNT", "account:" + account);
        assertThat(reopened.status()).as("a third payee on the account").isEqualTo(Signals.Status.OPEN);
        assertThat(reopened.items()).extracting(Finding.Item::id).containsExactly(first, second, third);

        BigDecimal before = nextRunTotal();
        mvc.perform(post("/signals/" + reopened.id() + "/hold").with(SignedIn.as(accounts, "finance1")).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(nextRunTotal()).as("the held line waits").isEqualByComparingTo(before.subtract(new BigDecimal("321.00")));
        assertThat(signal("SHARED_BANK_ACCOUNT", "account:" + account).status()).isEqualTo(Signals.Status.HELD);
        mvc.perform(post("/api/v1/signals/" + reopened.id() + "/hold").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isConflict());

        mvc.perform(post("/api/v1/signals/" + reopened.id() + "/release").contentType("application/json")
                        .content("{\"reason\": \"第三人是新入职配偶，已核实\"}").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DISMISSED"));
        assertThat(nextRunTotal()).as("released: due again").isEqualByComparingTo(before);
        assertThat(auditTrail.historyOf("FRAUD_SIGNAL", String.valueOf(found.id()))).extracting(AuditEntry::getAction)
                .containsExactly("SIGNAL_DISMISSED", "SIGNAL_OPEN", "SIGNAL_HELD", "SIGNAL_DISMISSED");
    }

    @Test
    void aClaimedOrderWhoseClientOrderedAgainDaysLaterUnderABoundaryIsFoundAndOrdersFarApartAreNot() {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long salesperson = fixture.salesperson("拆单销售");
        String split = ClientCodes.fresh();
        String apart = ClientCodes.fresh();
        String over = ClientCodes.fresh();
        String prefix = "SPLIT-" + NUMBERS.incrementAndGet() + "-";
        orders.importAll(String.join("\n", "client_code,client_name,order_number,order_date,amount,units",
                split + ",拆单客户," + prefix + "1,2026-06-01,600.00,12",
                split + ",拆单客户," + prefix + "2,2026-06-03,500.00,12",
                apart + ",相隔客户," + prefix + "3,2026-06-01,600.00,12",
                apart + ",相隔客户," + prefix + "4,2026-06-20,500.00,12",
                over + ",大单客户," + prefix + "5,2026-06-01,1200.00,12",
                over + ",大单客户," + prefix + "6,2026-06-02,300.00,12"), "finance1");
        Claim claimed = claim(salesperson, split, "拆单客户", prefix + "1", "600.00");
        claim(salesperson, apart, "相隔客户", prefix + "3", "600.00");
        Claim large = claim(salesperson, over, "大单客户", prefix + "5", "1200.00");

        signals.recompute("finance1");

        Signals.Signal found = signal("SPLIT_ORDER", "claim:" + claimed.getId());
        assertThat(found.items()).extracting(Finding.Item::id).containsExactly(claimed.getId());
        assertThat(found.arguments()).contains("2", "拆单销售", "7", "1,000.00", "1,100.00");
        assertThat(signals.list(null)).noneMatch(signal -> signal.subject().equals("claim:" + large.getId()));
        assertThat(signals.list(null)).filteredOn(signal -> signal.rule() == SignalRule.SPLIT_ORDER)
                .noneMatch(signal -> String.join(" ", signal.arguments()).contains(prefix + "4"));
    }

    @Test
    void aCustomerReferralBetweenOnePersonIsARelatedPartyAndOneBetweenTwoIsNot() throws Exception {
        String mobile = "137" + String.format("%08d", NUMBERS.incrementAndGet() % 100_000_000L);
        long same = customerReferral(mobile, mobile);
        long different = customerReferral("136" + mobile.substring(3), mobile);

        signals.recompute("finance1");

        Signals.Signal related = signal("RELATED_PARTY", "customer-referral:" + same);
        assertThat(related.messageKey()).isEqualTo("signal.RELATED_PARTY.mobile");
        assertThat(signals.list(null)).noneMatch(signal -> signal.subject().equals("customer-referral:" + different));
        mvc.perform(get("/signals").header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("风险信号"), containsString("老带新 #" + same),
                        containsString("手机号相同"))));
        String json = mvc.perform(get("/api/v1/signals").param("status", "OPEN").header("Accept-Language", "en")
                        .with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Map<String, Object>> mine = JsonPath.read(json, "$[?(@.id == " + related.id() + ")]");
        assertThat(mine).singleElement().satisfies(signal -> {
            assertThat(signal).containsEntry("rule", "RELATED_PARTY").containsEntry("status", "OPEN");
            assertThat((String) signal.get("explanation")).contains("have the same mobile number " + mobile);
        });
        mvc.perform(get("/api/v1/signals").with(SignedIn.as(accounts, "sales1"))).andExpect(status().isForbidden());
        mvc.perform(get("/signals").with(SignedIn.as(accounts, "manager1"))).andExpect(status().isForbidden());
    }

    @Test
    void aReferralWhoseClientsContactIsSomeoneInTheCompanyIsARelatedPartyAndOneWithAStrangerIsNot() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long referrer = fixture.payee("推荐销售");
        long colleague = fixture.payee("客户方同事");
        String referrerMobile = mobile("138");
        String colleagueMobile = mobile("139");
        jdbc.update("update person set mobile = ? where id = ?", referrerMobile, referrer);
        jdbc.update("update person set mobile = ? where id = ?", colleagueMobile, colleague);
        String own = ClientCodes.fresh();
        String inside = ClientCodes.fresh();
        String stranger = ClientCodes.fresh();
        String prefix = "REL-" + NUMBERS.incrementAndGet() + "-";
        orders.importAll(String.join("\n",
                "client_code,client_name,order_number,order_date,amount,units,contact_name,contact_mobile",
                own + ",自家客户有限公司," + prefix + "1,2026-05-04,800.00,12,推荐销售," + referrerMobile,
                inside + ",同事客户有限公司," + prefix + "2,2026-05-04,800.00,12,客户方同事," + colleagueMobile,
                stranger + ",陌生客户有限公司," + prefix + "3,2026-05-04,800.00,12,陌生人," + mobile("135")),
                "finance1");
        long ownReferral = referral(referrer, own, "自家客户有限公司");
        long insideReferral = referral(referrer, inside, "同事客户有限公司");
        long privateReferral = referral(referrer, colleagueMobile, "客户方同事");
        long strangerReferral = referral(referrer, stranger, "陌生客户有限公司");

        signals.recompute("finance1");

        Signals.Signal self = signal("RELATED_PARTY", "referral:" + ownReferral + ":person:" + referrer);
        assertThat(self.messageKey()).isEqualTo("signal.RELATED_PARTY.referrer");
        assertThat(self.items()).extracting(Finding.Item::id).containsExactly(ownReferral, referrer);
        Signals.Signal other = signal("RELATED_PARTY", "referral:" + insideReferral + ":person:" + colleague);
        assertThat(other.messageKey()).isEqualTo("signal.RELATED_PARTY.colleague");
        assertThat(other.arguments()).contains("推荐销售", colleagueMobile, "客户方同事");
        signal("RELATED_PARTY", "referral:" + privateReferral + ":person:" + colleague);
        assertThat(signals.list(null)).noneMatch(signal -> signal.subject().startsWith("referral:" + strangerReferral));
        mvc.perform(get("/signals").header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, "finance1")))
                .andExpect(content().string(allOf(containsString("推荐申请 #" + ownReferral),
                        containsString("就是推荐人 推荐销售 本人"))));
    }

    @Test
    void aPartnerWithAnEmployeesMobileIsARelatedPartyAndOneWithTheirOwnIsNot() {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long employee = fixture.payee("内部员工");
        long disguised = fixture.payee("挂名伙伴");
        long genuine = fixture.payee("真实伙伴");
        String shared = mobile("137");
        jdbc.update("update person set mobile = ? where id in (?, ?)", shared, employee, disguised);
        jdbc.update("update person set mobile = ? where id = ?", mobile("136"), genuine);
        jdbc.update("update person_role set role = 'PARTNER' where person_id in (?, ?)", disguised, genuine);
        long through = referral(disguised, ClientCodes.fresh(), "伙伴客户甲有限公司");
        referral(genuine, ClientCodes.fresh(), "伙伴客户乙有限公司");

        signals.recompute("finance1");

        Signals.Signal partner = signal("RELATED_PARTY", "partner:" + disguised + ":person:" + employee);
        assertThat(partner.arguments()).containsExactly("挂名伙伴", "内部员工", shared, "1");
        assertThat(partner.items()).extracting(Finding.Item::id).containsExactly(disguised, employee, through);
        assertThat(signals.list(null)).noneMatch(signal -> signal.subject().startsWith("partner:" + genuine + ":"));
    }

    @Test
    void aClaimWhoseClientWasRenamedDaysBeforeIsARiskAndOneRenamedLongAgoIsNot() {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long salesperson = fixture.salesperson("更名销售");
        String recent = ClientCodes.fresh();
        String longAgo = ClientCodes.fresh();
        String prefix = "REN-" + NUMBERS.incrementAndGet() + "-";
        orders.importAll(String.join("\n", "client_code,client_name,order_number,order_date,amount,units",
                recent + ",老字号贸易有限公司," + prefix + "1,2025-03-01,800.00,12",
                recent + ",新气象贸易有限公司," + prefix + "2,2026-05-20,800.00,12",
                longAgo + ",旧称实业有限公司," + prefix + "3,2024-01-10,800.00,12",
                longAgo + ",今称实业有限公司," + prefix + "4,2025-02-01,800.00,12",
                longAgo + ",今称实业有限公司," + prefix + "5,2026-05-20,800.00,12"), "finance1");
        Claim renamed = claimOn(salesperson, recent, "新气象贸易有限公司", prefix + "2");
        Claim settled = claimOn(salesperson, longAgo, "今称实业有限公司", prefix + "5");

        signals.recompute("finance1");

        Signals.Signal risk = signal("CLAWBACK_RISK", "claim:" + renamed.getId() + ":renamed");
        assertThat(risk.messageKey()).isEqualTo("signal.CLAWBACK_RISK.renamed");
        assertThat(risk.arguments()).contains("老字号贸易有限公司", "新气象贸易有限公司", "2026-05-20", "0");
        assertThat(signals.list(null)).noneMatch(signal -> signal.subject().startsWith("claim:" + settled.getId()));
    }

    @Test
    void aBonusPaidOnMoneyRefundedSoonAfterIsFoundAndOneRefundedLaterIsNot() {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long manager = fixture.payee("退款经理");
        jdbc.update("update person_role set role = 'MANAGER' where person_id = ?", manager);
        long salesperson = fixture.payee("退款销售");
        jdbc.update("update person set manager_id = ? where id = ?", manager, salesperson);
        Claim soon = approvedAndPaid(salesperson, manager, fixture, LocalDate.of(2026, 1, 5), "2026-01-10");
        collections.record(soon.getOrderNumber(), LocalDate.of(2026, 1, 30), new BigDecimal("-500.00"),
                "SIG-OUT-" + soon.getId(), "finance1");
        Claim late = approvedAndPaid(salesperson, manager, fixture, LocalDate.of(2026, 1, 5), "2026-01-06");
        collections.record(late.getOrderNumber(), LocalDate.of(2026, 2, 20), new BigDecimal("-500.00"),
                "SIG-OUT-" + late.getId(), "finance1");

        signals.recompute("finance1");

        assertThat(signals.list(null)).filteredOn(signal -> signal.rule() == SignalRule.CLAWBACK_RISK)
                .anySatisfy(signal -> {
                    assertThat(signal.items()).extracting(Finding.Item::id).containsExactly(soon.getId());
                    assertThat(signal.arguments()).contains("2026-01-10", "2026-01-30", "20");
                })
                .noneSatisfy(signal -> assertThat(signal.items()).extracting(Finding.Item::id).contains(late.getId()));
    }

    @Test
    void aSalespersonWhoseAmountsSitJustAboveTheBoundariesIsFoundAndOneWithAFewIsNot() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long nudger = fixture.salesperson("凑整销售");
        for (String amount : List.of("505.00", "510.00", "1010.00", "1020.00", "10100.00", "2000.00")) {
            claim(nudger, ClientCodes.fresh(), LocalDate.of(2026, 5, 20), amount);
        }
        long ordinary = fixture.salesperson("普通销售");
        claim(ordinary, ClientCodes.fresh(), LocalDate.of(2026, 5, 20), "505.00");
        for (int i = 0; i < 29; i++) {
            claim(ordinary, ClientCodes.fresh(), LocalDate.of(2026, 5, 20), String.valueOf(600 + 310 * i) + ".00");
        }
        long few = fixture.salesperson("少量销售");
        for (String amount : List.of("505.00", "1010.00", "1020.00", "10100.00")) {
            claim(few, ClientCodes.fresh(), LocalDate.of(2026, 5, 20), amount);
        }

        signals.recompute("finance1");

        Signals.Signal cluster = signal("THRESHOLD_CLUSTER", "salesperson:" + nudger);
        assertThat(cluster.arguments()).startsWith("凑整销售", "5", "6", "5", "83");
        assertThat(cluster.items()).hasSize(5);
        assertThat(cluster.chart().bands()).containsExactly("-10–-5 %", "-5–0 %", "0–5 %", "5–10 %", "10–20 %");
        assertThat(cluster.chart().person().get(2)).as("5 of 6 just above").isEqualTo(83.3);
        mvc.perform(get("/signals").with(SignedIn.as(accounts, "finance1")))
                .andExpect(content().string(containsString("id=\"chart-signal-" + cluster.id() + "\"")));
        assertThat(signals.list(null)).noneMatch(signal -> signal.subject().equals("salesperson:" + ordinary)
                || signal.subject().equals("salesperson:" + few));
    }

    @Test
    void aBurstOfClaimsInTheLastDaysOfAPlanVersionIsFoundAndAnEvenPaceIsNot() {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long version = jdbc.queryForObject("""
                insert into plan_version (kind, number, status, valid_from, valid_to, rules, created_by, created_at,
                                          published_by, published_at)
                select kind, 0, 'PUBLISHED', date '2025-10-01', date '2025-10-31', rules, 'test', now(), 'test', now()
                from plan_version where kind = 'NEW_CLIENT' and number = 1 returning id""", Long.class);
        try {
            long hurried = fixture.salesperson("赶单销售");
            for (String day : List.of("2025-10-29", "2025-10-30", "2025-10-31", "2025-10-31")) {
                submittedOn(claim(hurried, ClientCodes.fresh(), LocalDate.of(2026, 5, 20), "3000.00"), day);
            }
            long steady = fixture.salesperson("平稳销售");
            for (String day : List.of("2025-09-05", "2025-09-20", "2025-10-02", "2025-10-15", "2025-10-30")) {
                submittedOn(claim(steady, ClientCodes.fresh(), LocalDate.of(2026, 5, 20), "3000.00"), day);
            }

            signals.recompute("finance1");

            Signals.Signal burst = signal("TIMING", "version:" + version + ":salesperson:" + hurried);
            assertThat(burst.arguments()).startsWith("赶单销售", "4", "3", "v0", "2025-10-31", "0");
            assertThat(burst.items()).hasSize(4);
            assertThat(signals.list(null)).noneMatch(signal ->
                    signal.subject().equals("version:" + version + ":salesperson:" + steady));
        } finally {
            jdbc.update("delete from plan_version where id = ?", version);
        }
    }

    private void submittedOn(Claim claim, String day) {
        jdbc.update("update claim set submitted_at = (date '" + day + "' + time '10:00') at time zone 'Asia/Shanghai'"
                + " where id = ?", claim.getId());
    }

    private Claim approvedAndPaid(long salesperson, long manager, PayoutFixture fixture, LocalDate ordered,
            String collected) {
        Claim claim = claim(salesperson, ClientCodes.fresh(), ordered, "5000.00");
        claims.decide(claim.getId(), manager, true, null, fixture.username(manager));
        collections.record(claim.getOrderNumber(), LocalDate.parse(collected), new BigDecimal("5000.00"),
                "SIG-IN-" + claim.getId(), "finance1");
        // paid by a run of a week in 2024, which no other test builds, holding only this claim's lines
        long run = jdbc.queryForObject("""
                insert into payout_run (week_ending, status, built_by, started_at, built_at, paid_on)
                select coalesce(max(week_ending), date '2023-12-31') + 7, 'PAID', 'finance1', now(), now(),
                       date '2026-02-01'
                from payout_run where week_ending < date '2025-01-01'
                returning id""", Long.class);
        jdbc.update("""
                insert into payout_item (run_id, line_id, payee_id, state)
                select ?, id, payee_id, 'IN_RUN' from earned_line where source_type = 'CLAIM' and source_id = ?""",
                run, claim.getId());
        return claim;
    }

    private Claim claim(long salesperson, String client, LocalDate ordered, String amount) {
        return claims.submit(new ClaimFacts(client, "信号客户", "SIG-" + ClientCodes.fresh(), ordered,
                new BigDecimal(amount), 12, false, false, null), salesperson, "signals-test").orRefuse();
    }

    private Claim claim(long salesperson, String client, String name, String orderNumber, String amount) {
        return claims.submit(new ClaimFacts(client, name, orderNumber, LocalDate.of(2026, 6, 1),
                new BigDecimal(amount), 12, false, false, null), salesperson, "signals-test").orRefuse();
    }

    private Claim claimOn(long salesperson, String client, String name, String orderNumber) {
        return claims.submit(new ClaimFacts(client, name, orderNumber, LocalDate.of(2026, 5, 20),
                new BigDecimal("800.00"), 12, false, false, null), salesperson, "signals-test").orRefuse();
    }

    private static String mobile(String prefix) {
        return prefix + String.format("%08d", NUMBERS.incrementAndGet() % 100_000_000L);
    }

    private long referral(long referrer, String client, String name) {
        return jdbc.queryForObject("""
                insert into referral (referrer_id, client_code, client_name, contract_number, signed_date,
                    contract_amount, client_annual_sales, relationship, status, filed_on, deadline, filed_at)
                values (?, ?, ?, 'HT-REL', '2026-05-04', 250000, 600000, 'NONE', 'SUBMITTED', '2026-05-10',
                    '2026-05-25', now()) returning id""", Long.class, referrer, client, name);
    }

    private long customerReferral(String visitor, String referrer) {
        return jdbc.queryForObject("""
                insert into customer_referral (registered_by, visitor_name, visitor_mobile, referrer_name, referrer_mobile,
                    referrer_contract_number, property_type, relationship, first_visit_on, registered_at, status)
                values ((select id from person where username = 'sales1'), '来访者', ?, '老业主', ?, 'HT-SIG', 'RESIDENTIAL',
                    'NONE', date '2026-06-01', now(), 'REGISTERED') returning id""", Long.class, visitor, referrer);
    }

    private long payee(PayoutFixture fixture, String name, String account) {
        long payee = fixture.payee(name);
        jdbc.update("update person set bank_name = '农业银行', bank_account = ? where id = ?", account, payee);
        return payee;
    }

    private Signals.Signal signal(String rule, String subject) {
        return signals.list(null).stream().filter(signal -> signal.rule().name().equals(rule)
                && signal.subject().equals(subject)).findFirst().orElseThrow(() -> new AssertionError(
                        "no " + rule + " signal about " + subject + " in " + signals.list(null)));
    }

    private BigDecimal nextRunTotal() throws Exception {
        return new BigDecimal(JsonPath.<String>read(mvc.perform(get("/api/v1/me/dashboard")
                .with(SignedIn.as(accounts, "finance1"))).andReturn().getResponse().getContentAsString(),
                "$.nextRun.total"));
    }
}
