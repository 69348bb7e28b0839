package com.bonusdesk.plans;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
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
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimsOnADay;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.workflow.Chain;
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
    ApplicationContext context;

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

    @Autowired
    ClaimService claims;

    @Autowired
    PersonService people;

    @Test
    void everyoneCanReadTheRulesInForceInPlainWords() throws Exception {
        String english = page(get("/plans").header("Accept-Language", "en"), "sales1");
        assertThat(english).contains("The rules in force",
                "One order of at least CN¥500.00 or at least 10 units qualifies.",
                "Up to CN¥1,000.00", "Over CN¥10,000.00", "10 or more",
                "within 15 working days of the signing",
                "0.2% of the deal, rounded half-up to CN¥100.00", "No reward");
        assertThat(english).contains("Who approves", "The submitter&#39;s manager · every amount",
                "A general manager · above CN¥2,000.00", "HR · every amount", "A general manager · above CN¥10,000.00");
        String chinese = page(get("/plans").header("Accept-Language", "zh-CN"), "hr1");
        assertThat(chinese).contains("现行奖励规则", "单笔订单金额不低于 ¥500.00 或数量不少于 10 件即为达标。",
                "按订单日期起 30 天内回款金额的 10% 计发");
    }

    @Test
    void aPublishedVersionChangesLaterOrdersButNotEarlierOnes() throws Exception {
        long draftId = startDraft(PlanKind.NEW_CLIENT);
        String editor = page(get("/admin/plans/versions/" + draftId).header("Accept-Language", "en"), "admin1");
        assertThat(editor).contains("name=\"values[listPriceRate]\"", "value=\"10\"", "Draft");

        long claimedBefore = claim(LocalDate.of(2026, 9, 2));
        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId))
                        .params(newClientParameters("12", "2026-09-01", version(draftId), "5000.00")))
                .andExpect(flash().attribute("success", "plan.saved"));
        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId + "/publish")))
                .andExpect(flash().attribute("success", "plan.published"));

        assertThat(catalogue.approvalChainOn(PlanKind.NEW_CLIENT, LocalDate.of(2026, 9, 1)).orElseThrow().steps())
                .extracting(Chain.Step::above).containsExactly(new BigDecimal("0.00"), new BigDecimal("5000.00"));
        assertThat(catalogue.approvalChainOn(PlanKind.NEW_CLIENT, LocalDate.of(2026, 8, 31)).orElseThrow().steps())
                .extracting(Chain.Step::above).containsExactly(new BigDecimal("0.00"), new BigDecimal("2000.00"));
        assertThat(claims.progressOf(claimedBefore).steps()).as("3,000.00 was above v1's 2,000.00 when claimed; "
                + "the claim keeps its chain").hasSize(2);
        assertThat(claims.progressOf(claim(LocalDate.of(2026, 9, 2))).steps())
                .as("3,500.00 under v2 is not above 5,000.00").hasSize(1);

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
                .param("budgetAmount", "12.345"), "admin1");
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
    void aVersionIsGivenItsLastDayInTheEditorAndNotOneBeforeItsFirst() throws Exception {
        long draftId = startDraft(PlanKind.ORDER_SIZE_TIER);
        String refused = page(asAdmin(post("/admin/plans/versions/" + draftId)).header("Accept-Language", "en")
                .params(tierParameters("2026-10-01", version(draftId))).param("validTo", "2026-09-30"), "admin1");
        assertThat(refused).contains("The last day cannot come before the first.");

        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId))
                        .params(tierParameters("2026-10-01", version(draftId))).param("validTo", "2027-09-30"))
                .andExpect(flash().attribute("success", "plan.saved"));
        assertThat(catalogue.find(draftId).orElseThrow().getValidTo()).isEqualTo(LocalDate.of(2027, 9, 30));
        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId + "/discard")));
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
    void theApprovalChainIsEditedAsATableAndChecked() throws Exception {
        long draftId = startDraft(PlanKind.SALES_REFERRAL);
        String editor = page(get("/admin/plans/versions/" + draftId).header("Accept-Language", "en"), "admin1");
        assertThat(editor).contains("Approval chain", "id=\"plan-chain\"", "<option value=\"HR\" selected=\"selected\">HR</option>",
                "value=\"10000.00\"");

        String gap = page(asAdmin(post("/admin/plans/versions/" + draftId)).header("Accept-Language", "en")
                .params(salesReferralParameters("2026-10-01", version(draftId)))
                .param("chainApprover", "HR", "", "DIRECTOR").param("chainAbove", "", "", "10000"), "admin1");
        assertThat(gap).contains("Fill the steps in order, without an empty row between them.")
                .containsPattern("<select[^>]*class=\"[^\"]*is-invalid[^\"]*\"[^>]*id=\"chain-1-approver\"");
        String falling = page(asAdmin(post("/admin/plans/versions/" + draftId)).header("Accept-Language", "zh-CN")
                .params(salesReferralParameters("2026-10-01", version(draftId)))
                .param("chainApprover", "HR", "DIRECTOR", "FINANCE").param("chainAbove", "", "10000", "500"), "admin1");
        assertThat(falling).contains("步骤须按金额由低到高排列：请输入不低于 10,000.00 的金额。");
        String first = page(asAdmin(post("/admin/plans/versions/" + draftId)).header("Accept-Language", "en")
                .params(salesReferralParameters("2026-10-01", version(draftId)))
                .param("chainApprover", "HR").param("chainAbove", "-1"), "admin1");
        assertThat(first).contains("Enter an amount from 0 to 999,999,999,999.99.");
        String notEvery = page(asAdmin(post("/admin/plans/versions/" + draftId)).header("Accept-Language", "en")
                .params(salesReferralParameters("2026-10-01", version(draftId)))
                .param("chainApprover", "HR").param("chainAbove", "100"), "admin1");
        assertThat(notEvery).contains("The first step applies to every amount: leave its threshold empty.");
        String empty = page(asAdmin(post("/admin/plans/versions/" + draftId)).header("Accept-Language", "en")
                .params(salesReferralParameters("2026-10-01", version(draftId)))
                .param("chainApprover", "", "").param("chainAbove", "", ""), "admin1");
        assertThat(empty).contains("A chain needs at least one step.");
        String unknown = page(asAdmin(post("/admin/plans/versions/" + draftId)).header("Accept-Language", "en")
                .params(salesReferralParameters("2026-10-01", version(draftId)))
                .param("chainApprover", "SALES").param("chainAbove", ""), "admin1");
        assertThat(unknown).contains("Choose who takes this step.");
        assertThat(catalogue.chainOf(catalogue.find(draftId).orElseThrow()).orElseThrow().steps())
                .as("nothing refused was saved").extracting(step -> step.approver().code())
                .containsExactly("HR", "DIRECTOR");

        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId))
                        .params(salesReferralParameters("2026-10-01", version(draftId)))
                        .param("chainApprover", "HR", "LINE_GENERAL_MANAGER", "FINANCE", "")
                        .param("chainAbove", "", "5,000", "20000.5", ""))
                .andExpect(flash().attribute("success", "plan.saved"));
        assertThat(catalogue.chainOf(catalogue.find(draftId).orElseThrow()).orElseThrow().steps())
                .extracting(step -> step.approver().code(), Chain.Step::above)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("HR", new BigDecimal("0.00")),
                        org.assertj.core.groups.Tuple.tuple("LINE_GENERAL_MANAGER", new BigDecimal("5000.00")),
                        org.assertj.core.groups.Tuple.tuple("FINANCE", new BigDecimal("20000.50")));
        assertThat(auditTrail.historyOf("PLAN_VERSION", String.valueOf(draftId))).last()
                .satisfies(entry -> assertThat(entry.getAfterState()).contains("LINE_GENERAL_MANAGER"));
        mvc.perform(asAdmin(post("/admin/plans/versions/" + draftId + "/discard")))
                .andExpect(flash().attribute("success", "plan.discarded"));
    }

    @Test
    void keyAccountAndDealerPlansAreEditedLikeTheOthers() throws Exception {
        String rules = page(get("/plans").header("Accept-Language", "en"), "sales1");
        assertThat(rules).contains("Key-account subsidy (R7)", "Over CN¥500,000.00, under CN¥1,000,000.00",
                "CN¥1,000,000.00 or more", "Dealer rebates (R8)", "One order of CN¥200,000.00 or more: 2%");

        long keyAccount = startDraft(PlanKind.KEY_ACCOUNT);
        String editor = page(get("/admin/plans/versions/" + keyAccount).header("Accept-Language", "en"), "admin1");
        assertThat(editor).contains("name=\"values[tiers.1.cashRate]\"", "value=\"25\"",
                "name=\"values[agreementFrom]\"", "value=\"1000000.00\"");
        String below = page(asAdmin(post("/admin/plans/versions/" + keyAccount)).header("Accept-Language", "en")
                .param("validFrom", "2026-10-01").param("version", String.valueOf(version(keyAccount)))
                .param("values[tiers.0.upTo]", "100000").param("values[tiers.0.cashRate]", "20")
                .param("values[tiers.0.discountRate]", "5")
                .param("values[tiers.1.upTo]", "").param("values[tiers.1.cashRate]", "30")
                .param("values[tiers.1.discountRate]", "10")
                .param("values[agreementFrom]", "50000"), "admin1");
        assertThat(below).contains("The agreement must start above the last bounded tier (100,000.00).");
        mvc.perform(asAdmin(post("/admin/plans/versions/" + keyAccount + "/discard")));

        long dealer = startDraft(PlanKind.DEALER);
        mvc.perform(asAdmin(post("/admin/plans/versions/" + dealer)).param("validFrom", "2026-10-01")
                        .param("version", String.valueOf(version(dealer)))
                        .param("values[pickupSteps.0.from]", "50000").param("values[pickupSteps.0.rate]", "1")
                        .param("values[pickupSteps.1.from]", "").param("values[pickupSteps.1.rate]", "")
                        .param("values[pickupSteps.2.from]", "150000").param("values[pickupSteps.2.rate]", "1.5")
                        .param("values[monthlySteps.0.from]", "300000").param("values[monthlySteps.0.rate]", "1")
                        .param("values[stacking]", "false").param("values[annualRate]", "2.5"))
                .andExpect(flash().attribute("success", "plan.saved"));
        com.bonusdesk.calculation.DealerRules saved = (com.bonusdesk.calculation.DealerRules)
                catalogue.rulesOf(catalogue.find(dealer).orElseThrow());
        assertThat(saved.pickupSteps()).extracting(com.bonusdesk.calculation.DealerRules.Step::rate)
                .containsExactly(new BigDecimal("0.01"), new BigDecimal("0.015"));
        assertThat(saved.stacking()).isFalse();
        assertThat(saved.annualRate()).isEqualByComparingTo("0.025");
        String descending = page(asAdmin(post("/admin/plans/versions/" + dealer)).header("Accept-Language", "en")
                .param("validFrom", "2026-10-01").param("version", String.valueOf(version(dealer)))
                .param("values[pickupSteps.0.from]", "200000").param("values[pickupSteps.0.rate]", "2")
                .param("values[pickupSteps.1.from]", "50000").param("values[pickupSteps.1.rate]", "1")
                .param("values[monthlySteps.0.from]", "300000").param("values[monthlySteps.0.rate]", "1")
                .param("values[annualRate]", "2"), "admin1");
        assertThat(descending).contains("Tiers must rise: this bound must be above 200,000.00.")
                .containsPattern("<input[^>]*class=\"[^\"]*is-invalid[^\"]*\"[^>]*id=\"field-pickupSteps-1-from\"");
        mvc.perform(asAdmin(post("/admin/plans/versions/" + dealer + "/discard")));
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

    /** A claim for 25,000.00 at list price, dated {@code orderDate}: 10% plus the R2 bonus of 500.00. */
    /** A claim of an order on {@code orderDate}, submitted the day after: after the tests' today, as v2 starts. */
    private long claim(LocalDate orderDate) {
        return ClaimsOnADay.on(context, orderDate.plusDays(1)).submit(new ClaimFacts(ClientCodes.fresh(), "规则版本公司", "PLAN-" + ClientCodes.fresh().substring(10),
                orderDate, new BigDecimal("25000.00"), 12, false, false, null),
                people.findByUsername("sales1").orElseThrow().getId(), "sales1").orRefuse().getId();
    }

    private static org.springframework.util.MultiValueMap<String, String> tierParameters(String validFrom,
            long version) {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        params.add("validFrom", validFrom);
        params.add("version", String.valueOf(version));
        params.add("values[tiers.0.upTo]", "1000");
        params.add("values[tiers.0.bonus]", "50");
        params.add("values[tiers.1.upTo]", "10000");
        params.add("values[tiers.1.bonus]", "200");
        params.add("values[tiers.2.upTo]", "");
        params.add("values[tiers.2.bonus]", "500");
        return params;
    }

    private static org.springframework.util.MultiValueMap<String, String> newClientParameters(String rate,
            String validFrom, long version) {
        return newClientParameters(rate, validFrom, version, "2000.00");
    }

    private static org.springframework.util.MultiValueMap<String, String> newClientParameters(String rate,
            String validFrom, long version, String directorAbove) {
        org.springframework.util.LinkedMultiValueMap<String, String> params = new org.springframework.util.LinkedMultiValueMap<>();
        params.add("validFrom", validFrom);
        params.add("version", String.valueOf(version));
        params.add("chainApprover", "SUBMITTERS_MANAGER");
        params.add("chainAbove", "");
        params.add("chainApprover", "DIRECTOR");
        params.add("chainAbove", directorAbove);
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
