package com.bonusdesk.claims;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class ClaimsApiTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger(8000);

    @Autowired
    MockMvc mvc;

    @Test
    void aClaimIsSubmittedApprovedCollectedAndReadBackWithItsLines() throws Exception {
        String orderNumber = "API-" + SEQUENCE.incrementAndGet();
        String location = call("sales1", "en", post("/api/v1/claims"), claimJson(ClientCodes.fresh(), orderNumber, "800.00"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andReturn().getResponse().getHeader("Location");

        call("manager1", "en", post(location + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPROVED"));
        call("finance1", "en", post("/api/v1/collections"),
                "{\"orderNumber\": \"" + orderNumber + "\", \"date\": \"2026-03-20\", \"amount\": \"800.00\", \"reference\": \"R-" + orderNumber + "\"}")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.linesEarned").value(2));
        call("finance1", "en", post("/api/v1/collections"),
                "{\"orderNumber\": \"" + orderNumber + "\", \"date\": \"2026-03-20\", \"amount\": \"800.00\", \"reference\": \"R-" + orderNumber + "\"}")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.linesEarned").value(0));

        mvc.perform(get(location).with(httpBasic("sales1", "demo1234")).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.lines", hasSize(2)))
                .andExpect(jsonPath("$.lines[0].rule").value("R1"))
                .andExpect(jsonPath("$.lines[0].explanation").value("10% × 800.00 collected 2026-03-20 = 80.00"))
                .andExpect(jsonPath("$.lines[0].planVersion").value("NEW_CLIENT v1"))
                .andExpect(jsonPath("$.total").value(130.00));
        mvc.perform(get("/api/v1/me/bonus-lines").param("from", "2026-03-20").param("to", "2026-03-20")
                        .with(httpBasic("sales1", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.explanation =~ /.*800.00 collected 2026-03-20.*/)]").exists());
    }

    @Test
    void anIneligibleClaimIs422WithEveryReason() throws Exception {
        call("sales1", "zh-CN", post("/api/v1/claims"),
                claimJson("91310104MATH3BJ1XJ", "API-" + SEQUENCE.incrementAndGet(), "100.00").replace("\"units\": 12", "\"units\": 1"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.reasons[?(@.code == 'RENAMED_CLIENT')]").exists())
                .andExpect(jsonPath("$.reasons[?(@.code == 'NOT_NEW_CLIENT')]").exists())
                .andExpect(jsonPath("$.reasons[?(@.code == 'ORDER_TOO_SMALL')]").exists());
    }

    @Test
    void malformedClaimsAreProblemsNamingTheField() throws Exception {
        call("sales1", "en", post("/api/v1/claims"), claimJson("91310104MATH3BJ1XK", "API-X", "800.00"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("clientCode"));
        call("sales1", "en", post("/api/v1/claims"), "{\"clientCode\": \"13800138000\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(5)));
        call("sales1", "en", post("/api/v1/claims"), "not json")
                .andExpect(status().isBadRequest());
    }

    @Test
    void anotherPersonsClaimIsNotFoundAndOnlyManagersDecide() throws Exception {
        String location = call("sales1", "en", post("/api/v1/claims"),
                claimJson(ClientCodes.fresh(), "API-" + SEQUENCE.incrementAndGet(), "800.00"))
                .andReturn().getResponse().getHeader("Location");
        mvc.perform(get(location).with(httpBasic("sales2", "demo1234"))).andExpect(status().isNotFound());
        call("sales2", "en", post(location + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isForbidden());
        call("sales2", "en", post(location + "/withdrawal"), "").andExpect(status().isNotFound());
        call("manager1", "en", post(location + "/decision"), "{\"decision\": \"REJECT\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
    }

    @Test
    void aSecondDecisionIsAConflict() throws Exception {
        String location = call("sales2", "en", post("/api/v1/claims"),
                claimJson(ClientCodes.fresh(), "API-" + SEQUENCE.incrementAndGet(), "800.00"))
                .andReturn().getResponse().getHeader("Location");
        call("manager1", "en", post(location + "/decision"), "{\"decision\": \"REJECT\", \"reason\": \"duplicate\"}")
                .andExpect(status().isOk());
        call("director1", "en", post(location + "/decision"), "{\"decision\": \"APPROVE\"}")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This claim was already decided or withdrawn by someone else; nothing was changed."));
        call("sales2", "en", post(location + "/withdrawal"), "").andExpect(status().isConflict());
    }

    @Test
    void aManagerListsTheirReportingLinesClaims() throws Exception {
        call("sales3", "en", post("/api/v1/claims"), claimJson(ClientCodes.fresh(), "API-" + SEQUENCE.incrementAndGet(), "800.00"))
                .andExpect(status().isCreated());
        mvc.perform(get("/api/v1/claims").param("status", "SUBMITTED").with(httpBasic("manager1", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.claims[0].status").value("SUBMITTED"));
        mvc.perform(get("/api/v1/claims").with(httpBasic("hr1", "demo1234")))
                .andExpect(jsonPath("$.totalElements").value(0));
    }

    @Test
    void aReusedReceiptReferenceIsAConflict() throws Exception {
        String reference = "R-" + SEQUENCE.incrementAndGet();
        String order = "X-" + SEQUENCE.incrementAndGet();
        call("sales2", "en", post("/api/v1/claims"), claimJson(ClientCodes.fresh(), order, "800.00"))
                .andExpect(status().isCreated());
        call("finance1", "en", post("/api/v1/collections"),
                "{\"orderNumber\": \"" + order + "\", \"date\": \"2026-03-20\", \"amount\": 10, \"reference\": \"" + reference + "\"}")
                .andExpect(status().isCreated());
        call("finance1", "en", post("/api/v1/collections"),
                "{\"orderNumber\": \"" + order + "\", \"date\": \"2026-03-20\", \"amount\": 11, \"reference\": \"" + reference + "\"}")
                .andExpect(status().isConflict());
        call("sales1", "en", post("/api/v1/collections"),
                "{\"orderNumber\": \"" + order + "\", \"date\": \"2026-03-20\", \"amount\": 10, \"reference\": \"R-other\"}")
                .andExpect(status().isForbidden());
    }

    private ResultActions call(String username, String language,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body)
            throws Exception {
        return mvc.perform(request.with(httpBasic(username, "demo1234")).header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(body));
    }

    private static String claimJson(String code, String orderNumber, String amount) {
        return """
                {"clientCode": "%s", "clientName": "接口测试公司", "orderNumber": "%s", "orderDate": "2026-03-02",
                 "orderAmount": "%s", "units": 12, "belowListPrice": false, "packageDeal": false}
                """.formatted(code, orderNumber, amount);
    }

}
