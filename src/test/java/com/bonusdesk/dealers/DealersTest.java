package com.bonusdesk.dealers;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.audit.AuditEntry;
import com.bonusdesk.audit.AuditTrail;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.clients.ClientDirectory;
import com.bonusdesk.clients.OrderImport;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.payouts.PayoutRuns;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.rebates.LineApprovals;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.simulations.Simulations;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.InForceReplay;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R8 on real PostgreSQL: finance flags a dealer; its imported orders of a closed month earn pickup and monthly
 * rewards paid to it once, a return claws back; sales management sets targets, one by one or from CSV, and a
 * closed year reaching its target earns the annual reward.
 */
@IntegrationTest
class DealersTest {

    private static final String HEADER = "client_code,client_name,order_number,order_date,amount,units\n";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final YearMonth MARCH = YearMonth.of(2026, 3);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    Dealers dealers;

    @Autowired
    OrderImport orders;

    @Autowired
    Ledger ledger;

    @Autowired
    PayoutRuns runs;

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Simulations simulations;

    @Autowired
    DealerRepository repository;

    @Autowired
    DealerTargets targets;

    @Autowired
    ClientDirectory clients;

    @Autowired
    PersonService people;

    @Autowired
    BonusRules rules;

    @Autowired
    LineApprovals lineApprovals;

    @Autowired
    PlanCatalogue plans;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void startFromNoLinesAndNoRuns() {
        new PayoutFixture(jdbc, ledger).forgetAllLinesAndRuns();
    }

    @Test
    void example21AMonthsOrdersArePaidOnceAndAReturnClawsBack() throws Exception {
        String code = orders("常州改装厂", ClientCodes.fresh(), "SO-A,2026-03-10,60000.00", "SO-B,2026-03-18,260000.00");
        call("finance1", post("/api/v1/dealers"), """
                {"clientCode": "%s", "bankName": "农业银行常州分行", "bankAccount": "6228480000000001"}"""
                .formatted(code))
                .andExpect(status().isCreated());

        dealers.computeMonth(MARCH);

        assertThat(lines(code)).extracting(Ledger.Line::rule, Ledger.Line::amount).containsExactly(
                tuple("R8_PICKUP", new BigDecimal("600.00")), tuple("R8_PICKUP", new BigDecimal("5200.00")),
                tuple("R8_MONTHLY", new BigDecimal("3200.00")));
        assertThat(runs.start(LocalDate.of(2026, 6, 15), "finance1").getTotal()).isEqualByComparingTo("9000.00");
        dealers.computeMonth(MARCH);
        assertThat(runs.start(LocalDate.of(2026, 6, 22), "finance1").getTotal()).as("paid once")
                .isEqualByComparingTo("0.00");

        orders("常州改装厂", code, "RT-B,2026-03-25,-260000.00");
        dealers.computeMonth(MARCH);

        assertThat(lines(code).stream().map(Ledger.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("60,000.00 left: its pickup, no monthly reward").isEqualByComparingTo("600.00");
        call("director1", get("/api/v1/dealers/" + code), null)
                .andExpect(jsonPath("$.lines[1].explanation").value(org.hamcrest.Matchers.matchesPattern(
                        "Order SO-B-\\w+ of 260,000.00 ≥ 200,000.00: 2% = 5,200.00")));

        long payee = jdbc.queryForObject("select x.payee_id from dealer x join client c on c.id = x.client_id"
                + " where c.code = ?", Long.class, code);
        InForceReplay replay = new InForceReplay(jdbc, simulations);
        assertThat(replay.simulated("DEALER", payee)).as("replayed as the ledger holds it")
                .isEqualByComparingTo(replay.ledgerOf(payee));
    }

    @Test
    void example22AYearReachingItsTargetEarnsTheAnnualReward() throws Exception {
        String code = orders("南通经销商", ClientCodes.fresh(), "Y-1,2026-04-10,1200000.00", "Y-2,2026-05-10,900000.00");
        dealers.flag(code, "建设银行", "6217000000000001", id("finance1"), "finance1");
        call("finance1", post("/api/v1/dealers/" + code + "/targets"), "{\"year\": 2026, \"target\": 2000000}")
                .andExpect(status().isForbidden());
        call("manager1", post("/api/v1/dealers/" + code + "/targets"), "{\"year\": 2026, \"target\": 0}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("target"));
        for (int outsideThePlans : new int[] {1900, 2025, 2028}) {
            call("manager1", post("/api/v1/dealers/" + code + "/targets"), "{\"year\": " + outsideThePlans
                            + ", \"target\": 2000000}")
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("year"));
        }
        call("manager1", post("/api/v1/dealers/" + code + "/targets"), "{\"year\": 2026, \"target\": 2000000}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.targets['2026']").value(2000000.00));
        assertThatThrownBy(() -> dealers.computeYear(2026)).as("the year is not over")
                .isInstanceOf(Refusal.NotEligible.class);

        Dealers nextJanuary = new Dealers(repository, targets, clients, people, ledger, rules, lineApprovals, plans,
                events,
                Clock.fixed(LocalDate.of(2027, 1, 11).atStartOfDay(ZoneId.of("Asia/Shanghai")).toInstant(),
                        ZoneId.of("Asia/Shanghai")));
        transactions.executeWithoutResult(status -> nextJanuary.computeYear(2026));

        assertThat(lines(code)).filteredOn(line -> line.rule().equals(RuleCode.R8_ANNUAL.name()))
                .singleElement().satisfies(line -> assertThat(line.amount()).isEqualByComparingTo("42000.00"));
        long dealerId = dealers.find(code).orElseThrow().getId();
        assertThat(auditTrail.historyOf("DEALER", String.valueOf(dealerId))).extracting(AuditEntry::getAction)
                .containsExactly("DEALER_FLAGGED", "DEALER_TARGET_SET");
    }

    @Test
    void targetsAreImportedAllOrNothingAfterAPreview() throws Exception {
        String first = orders("扬州经销商甲", ClientCodes.fresh(), "T-1,2026-01-05,100.00");
        String second = orders("扬州经销商乙", ClientCodes.fresh(), "T-2,2026-01-05,100.00");
        dealers.flag(first, "银行", "6217000000000002", id("finance1"), "finance1");
        dealers.flag(second, "银行", "6217000000000003", id("finance1"), "finance1");

        String bad = "client_code,year,target\n" + first + ",2026,1500000\n" + ClientCodes.fresh() + ",2026,10\n"
                + second + ",20x6,10\n" + second + ",1900,10\n";
        mvc.perform(multipart("/dealers/targets/import/preview").file(new MockMultipartFile("file", "t.csv",
                        "text/csv", bad.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .with(SignedIn.as(accounts, "director1")).with(csrf()).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("No dealer has the client code")))
                .andExpect(content().string(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*20x6.{0,8} is not a year in which the dealer plan is in force.*"
                        + "1900.{0,8} is not a year in which the dealer plan is in force.*")));
        mvc.perform(post("/dealers/targets/import").param("csv", bad).with(SignedIn.as(accounts, "director1"))
                .with(csrf()));
        assertThat(dealers.targetsOf(dealers.find(first).orElseThrow())).as("nothing of a bad file").isEmpty();

        String good = "client_code,year,target\n" + first + ",2026,1500000\n" + second + ",2026,\"2,000,000.00\"\n";
        mvc.perform(post("/dealers/targets/import").param("csv", good).with(SignedIn.as(accounts, "director1"))
                        .with(csrf()))
                .andExpect(flash().attribute("success", "targetImport.done"));
        assertThat(dealers.targetsOf(dealers.find(second).orElseThrow())).containsEntry(2026,
                new BigDecimal("2000000.00"));
        mvc.perform(get("/dealers/" + second).with(SignedIn.as(accounts, "finance1")).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("CN¥2,000,000.00")));
        mvc.perform(get("/dealers").with(SignedIn.as(accounts, "sales1"))).andExpect(status().isForbidden());
    }

    @Test
    void flaggingIsFinancesAndRefusedClearly() throws Exception {
        String code = orders("泰州经销商", ClientCodes.fresh(), "F-1,2026-01-05,100.00");
        call("sales1", post("/api/v1/dealers"), "{\"clientCode\": \"" + code + "\"}").andExpect(status().isForbidden());
        call("finance1", post("/api/v1/dealers"), "{\"clientCode\": \"" + code + "\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("bankName"));
        call("finance1", post("/api/v1/dealers"), """
                {"clientCode": "%s", "bankName": "银行", "bankAccount": "1"}""".formatted(ClientCodes.fresh()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clientCode"));
        call("finance1", post("/api/v1/dealers"), """
                {"clientCode": "%s", "bankName": "银行", "bankAccount": "6217000000000009"}""".formatted(code))
                .andExpect(status().isCreated());
        call("finance1", post("/api/v1/dealers"), """
                {"clientCode": "%s", "bankName": "银行", "bankAccount": "6217000000000009"}""".formatted(code))
                .andExpect(status().isConflict());
        mvc.perform(get("/dealers").param("q", "泰州").with(SignedIn.as(accounts, "manager1")))
                .andExpect(content().string(containsString(code)));
    }

    /** Orders ({@code number,date,amount}) of a client, imported as the ERP sends them; returns its code. */
    private String orders(String name, String code, String... numberedOrders) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (String order : numberedOrders) {
            String[] parts = order.split(",");
            csv.append(code).append(',').append(name).append(',').append(parts[0]).append('-')
                    .append(SEQUENCE.incrementAndGet()).append(code, 12, 18).append(',').append(parts[1]).append(',')
                    .append(parts[2]).append(",1\n");
        }
        assertThat(orders.importAll(csv.toString(), "finance1").problems()).isEmpty();
        return code;
    }

    private List<Ledger.Line> lines(String code) {
        return dealers.linesOf(dealers.find(code).orElseThrow());
    }

    private ResultActions call(String username, MockHttpServletRequestBuilder request, String body) throws Exception {
        request.with(SignedIn.as(accounts, username)).header("Accept-Language", "en");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private long id(String username) {
        return jdbc.queryForObject("select id from person where username = ?", Long.class, username);
    }
}
