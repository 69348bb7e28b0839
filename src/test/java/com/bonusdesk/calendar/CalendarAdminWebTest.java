package com.bonusdesk.calendar;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.bonusdesk.audit.AuditTrail;
import com.bonusdesk.calculation.WorkingDays;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class CalendarAdminWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    CompanyCalendar calendar;

    @Autowired
    AuditTrail auditTrail;

    @Test
    void the2026ChineseHolidaysShipWithTheProduct() {
        WorkingDays days = calendar.snapshot();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 1))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 10, 10))).isTrue();
        assertThat(days.nthWorkingDayAfter(LocalDate.of(2026, 9, 17), 15)).isEqualTo(LocalDate.of(2026, 10, 14));
        assertThat(calendar.exceptionsIn(java.time.Year.of(2026))).hasSize(39);
    }

    @Test
    void theYearViewMarksHolidaysAndMakeUpDays() throws Exception {
        String page = mvc.perform(asAdmin(get("/admin/calendar").param("year", "2026")).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Working-day calendar 2026", "March 2026")
                .containsPattern("class=\"cal-holiday\"\\s+title=\"国庆节 National Day\"\\s+data-date=\"2026-10-01\"")
                .containsPattern("class=\"cal-make_up\"\\s+title=\"国庆节调休 National Day make-up day\"\\s+data-date=\"2026-10-10\"")
                .containsPattern("class=\"cal-weekend\"\\s+data-date=\"2026-10-11\"");
    }

    @Test
    void addingAHolidayMovesADeadlineAndRemovingItMovesItBack() throws Exception {
        LocalDate signed = LocalDate.of(2027, 3, 1);
        LocalDate before = calendar.snapshot().nthWorkingDayAfter(signed, 15);

        mvc.perform(asAdmin(post("/admin/calendar")).param("date", "2027-03-03").param("kind", "HOLIDAY")
                        .param("name", "Company day"))
                .andExpect(redirectedUrl("/admin/calendar?year=2027"));
        assertThat(calendar.snapshot().nthWorkingDayAfter(signed, 15)).isEqualTo(before.plusDays(1));

        mvc.perform(asAdmin(post("/admin/calendar/remove")).param("date", "2027-03-03"))
                .andExpect(redirectedUrl("/admin/calendar?year=2027"));
        assertThat(calendar.snapshot().nthWorkingDayAfter(signed, 15)).isEqualTo(before);

        assertThat(auditTrail.historyOf("CALENDAR_DAY", "2027-03-03")).extracting(e -> e.getAction())
                .containsExactly("CALENDAR_DAY_ADDED", "CALENDAR_DAY_REMOVED");
    }

    @Test
    void aDateThatChangesNothingIsRefusedWithAReason() throws Exception {
        mvc.perform(asAdmin(post("/admin/calendar")).header("Accept-Language", "en")
                        .param("date", "2027-03-02").param("kind", "WORKDAY").param("name", "Tuesday"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This date is a weekday, already a working day.")));
        mvc.perform(asAdmin(post("/admin/calendar")).header("Accept-Language", "zh-CN")
                        .param("date", "2026-10-01").param("kind", "HOLIDAY").param("name", "again"))
                .andExpect(content().string(containsString("该日期已在日历中")));
    }

    @Test
    void aDateCannotBeAddedOverOneAlreadyThere() {
        calendar.add(LocalDate.of(2027, 5, 3), CalendarDay.Kind.HOLIDAY, "First", "admin1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        calendar.add(LocalDate.of(2027, 5, 3), CalendarDay.Kind.HOLIDAY, "Second", "admin1"))
                .isInstanceOfSatisfying(com.bonusdesk.refusal.Refusal.WrongState.class,
                        refusal -> assertThat(refusal.messageKey()).isEqualTo("calendar.day.exists"));
        assertThat(calendar.exceptionsIn(java.time.Year.of(2027))).filteredOn(day -> day.getDay().equals(LocalDate.of(2027, 5, 3)))
                .singleElement().satisfies(day -> assertThat(day.getName()).isEqualTo("First"));
        calendar.remove(LocalDate.of(2027, 5, 3), "admin1");
    }

    @Test
    void aMalformedDateIsAFieldErrorNotAFailure() throws Exception {
        mvc.perform(asAdmin(post("/admin/calendar")).header("Accept-Language", "en")
                        .param("date", "2027-02-30").param("kind", "HOLIDAY").param("name", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("Enter a valid date."),
                        containsString("Enter a name"))));
    }

    @Test
    void onlyAdministratorsKeepTheCalendar() throws Exception {
        mvc.perform(get("/admin/calendar").with(SignedIn.as(accounts, "hr1"))).andExpect(status().isForbidden());
    }

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(SignedIn.as(accounts, "admin1")).with(csrf());
    }
}
