package com.bonusdesk.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.bonusdesk.audit.AuditEntry;
import com.bonusdesk.audit.AuditTrail;
import com.bonusdesk.calculation.BonusLine;
import com.bonusdesk.calculation.BonusResult;
import com.bonusdesk.calculation.Collection;
import com.bonusdesk.calculation.NewClientFacts;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PlansWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    BonusRules rules;

    @Autowired
    PlanCatalogue catalogue;

    @Autowired
    AuditTrail auditTrail;

    @Test
    void everyoneCanReadTheRulesInForceInPlainWords() throws Exception {
        String english = page(get("/plans").header("Accept-Language", "en"), "sales1");
        assertThat(english).contains("The rules in force",
                "One order of at least CN¥500.00 or at least 10 units qualifies.",
                "Up to CN¥1,000.00", "Over CN¥10,000.00", "10 or more",
                "within 15 working days of the signing",
                "0.2% of the deal, rounded half-up to CN¥100.00", "No reward");
        String chinese = page(get("/plans").header("Accept-Language", "zh-CN"), "hr1");
        assertThat(chinese).contains("现行奖励规则", "单笔订单金额不低于 ¥500.00 或数量不少于 10 件即为达标。",
                "按订单日期起 30 天内回款金额的 10% 计发");
    }

    @Test
    void aPublishedVersionChangesLaterOrdersButNotEarlierOnes() throws Exception {
        long draftId = startDraft(PlanKind.NEW_CLIENT);
        String editor = page(get("/admin/plans/versions/" + draftId).header("Accept-Language", "en"), "admin1");
        assertThat(editor).contains("name=\"values[listPriceRate]\"", "value=\"10\"", "Draft");

        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId))
                        .params(newClientParameters("12", "2026-09-01", version(draftId))))
                .andExpect(flash().attribute("success", "plan.saved"));
        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId + "/publish")))
                .andExpect(flash().attribute("success", "plan.published"));

        assertThat(r1For(LocalDate.of(2026, 9, 1))).satisfies(line -> {
            assertThat(line.amount()).isEqualTo(new BigDecimal("120.00"));
            assertThat(line.planVersion()).isEqualTo("NEW_CLIENT v2");
        });
        assertThat(r1For(LocalDate.of(2026, 8, 31))).satisfies(line -> {
            assertThat(line.amount()).isEqualTo(new BigDecimal("100.00"));
            assertThat(line.planVersion()).isEqualTo("NEW_CLIENT v1");
        });
        assertThat(catalogue.history(PlanKind.NEW_CLIENT)).filteredOn(v -> v.getNumber() == 1).singleElement()
                .satisfies(v1 -> assertThat(v1.getValidTo()).isEqualTo(LocalDate.of(2026, 8, 31)));
        assertThat(auditTrail.historyOf("PLAN_VERSION", String.valueOf(draftId))).extracting(AuditEntry::getAction)
                .containsExactly("PLAN_DRAFT_STARTED", "PLAN_DRAFT_SAVED", "PLAN_PUBLISHED");

        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId))
                        .params(newClientParameters("50", "2026-09-01", version(draftId))))
                .andExpect(flash().attribute("failure", "plan.readOnly"));
    }

    @Test
    void badParametersAreShownNextToTheirFieldsAndNothingIsSaved() throws Exception {
        long draftId = startDraft(PlanKind.ORDER_SIZE_TIER);
        long versionBefore = version(draftId);
        String page = page(asAdmin(post("/admin/plans/versions/" + draftId)).header("Accept-Language", "en")
                .param("validFrom", "2026-10-01").param("version", String.valueOf(versionBefore))
                .param("values[tiers.0.upTo]", "10000").param("values[tiers.0.bonus]", "200")
                .param("values[tiers.1.upTo]", "").param("values[tiers.1.bonus]", "")
                .param("values[tiers.2.upTo]", "1000").param("values[tiers.2.bonus]", "50")
                .param("values[tiers.3.upTo]", "").param("values[tiers.3.bonus]", "500")
                .param("approvalThreshold", "12.345"), "admin1");
        assertThat(page).contains("Please correct the fields marked below; nothing was saved.",
                "Tiers must rise: this bound must be above 10,000.00.", "Enter an amount from 0 to 999,999,999,999.99.")
                .containsPattern("<input[^>]*class=\"[^\"]*is-invalid[^\"]*\"[^>]*id=\"field-tiers-2-upTo\"");
        assertThat(version(draftId)).isEqualTo(versionBefore);

        String rate = page(asAdmin(post("/admin/plans/versions/" + startDraft(PlanKind.MONTHLY_COUNT_TIER)))
                .header("Accept-Language", "zh-CN").param("validFrom", "2026-10-01")
                .param("values[tiers.0.from]", "2").param("values[tiers.0.bonus]", "50"), "admin1");
        assertThat(rate).contains("第一档须从 1 家客户起，避免出现空档。");

        String farAway = page(asAdmin(post("/admin/plans/versions/" + draftId)).header("Accept-Language", "en")
                .param("validFrom", "99999-01-01").param("version", String.valueOf(versionBefore)), "admin1");
        assertThat(farAway).contains("Enter a date between 1900 and 2999.");
    }

    @Test
    void aVersionCannotBePublishedToStartInThePast() throws Exception {
        long draftId = startDraft(PlanKind.SALES_REFERRAL);
        String values = page(get("/admin/plans/versions/" + draftId), "admin1");
        assertThat(values).contains("value=\"15\"");
        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId))
                        .params(salesReferralParameters("2026-06-01", version(draftId))))
                .andExpect(flash().attribute("success", "plan.saved"));
        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId + "/publish")))
                .andExpect(flash().attribute("failure", "plan.publish.past"));
        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId + "/discard")))
                .andExpect(flash().attribute("success", "plan.discarded"));
        assertThat(catalogue.find(draftId)).isEmpty();
    }

    @Test
    void twoAdministratorsPublishingTheSameDraftAtOncePublishItOnce() throws Exception {
        long draftId = startDraft(PlanKind.CUSTOMER_REFERRAL);
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
        List<Object> outcomes = List.of(1, 2).stream()
                .map(attempt -> java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                        return mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId + "/publish")))
                                .andReturn().getFlashMap().values().iterator().next();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .toList().stream().map(java.util.concurrent.CompletableFuture::join).toList();

        assertThat(outcomes).filteredOn("plan.published"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(outcome -> !"plan.published".equals(outcome)).singleElement()
                .isIn("plan.stale", "plan.readOnly");
        assertThat(catalogue.find(draftId).orElseThrow().isDraft()).isFalse();
    }

    @Test
    void onlyAdministratorsEditPlans() throws Exception {
        mvc.perform(get("/admin/plans").with(SignedIn.as(accounts, "finance1"))).andExpect(status().isForbidden());
        mvc.perform(post("/admin/plans/NEW_CLIENT/draft").with(SignedIn.as(accounts, "manager1")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    private BonusLine r1For(LocalDate orderDate) {
        BonusResult result = rules.calculator().newClient(new NewClientFacts(orderDate, new BigDecimal("1000.00"),
                1, false, false, false, null, List.of(new Collection(orderDate, new BigDecimal("1000.00")))));
        return result.lines().stream().filter(line -> line.rule().name().equals("R1")).findFirst().orElseThrow();
    }

    private long startDraft(PlanKind kind) throws Exception {
        MvcResult result = mvc.perform(asAdmin(post("/admin/plans/" + kind + "/draft"))).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long version(long id) {
        return catalogue.find(id).orElseThrow().getVersion();
    }

    private static org.springframework.util.MultiValueMap<String, String> newClientParameters(String rate,
            String validFrom, long version) {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        params.add("validFrom", validFrom);
        params.add("version", String.valueOf(version));
        params.add("approvalThreshold", "2000.00");
        params.add("values[newClientYears]", "1");
        params.add("values[minOrderAmount]", "500.00");
        params.add("values[minUnits]", "10");
        params.add("values[listPriceRate]", rate);
        params.add("values[belowListRate]", "5");
        params.add("values[collectionWindowDays]", "30");
        return params;
    }

    private static org.springframework.util.MultiValueMap<String, String> salesReferralParameters(String validFrom,
            long version) {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        params.add("validFrom", validFrom);
        params.add("version", String.valueOf(version));
        params.add("values[applicationWorkingDays]", "15");
        params.add("values[bigClientMinSales]", "500000");
        params.add("values[bigClientRate]", "1");
        params.add("values[ordinaryClientMinSales]", "100000");
        params.add("values[ordinaryClientRate]", "0.5");
        params.add("values[kickerMonths]", "3");
        params.add("values[bigKickerThreshold]", "1000000");
        params.add("values[bigKickerBonus]", "1000");
        params.add("values[ordinaryKickerThreshold]", "300000");
        params.add("values[ordinaryKickerBonus]", "500");
        return params;
    }

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(SignedIn.as(accounts, "admin1")).with(csrf());
    }

    private String page(MockHttpServletRequestBuilder request, String username) throws Exception {
        return mvc.perform(request.with(SignedIn.as(accounts, username)).with(csrf()))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
