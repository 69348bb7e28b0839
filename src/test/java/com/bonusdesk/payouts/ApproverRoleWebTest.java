package com.bonusdesk.payouts;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The approver of payout runs is the role the settings name, on every screen: navigation, home and the runs. */
@IntegrationTest
@TestPropertySource(properties = "bonusdesk.payouts.approver-role=HR")
class ApproverRoleWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void theConfiguredRoleSeesTheRunsInTheNavigationAndOnHomeAndADirectorNoLonger() throws Exception {
        mvc.perform(get("/").with(SignedIn.as(accounts, "hr1")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"nav-payouts\"")))
                .andExpect(content().string(containsString("id=\"waiting-director\"")));
        mvc.perform(get("/payouts").with(SignedIn.as(accounts, "hr1"))).andExpect(status().isOk());

        mvc.perform(get("/").with(SignedIn.as(accounts, "director1")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"nav-payouts\""))))
                .andExpect(content().string(not(containsString("id=\"waiting-director\""))));
        mvc.perform(get("/payouts").with(SignedIn.as(accounts, "director1"))).andExpect(status().isForbidden());
    }
}
