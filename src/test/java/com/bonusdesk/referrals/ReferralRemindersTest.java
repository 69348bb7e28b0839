package com.bonusdesk.referrals;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.PayoutFixture;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Referral deadlines on real PostgreSQL with the 2026 calendar: a contract signed on 1 June 2026 must be referred
 * by 23 June (the Dragon Boat holiday on the 19th does not count). On the test clock's 15 June five working days are
 * left; the referrer is told once, on 18 June, when two are left, unless they filed it.
 */
@IntegrationTest
class ReferralRemindersTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Ledger ledger;

    @Autowired
    ReferralReminders reminders;

    @Test
    void aReferrerAsksToBeRemindedSeesTheWorkingDaysLeftAndIsToldOnceTwoWorkingDaysBefore() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long referrer = fixture.payee("提醒销售");
        String username = fixture.username(referrer);
        String client = ClientCodes.fresh();

        mvc.perform(remind(username, client, "2026-06-01").header("Accept-Language", "zh-CN"))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"))
                .andExpect(flash().attribute("success", "referral.reminder.saved"));
        mvc.perform(get("/").header("Accept-Language", "zh-CN").with(SignedIn.as(accounts, username)))
                .andExpect(content().string(allOf(containsString("id=\"referral-deadlines\""),
                        containsString("提醒客户有限公司"), containsString("还剩 5 个工作日"))));
        mvc.perform(get("/api/v1/me/dashboard").with(SignedIn.as(accounts, username)))
                .andExpect(jsonPath("$.referralDeadlines", hasSize(1)))
                .andExpect(jsonPath("$.referralDeadlines[0].deadline").value("2026-06-23"))
                .andExpect(jsonPath("$.referralDeadlines[0].workingDaysLeft").value(5));

        reminders.noticeNearDeadlines(LocalDate.of(2026, 6, 17));
        assertThat(noticesOf(referrer)).as("three working days left: not yet").isZero();
        reminders.noticeNearDeadlines(LocalDate.of(2026, 6, 18));
        reminders.noticeNearDeadlines(LocalDate.of(2026, 6, 22));
        assertThat(noticesOf(referrer)).as("told once, whatever runs after").isEqualTo(1);
        mvc.perform(get("/api/v1/me/notifications").header("Accept-Language", "en")
                        .with(SignedIn.as(accounts, username)))
                .andExpect(jsonPath("$[0].kind").value("REFERRAL_DEADLINE"))
                .andExpect(jsonPath("$[0].text").value(
                        "Your referral of 提醒客户有限公司 must be filed by 2026-06-23: 2 working days left."))
                .andExpect(jsonPath("$[0].link").value("/referrals/new"));
    }

    @Test
    void aFiledReferralEndsItsReminderAndALateOneIsRefused() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long referrer = fixture.payee("已提交销售");
        String username = fixture.username(referrer);
        String client = ClientCodes.fresh();
        mvc.perform(remind(username, client, "2026-06-01")).andExpect(status().is3xxRedirection());
        jdbc.update("""
                insert into referral (referrer_id, client_code, client_name, contract_number, signed_date,
                    contract_amount, client_annual_sales, relationship, status, filed_on, deadline, filed_at)
                values (?, ?, '提醒客户有限公司', 'HT-FILED', '2026-06-01', 250000, 600000, 'NONE', 'SUBMITTED',
                    '2026-06-15', '2026-06-23', now())""", referrer, client);

        mvc.perform(get("/").with(SignedIn.as(accounts, username)))
                .andExpect(content().string(not(containsString("data-reminder="))));
        reminders.noticeNearDeadlines(LocalDate.of(2026, 6, 18));
        assertThat(noticesOf(referrer)).isZero();

        mvc.perform(remind(username, ClientCodes.fresh(), "2026-05-04").header("Referer", "/referrals/new"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("failure", "referral.reminder.late"));
        assertThat(jdbc.queryForObject("select count(*) from referral_reminder where person_id = ?", Long.class,
                referrer)).isEqualTo(1);
    }

    @Test
    void nobodyForgetsAnotherPersonsReminder() throws Exception {
        PayoutFixture fixture = new PayoutFixture(jdbc, ledger);
        long owner = fixture.payee("提醒所有人");
        mvc.perform(remind(fixture.username(owner), ClientCodes.fresh(), "2026-06-10"))
                .andExpect(status().is3xxRedirection());
        long reminder = jdbc.queryForObject("select id from referral_reminder where person_id = ?", Long.class, owner);

        mvc.perform(post("/referrals/reminders/" + reminder + "/forget").with(SignedIn.as(accounts, "sales2"))
                .with(csrf())).andExpect(status().isNotFound());
        mvc.perform(post("/referrals/reminders/" + reminder + "/forget").with(SignedIn.as(accounts,
                fixture.username(owner))).with(csrf())).andExpect(redirectedUrl("/"));
        assertThat(jdbc.queryForObject("select count(*) from referral_reminder where id = ?", Long.class, reminder))
                .isZero();
    }

    private MockHttpServletRequestBuilder remind(String username, String client, String signed) {
        return post("/referrals/new").with(SignedIn.as(accounts, username)).with(csrf())
                .param("clientCode", client).param("clientName", "提醒客户有限公司")
                .param("contractNumber", "HT-REMIND").param("signedDate", signed)
                .param("contractAmount", "250000").param("clientAnnualSales", "600000")
                .param("relationship", "NONE").param("action", "remind");
    }

    private long noticesOf(long person) {
        return jdbc.queryForObject("select count(*) from notification where person_id = ? and kind = 'REFERRAL_DEADLINE'",
                Long.class, person);
    }
}
