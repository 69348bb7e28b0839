package com.bonusdesk.estimates;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class EstimatePageTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void theFormOpensWithTodayFilledIn() throws Exception {
        String page = page(get("/estimate").header("Accept-Language", "en"));
        assertThat(page).contains("What would it earn?", "name=\"orderDate\"", "collections[3].amount",
                "action=\"/estimate/new-client\"", "value=\"2026-06-15\"");
        assertThat(page(get("/estimate").param("kind", "REFERRAL"))).contains("action=\"/estimate/referral\"");
    }

    @Test
    void aNewClientOrderIsAnsweredLineByLineAndBlankRowsAreIgnored() throws Exception {
        String page = page(post("/estimate/new-client").header("Accept-Language", "en")
                .param("orderDate", "2026-03-02").param("orderAmount", "800.00").param("units", "12")
                .param("collections[0].date", "2026-03-20").param("collections[0].amount", "800.00")
                .param("collections[1].date", "").param("collections[1].amount", ""));
        assertThat(page).contains("Qualifies", "10% × 800.00 collected 2026-03-20 = 80.00",
                "Order of 800.00 is up to 1,000.00: 50.00", "CN¥130.00", "NEW_CLIENT v1");
    }

    @Test
    void keyAccountAndDealerMonthsAreAnsweredOnThePage() throws Exception {
        assertThat(page(get("/estimate").param("kind", "KEY_ACCOUNT").header("Accept-Language", "en")))
                .contains("action=\"/estimate/key-account\"", "Cash subsidy", "value=\"2026-05\"");
        String discount = page(post("/estimate/key-account").header("Accept-Language", "zh-CN")
                .param("month", "2026-04").param("monthlyPurchases", "600000").param("mode", "DISCOUNT"));
        assertThat(discount).contains("2026年5月 订单享受 10% 折扣，不发放现金。");
        String dealer = page(post("/estimate/dealer").header("Accept-Language", "en").param("month", "2026-03")
                .param("orders[0].date", "2026-03-10").param("orders[0].amount", "60000")
                .param("orders[1].date", "2026-03-18").param("orders[1].amount", "260000")
                .param("orders[2].date", "").param("orders[2].amount", ""));
        assertThat(dealer).contains("Order #2 of 260,000.00 ≥ 200,000.00: 2% = 5,200.00",
                "2026-03 orders total 320,000.00 ≥ 300,000.00: 1% = 3,200.00", "CN¥9,000.00");
        String outside = page(post("/estimate/dealer").header("Accept-Language", "en").param("month", "2026-03")
                .param("orders[0].date", "2026-04-02").param("orders[0].amount", "60000"));
        assertThat(outside).contains("This order is not dated in the month.");
        String zeroTarget = page(post("/estimate/dealer").header("Accept-Language", "zh-CN").param("month", "2026-03")
                .param("orders[0].date", "2026-03-10").param("orders[0].amount", "60000")
                .param("annualTarget", "0").param("yearTotal", "2100000"));
        assertThat(zeroTarget).contains("年度目标须大于零。");
    }

    @Test
    void thePageAndTheApiGiveTheSameAnswer() throws Exception {
        String page = page(post("/estimate/referral").header("Accept-Language", "zh-CN")
                .param("signedDate", "2026-01-10").param("applicationDate", "2026-01-12")
                .param("contractAmount", "400000").param("clientAnnualSales", "600000")
                .param("monthlyContractAmounts[0].month", "2026-01").param("monthlyContractAmounts[0].amount", "400000")
                .param("monthlyContractAmounts[1].month", "2026-02").param("monthlyContractAmounts[1].amount", "300000")
                .param("monthlyContractAmounts[2].month", "2026-03").param("monthlyContractAmounts[2].amount", "300000.01"));
        String api = mvc.perform(post("/api/v1/bonus-preview").with(httpBasic("sales1", "demo1234"))
                        .header("Accept-Language", "zh-CN").contentType(MediaType.APPLICATION_JSON).content("""
                                {"kind": "REFERRAL", "signedDate": "2026-01-10", "applicationDate": "2026-01-12",
                                 "contractAmount": 400000, "clientAnnualSales": 600000,
                                 "monthlyContractAmounts": [{"month": "2026-01", "amount": 400000},
                                   {"month": "2026-02", "amount": 300000}, {"month": "2026-03", "amount": 300000.01}]}
                                """))
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);

        assertThat(api).contains("\"total\":5000.00");
        assertThat(page).contains("¥5,000.00")
                .contains("大客户（年销售额 600,000.00）：1% × 合同金额 400,000.00 = 4,000.00")
                .contains("2026-01 至 2026-03 合同金额累计 1,000,000.01，超过 1,000,000.00：1,000.00，每个推荐仅一次");
        assertThat(api).contains("大客户（年销售额 600,000.00）：1% × 合同金额 400,000.00 = 4,000.00");
    }

    @Test
    void reasonsAreShownWhenItDoesNotQualify() throws Exception {
        String page = page(post("/estimate/customer-referral").header("Accept-Language", "en")
                .param("propertyType", "PARKING").param("dealAmount", "150000").param("signedDate", "2026-05-20"));
        assertThat(page).contains("Does not qualify", "data-code=\"EXCLUDED_PROPERTY_TYPE\"",
                "data-code=\"NOT_PAID_IN_FULL\"");
    }

    @Test
    void badInputIsShownNextToItsFieldAndNothingIsEstimated() throws Exception {
        String page = page(post("/estimate/new-client").header("Accept-Language", "en")
                .param("orderDate", "2026-03-02").param("orderAmount", "lots").param("units", "12")
                .param("collections[0].date", "2026-03-20").param("collections[0].amount", "800.123"));
        assertThat(page).contains("Please correct the fields marked below.", "Enter an amount such as 1234.50.")
                .doesNotContain("id=\"estimate-result\"");

        String digits = page(post("/estimate/new-client").header("Accept-Language", "zh-CN")
                .param("orderDate", "2026-03-02").param("orderAmount", "800").param("units", "12")
                .param("collections[0].date", "2026-03-20").param("collections[0].amount", "800.123"));
        assertThat(digits).contains("整数部分最多 12 位，小数最多 2 位。").doesNotContain("id=\"estimate-result\"");

        String dates = page(post("/estimate/referral").header("Accept-Language", "en")
                .param("signedDate", "2026-03-02").param("applicationDate", "2026-03-01")
                .param("contractAmount", "1").param("clientAnnualSales", "1"));
        assertThat(dates).contains("The application cannot be dated before the signing.");
    }

    @Test
    void anUnknownKindFallsBackToTheFirstTab() throws Exception {
        assertThat(page(get("/estimate").param("kind", "nonsense").header("Accept-Language", "en")))
                .contains("name=\"orderAmount\"");
    }

    private String page(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(SignedIn.as(accounts, "sales1")).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
