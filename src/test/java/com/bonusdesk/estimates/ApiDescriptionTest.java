package com.bonusdesk.estimates;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ApiDescriptionTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void theOpenApiDescriptionListsTheBonusPreviewAndItsKinds() throws Exception {
        String description = mvc.perform(get("/v3/api-docs").with(SignedIn.as(accounts, "sales1")))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(description).contains("Bonus Desk API", "\"scheme\":\"basic\"", "/api/v1/bonus-preview", "/api/v1/claims", "NewClientEstimate", "ReferralEstimate",
                "CustomerReferralEstimate", "MonthlyCountEstimate");
    }

    @Test
    void theBrowsableUiIsServedFromThisServer() throws Exception {
        mvc.perform(get("/swagger-ui/index.html").with(SignedIn.as(accounts, "sales1"))).andExpect(status().isOk());
    }
}
