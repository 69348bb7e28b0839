package com.bonusdesk.claims;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.bonusdesk.people.Role;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.support.TestPeople;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * R1's "本方案适用于公司全体员工": every employee files new-client claims, not salespeople alone, and their manager
 * approves through the chain; a partner does not, and a claim nobody could approve is refused before it waits for
 * ever.
 */
@IntegrationTest
class EveryoneClaimsTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(88_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anHrColleagueClaimsANewClientOnTheApiAndTheirManagerApproves() throws Exception {
        String colleague = person(Role.HR, "manager1");
        String location = claim(colleague)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.nextStep.role").value("SUBMITTERS_MANAGER"))
                .andReturn().getResponse().getHeader("Location");

        call("manager1", post(location + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
    }

    @Test
    void aFinanceColleagueFindsClaimsInTheMenuAndChecksOneOnThePage() throws Exception {
        String colleague = person(Role.FINANCE, "manager1");
        mvc.perform(get("/").with(SignedIn.as(accounts, colleague)).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("id=\"nav-claims\"")));
        mvc.perform(get("/claims/new").with(SignedIn.as(accounts, colleague))).andExpect(status().isOk());
    }

    @Test
    void aPartnerDoesNotClaim() throws Exception {
        claim(person(Role.PARTNER, null)).andExpect(status().isForbidden());
    }

    @Test
    void someoneWithNobodyAboveThemIsToldBeforeTheClaimWaitsForEver() throws Exception {
        claim(person(Role.HR, null))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.reasons[0].code").value("NO_APPROVER"))
                .andExpect(jsonPath("$.reasons[0].message").value("Nobody above you in the reporting line can take "
                        + "step 1 of this claim's approval: ask an administrator to record your manager."));
    }

    private ResultActions claim(String username) throws Exception {
        return call(username, post("/api/v1/claims"), """
                {"clientCode": "%s", "clientName": "全员申报公司", "orderNumber": "ALL-%d", "orderDate": "2026-06-02",
                 "orderAmount": "800.00", "units": 12, "belowListPrice": false, "packageDeal": false}
                """.formatted(ClientCodes.fresh(), SEQUENCE.incrementAndGet()));
    }

    private ResultActions call(String username,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
            throws Exception {
        return mvc.perform(request.with(SignedIn.as(accounts, username)).header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private String person(Role role, String manager) {
        String username = "everyone-" + SEQUENCE.incrementAndGet();
        TestPeople.insert(jdbc, username, manager == null ? null : TestPeople.idOf(jdbc, manager), role);
        return username;
    }
}
