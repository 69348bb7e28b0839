package com.bonusdesk.web;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.support.IntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Ready means ready: until start-up is done, pages and the API answer 503 with a Retry-After while the probes tell
 * the truth; once ready, everything answers. Actuator endpoints other than health are administrators' only.
 */
@IntegrationTest
class ReadinessTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationContext context;

    @Test
    void beforeItIsReadyTheAppSaysSoInsteadOfRefusingAPassword() throws Exception {
        AvailabilityChangeEvent.publish(context, ReadinessState.REFUSING_TRAFFIC);
        try {
            mvc.perform(get("/login").header("Accept-Language", "zh-CN"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(content().string(containsString("正在启动")));
            mvc.perform(get("/login").header("Accept-Language", "en"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(content().string(containsString("Bonus Desk is starting")));
            mvc.perform(get("/api/v1/me").with(httpBasic("sales1", "demo1234")).header("Accept-Language", "en"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value(503))
                    .andExpect(jsonPath("$.detail").value("Bonus Desk is starting: try again in a few seconds."));
            mvc.perform(get("/api/v1/me").with(httpBasic("sales1", "demo1234")).header("Accept-Language", "zh-CN"))
                    .andExpect(jsonPath("$.detail").value("Bonus Desk 正在启动，请几秒后再试。"));
            mvc.perform(get("/actuator/health/readiness"))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(jsonPath("$.status").value("OUT_OF_SERVICE"));
            mvc.perform(get("/actuator/health/liveness"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("UP"));
        } finally {
            AvailabilityChangeEvent.publish(context, ReadinessState.ACCEPTING_TRAFFIC);
        }
        mvc.perform(get("/login")).andExpect(status().isOk());
        mvc.perform(get("/actuator/health/readiness"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void infoNamesTheVersionAndCommitForAdministratorsOnly() throws Exception {
        mvc.perform(get("/actuator/info")).andExpect(status().isUnauthorized());
        mvc.perform(get("/actuator/info").with(httpBasic("finance1", "demo1234"))).andExpect(status().isForbidden());
        mvc.perform(get("/actuator/info").with(httpBasic("admin1", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.build.artifact").value("bonus-desk"))
                .andExpect(jsonPath("$.build.version").exists());
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.components").doesNotExist());
    }
}
