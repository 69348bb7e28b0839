package com.bonusdesk.tokens;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.calculation.RuleCode;
import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.claims.ClaimStatus;
import com.bonusdesk.customerreferrals.CustomerReferral;
import com.bonusdesk.customerreferrals.CustomerReferralService;
import com.bonusdesk.disputes.Adjustments;
import com.bonusdesk.disputes.Disputes;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.referrals.ReferralFacts;
import com.bonusdesk.referrals.ReferralService;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.TestPeople;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * A token limited to some of its person's roles acts with those alone, in every check behind the API, not only at
 * its door: what the person may see, cancel and decide is judged by the token's scope, never by all the roles they
 * hold. Each refusal is set beside the same request with a token that does carry the role, which succeeds.
 */
@IntegrationTest
class ScopedTokensTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(7700);

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApiTokens tokens;

    @Autowired
    PersonService people;

    @Autowired
    ClaimService claims;

    @Autowired
    ReferralService referrals;

    @Autowired
    CustomerReferralService customerReferrals;

    @Autowired
    Disputes disputes;

    @Autowired
    Adjustments adjustments;

    @Autowired
    Ledger ledger;

    @Test
    void aGeneralManagersTokenScopedToManagerTakesNoGeneralManagersStep() throws Exception {
        String managerOnly = token("director1", Role.MANAGER);
        String director = token("director1", Role.DIRECTOR);

        long payee = new PayoutFixture(jdbc, ledger).payee("范围");
        long adjustment = adjustments.make(payee, null, new BigDecimal("777.00"), "审计补发", id("finance1"),
                "finance1").getId();
        call(managerOnly, post("/api/v1/adjustments/" + adjustment + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isNotFound());
        call(managerOnly, get("/api/v1/adjustments/" + adjustment), null).andExpect(status().isNotFound());
        call(director, get("/api/v1/adjustments/" + adjustment), null)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("WAITING_APPROVAL"));

        Claim claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "范围公司", "SCOPE-" + SEQUENCE.incrementAndGet(),
                LocalDate.of(2026, 6, 10), new BigDecimal("60000.00"), 12, false, false, null), id("sales1"), "sales1")
                .orRefuse();
        claims.decide(claim.getId(), id("manager1"), true, null, "manager1");
        call(managerOnly, post("/api/v1/claims/" + claim.getId() + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isForbidden());
        assertThat(claims.visibleTo(claim.getId(), id("sales1")).orElseThrow().getStatus())
                .isEqualTo(ClaimStatus.SUBMITTED);
        call(director, post("/api/v1/claims/" + claim.getId() + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isOk());
        call(director, post("/api/v1/adjustments/" + adjustment + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isOk());

        CustomerReferral referral = customerReferral();
        customerReferrals.decide(referral.getId(), true, null, id("manager1"), "manager1");
        call(managerOnly, post("/api/v1/customer-referrals/" + referral.getId() + "/decision"),
                "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isForbidden());
        call(director, post("/api/v1/customer-referrals/" + referral.getId() + "/decision"),
                "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isOk());
    }

    @Test
    void aSalesTokenOfSomeoneWhoAlsoHoldsHrFinanceAndAdminSeesAndCancelsOnlyWhatASalespersonMay() throws Exception {
        long everything = person(Role.SALES, Role.HR, Role.FINANCE, Role.ADMIN);
        String sales = token(everything, Role.SALES);
        String finance = token(everything, Role.FINANCE);
        String hr = token(everything, Role.HR);

        Claim claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "别人的公司", "SCOPE-" + SEQUENCE.incrementAndGet(),
                LocalDate.of(2026, 6, 10), new BigDecimal("800.00"), 12, false, false, null), id("sales1"), "sales1")
                .orRefuse();
        claims.decide(claim.getId(), id("manager1"), true, null, "manager1");
        call(sales, get("/api/v1/claims/" + claim.getId()), null).andExpect(status().isNotFound());
        call(finance, get("/api/v1/claims/" + claim.getId()), null).andExpect(status().isOk());
        call(sales, post("/api/v1/claims/" + claim.getId() + "/cancellation"), "{\"reason\": \"not mine\"}")
                .andExpect(status().isNotFound());
        assertThat(claims.visibleTo(claim.getId(), id("sales1")).orElseThrow().getStatus())
                .isEqualTo(ClaimStatus.APPROVED);

        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long payee = fixture.payee("争议人");
        long dispute = disputes.open(payee, fixture.line(payee, RuleCode.R1, "100.00", LocalDate.of(2026, 6, 10)),
                null, "金额不对", null, fixture.username(payee)).getId();
        call(sales, get("/api/v1/disputes/" + dispute), null).andExpect(status().isNotFound());
        call(sales, get("/api/v1/disputes"), null)
                .andExpect(jsonPath("$.disputes[*].id").value(not(hasItem((int) dispute))));
        call(finance, get("/api/v1/disputes/" + dispute), null).andExpect(status().isOk());

        long referral = referrals.file(new ReferralFacts(ClientCodes.fresh(), "推荐范围公司", "HT-S" + SEQUENCE.incrementAndGet(),
                LocalDate.of(2026, 6, 1), new BigDecimal("100000.00"), new BigDecimal("500000.00"),
                Relationship.NONE, null), id("sales2"), "sales2").referral().getId();
        call(sales, get("/api/v1/referrals/" + referral), null).andExpect(status().isNotFound());
        call(hr, get("/api/v1/referrals/" + referral), null).andExpect(status().isOk());

        long adjustment = adjustments.make(payee, null, new BigDecimal("30.00"), "补发", id("finance1"), "finance1")
                .getId();
        call(sales, get("/api/v1/adjustments/" + adjustment), null).andExpect(status().isNotFound());
        call(finance, get("/api/v1/adjustments/" + adjustment), null).andExpect(status().isOk());

        long customerReferral = customerReferral().getId();
        call(sales, get("/api/v1/customer-referrals/" + customerReferral), null).andExpect(status().isNotFound());
        call(finance, get("/api/v1/customer-referrals/" + customerReferral), null).andExpect(status().isOk());
        customerReferrals.decide(customerReferral, false, "范围测试", id("manager1"), "manager1");
    }

    @Test
    void aTokenScopedToManagerOfSomeoneAlsoInHrTakesNoHrStep() throws Exception {
        long hrAndManager = person(Role.HR, Role.MANAGER);
        long referral = referrals.file(new ReferralFacts(ClientCodes.fresh(), "推荐范围公司", "HT-S" + SEQUENCE.incrementAndGet(),
                LocalDate.of(2026, 6, 1), new BigDecimal("100000.00"), new BigDecimal("500000.00"),
                Relationship.NONE, null), id("sales2"), "sales2").referral().getId();

        call(token(hrAndManager, Role.MANAGER), post("/api/v1/referrals/" + referral + "/decision"),
                "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isNotFound());
        call(token(hrAndManager, Role.HR), post("/api/v1/referrals/" + referral + "/decision"),
                "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isOk());
    }

    @Test
    void aManagersTokenScopedToSalesDoesNotSeeTheTeamsClaims() throws Exception {
        long managerWhoSells = person(Role.SALES, Role.MANAGER);
        long teamMember = person(Role.SALES);
        jdbc.update("update person set manager_id = ? where id = ?", managerWhoSells, teamMember);
        Claim claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "团队公司", "SCOPE-" + SEQUENCE.incrementAndGet(),
                LocalDate.of(2026, 6, 10), new BigDecimal("800.00"), 12, false, false, null), teamMember, "team")
                .orRefuse();

        call(token(managerWhoSells, Role.SALES), get("/api/v1/claims/" + claim.getId()), null)
                .andExpect(status().isNotFound());
        call(token(managerWhoSells, Role.MANAGER), get("/api/v1/claims/" + claim.getId()), null)
                .andExpect(status().isOk());
    }

    private CustomerReferral customerReferral() {
        int n = SEQUENCE.incrementAndGet();
        CustomerReferral.FirstVisit visit = new CustomerReferral.FirstVisit("范围访客" + n, "1391" + String.format("%07d", n),
                "范围业主" + n, "1392" + String.format("%07d", n), "HT-OLD-S" + n, PropertyType.RESIDENTIAL,
                Relationship.NONE, LocalDate.of(2026, 6, 15));
        CustomerReferral referral = customerReferrals.register(visit, id("sales1"), "sales1").referral();
        customerReferrals.recordDeal(referral.getId(), new CustomerReferral.Deal("HT-NEW-S" + n, LocalDate.of(2026, 6, 12),
                new BigDecimal("1250000.00"), PropertyType.RESIDENTIAL, true, "中国银行无锡分行", "6217856000019999"),
                id("sales1"), "sales1");
        return referral;
    }

    private ResultActions call(String token, MockHttpServletRequestBuilder request, String body) throws Exception {
        request.header("Authorization", "Bearer " + token).header("Accept-Language", "en");
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private String token(String username, Role role) {
        return token(id(username), role);
    }

    private String token(long personId, Role role) {
        return transactions.execute(status -> tokens.issue(people.activePrincipal(personId).orElseThrow(),
                new ApiTokens.Request("scoped " + SEQUENCE.incrementAndGet(), LocalDate.now(clock).plusDays(5), false,
                        EnumSet.of(role)))).secret();
    }

    private long person(Role... roles) {
        return TestPeople.insert(jdbc, "scoped-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000,
                null, roles);
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }
}
