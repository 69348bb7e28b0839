package com.bonusdesk.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;

/** Every request has an id, the proxy's when it sends a sound one, that its log lines and its answer carry. */
@IntegrationTest
class RequestContextTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void theRequestIdIsTheProxysOrANewOne() throws Exception {
        mvc.perform(get("/").with(SignedIn.as(accounts, "sales1")).header("X-Request-Id", "lb-7f3a.2"))
                .andExpect(header().string("X-Request-Id", "lb-7f3a.2"));
        mvc.perform(get("/api/v1/me").with(httpBasic("sales1", "demo1234")))
                .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
        mvc.perform(get("/").with(SignedIn.as(accounts, "sales1")).header("X-Request-Id", "forged\" user=admin"))
                .andExpect(header().string("X-Request-Id", matchesPattern("[0-9a-f-]{36}")));
    }
}
