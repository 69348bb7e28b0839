package com.bonusdesk.estimates;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.bonusdesk.support.IntegrationTest;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class BonusPreviewApiTest {

    @Autowired
    MockMvc mvc;

    @Test
    void aNewClientOrderIsExplainedLineByLine() throws Exception {
        preview("en", """
                {"kind": "NEW_CLIENT", "orderDate": "2026-03-02", "orderAmount": "800.00", "units": 12,
                 "collections": [{"date": "2026-03-20", "amount": 800}]}
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligible").value(true))
                .andExpect(jsonPath("$.lines", hasSize(2)))
                .andExpect(jsonPath("$.lines[0].rule").value("R1"))
                .andExpect(jsonPath("$.lines[0].amount").value(80.00))
                .andExpect(jsonPath("$.lines[0].planVersion").value("NEW_CLIENT v1"))
                .andExpect(jsonPath("$.lines[0].explanation").value("10% × 800.00 collected 2026-03-20 = 80.00"))
                .andExpect(jsonPath("$.lines[1].rule").value("R2"))
                .andExpect(jsonPath("$.lines[1].amount").value(50.00))
                .andExpect(jsonPath("$.total").value(130.00));
    }

    @Test
    void aRefusalGivesEachReasonWithItsCodeInTheReadersLanguage() throws Exception {
        preview("zh-CN", """
                {"kind": "NEW_CLIENT", "orderDate": "2026-03-02", "orderAmount": 499.99, "units": 9,
                 "clientLastOrderDate": "2025-03-02"}
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.eligible").value(false))
                .andExpect(jsonPath("$.reasons[0].code").value("NOT_NEW_CLIENT"))
                .andExpect(jsonPath("$.reasons[0].message").value("不是新客户：该客户最近一次下单是 2025-03-02，在本订单前 1 年内。"))
                .andExpect(jsonPath("$.reasons[1].code").value("ORDER_TOO_SMALL"))
                .andExpect(jsonPath("$.lines", hasSize(0)))
                .andExpect(jsonPath("$.total").value(0.00));
    }

    @Test
    void aKeyAccountMonthIsItsSubsidyOrNextMonthsDiscount() throws Exception {
        preview("en", """
                {"kind": "KEY_ACCOUNT", "month": "2026-03", "monthlyPurchases": "80000.00", "mode": "CASH"}
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[0].rule").value("R7"))
                .andExpect(jsonPath("$.lines[0].amount").value(16000.00))
                .andExpect(jsonPath("$.lines[0].earnedOn").value("2026-03-31"))
                .andExpect(jsonPath("$.discountRate").isEmpty());
        preview("zh-CN", """
                {"kind": "KEY_ACCOUNT", "month": "2026-04", "monthlyPurchases": 600000, "mode": "DISCOUNT"}
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines", hasSize(0)))
                .andExpect(jsonPath("$.discountRate").value(10))
                .andExpect(jsonPath("$.appliesTo").value("2026-05"));
        preview("en", """
                {"kind": "KEY_ACCOUNT", "month": "2026-03", "monthlyPurchases": "1200000.00", "mode": "CASH"}
                """)
                .andExpect(jsonPath("$.eligible").value(false))
                .andExpect(jsonPath("$.reasons[0].code").value("AGREEMENT_NEEDED"));
        preview("en", """
                {"kind": "KEY_ACCOUNT", "month": "2026-03", "monthlyPurchases": "1200000.00", "mode": "CASH",
                 "agreementRate": 12.5}
                """)
                .andExpect(jsonPath("$.lines[0].amount").value(150000.00));
        preview("en", """
                {"kind": "KEY_ACCOUNT", "month": "2026-03", "monthlyPurchases": "1.001", "mode": "CASH",
                 "agreementRate": 120}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'agreementRate')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'monthlyPurchases')]").exists());
        preview("en", """
                {"kind": "KEY_ACCOUNT", "month": "2026-03", "monthlyPurchases": "1.00", "mode": "BOTH"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("mode"));
    }

    @Test
    void aDealersMonthAndYearAreItsRebates() throws Exception {
        preview("en", """
                {"kind": "DEALER", "month": "2026-03",
                 "orders": [{"date": "2026-03-10", "amount": "60000.00"}, {"date": "2026-03-18", "amount": "260000.00"}],
                 "annualTarget": "2000000.00", "yearTotal": "2100000.00"}
                """)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lines[*].rule").value(org.hamcrest.Matchers.contains("R8_PICKUP", "R8_PICKUP",
                        "R8_MONTHLY", "R8_ANNUAL")))
                .andExpect(jsonPath("$.lines[1].explanation").value("Order #2 of 260,000.00 ≥ 200,000.00: 2% = 5,200.00"))
                .andExpect(jsonPath("$.total").value(51000.00));
        preview("en", """
                {"kind": "DEALER", "month": "2026-03", "orders": [{"date": "2026-04-01", "amount": "60000.00"}],
                 "annualTarget": "2000000.00"}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'orders[0].date')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'yearTotal')]").exists());
        for (String zero : new String[] {"0", "0.00", "-0"}) {
            preview("en", """
                    {"kind": "DEALER", "month": "2026-03", "orders": [{"date": "2026-03-10", "amount": "60000.00"}],
                     "annualTarget": "%s", "yearTotal": "2100000.00"}
                    """.formatted(zero))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value("annualTarget"))
                    .andExpect(jsonPath("$.errors[0].message").value("An annual target is more than zero."));
        }
    }

    @Test
    void eachKindIsAnswered() throws Exception {
        preview("en", """
                {"kind": "REFERRAL", "signedDate": "2026-03-02", "applicationDate": "2026-03-10",
                 "contractAmount": 250000, "clientAnnualSales": 600000}
                """).andExpect(jsonPath("$.lines[0].amount").value(2500.00));
        preview("en", """
                {"kind": "REFERRAL", "signedDate": "2026-03-02", "applicationDate": "2026-03-24",
                 "contractAmount": 250000, "clientAnnualSales": 600000}
                """).andExpect(jsonPath("$.reasons[0].code").value("LATE_APPLICATION"));
        preview("en", """
                {"kind": "CUSTOMER_REFERRAL", "propertyType": "RESIDENTIAL", "dealAmount": "1234567.00",
                 "signedDate": "2026-05-20", "paidInFull": true}
                """).andExpect(jsonPath("$.total").value(2500.00));
        preview("en", """
                {"kind": "MONTHLY_COUNT", "month": "2026-03", "earnedClients": 5}
                """)
                .andExpect(jsonPath("$.lines[0].amount").value(100.00))
                .andExpect(jsonPath("$.lines[0].earnedOn").value("2026-04-01"));
    }

    @Test
    void invalidFieldsAreAProblemNamingEachFieldInTheReadersLanguage() throws Exception {
        preview("en", """
                {"kind": "NEW_CLIENT", "orderDate": "2026-03-02", "orderAmount": "800.001", "units": -1,
                 "collections": [{"date": "2026-03-20", "amount": 1000000000000}]}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors", hasSize(4)))
                .andExpect(jsonPath("$.errors[?(@.field == 'orderAmount')].message")
                        .value("Use at most 12 digits before the decimal point and 2 after it."))
                .andExpect(jsonPath("$.errors[?(@.field == 'units')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'collections[0].amount')]").exists());
    }

    @Test
    void anApplicationBeforeTheSigningIsRefused() throws Exception {
        preview("zh-CN", """
                {"kind": "REFERRAL", "signedDate": "2026-03-02", "applicationDate": "2026-03-01",
                 "contractAmount": 250000, "clientAnnualSales": 600000}
                """)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("applicationDate"))
                .andExpect(jsonPath("$.errors[0].message").value("申请日期不能早于签约日期。"));
    }

    @Test
    void malformedRequestsAreProblemsNeverFailures() throws Exception {
        preview("en", "{\"kind\": \"NEW_CLIENT\", \"orderDate\": ")
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").exists());
        preview("en", "{\"kind\": \"LOTTERY\", \"orderDate\": \"2026-03-02\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        preview("en", "{\"orderDate\": \"2026-03-02\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("kind"));
        preview("en", "{\"kind\": \"NEW_CLIENT\", \"orderDate\": \"2026-02-30\", \"orderAmount\": 1, \"units\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orderDate"));
        preview("en", "{\"kind\": \"NEW_CLIENT\", \"orderDate\": \"2026-03-02\", \"orderAmount\": \"lots\", \"units\": 1}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("orderAmount"));
        preview("en", "{\"kind\": \"NEW_CLIENT\", \"orderDate\": \"2026-03-02\", \"orderAmount\": 1, \"units\": 1, \"collections\": [null]}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("collections[0]"));
        preview("en", "{\"kind\": \"NEW_CLIENT\", \"orderDate\": \"2026-03-02\", \"orderAmount\": 1, \"units\": 1, \"collections\": null}")
                .andExpect(status().isOk());
        preview("en", "{\"kind\": \"REFERRAL\", \"signedDate\": \"+999999999-12-31\", \"applicationDate\": \"+999999999-12-31\", \"contractAmount\": 1, \"clientAnnualSales\": 600000}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Enter a date between 1900 and 2999."));
        preview("en", "{\"kind\": \"NEW_CLIENT\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors", hasSize(3)));
    }

    @Test
    void askingRequiresCredentials() throws Exception {
        mvc.perform(post("/api/v1/bonus-preview").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
    }

    private ResultActions preview(String language, String json) throws Exception {
        return mvc.perform(post("/api/v1/bonus-preview").with(httpBasic("sales1", "demo1234"))
                .header("Accept-Language", language)
                .contentType(MediaType.APPLICATION_JSON).content(json));
    }
}
