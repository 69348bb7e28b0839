package com.bonusdesk.operations;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Operators scrape Prometheus metrics (administrators only): the usual ones and the business ones. */
@IntegrationTest
class MetricsTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ClaimService claims;

    @Autowired
    PersonService people;

    @Autowired
    BusinessMetrics metrics;

    @Test
    void theBusinessMetricsStandBesideTheUsualOnesForAdministratorsOnly() throws Exception {
        claims.submit(new ClaimFacts(ClientCodes.fresh(), "指标测试公司", "METRICS-" + System.nanoTime() % 1_000_000,
                LocalDate.of(2026, 6, 10), new BigDecimal("800.00"), 12, false, false, null),
                people.findByUsername("sales1").orElseThrow().getId(), "sales1").orRefuse();
        mvc.perform(post("/login").with(csrf()).param("username", "sales2").param("password", "not-it"));
        metrics.readQueues();

        mvc.perform(get("/actuator/prometheus")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("finance1", "demo1234")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/actuator/prometheus").with(httpBasic("admin1", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("jvm_memory_used_bytes")))
                .andExpect(content().string(containsString("hikaricp_connections_active")))
                .andExpect(content().string(matchesPattern("(?s).*bonusdesk_claims_submitted_total [1-9].*")))
                .andExpect(content().string(matchesPattern("(?s).*bonusdesk_signin_failures_total [1-9].*")))
                .andExpect(content().string(matchesPattern(
                        "(?s).*bonusdesk_queue_waiting\\{queue=\"CLAIM\"} [1-9].*")))
                .andExpect(content().string(containsString("bonusdesk_queue_oldest_seconds{queue=\"CLAIM\"}")));
    }
}
