package com.bonusdesk.people;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.bonusdesk.audit.AuditEntry;
import com.bonusdesk.audit.AuditTrail;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.support.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class PersonAdminWebTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    PersonService personService;

    @Autowired
    AuditTrail auditTrail;

    @Value("${local.server.port}")
    int port;

    @Test
    void theListIsPaginatedAndSearchable() throws Exception {
        String prefix = "pager" + SEQUENCE.incrementAndGet() + "-";
        for (int i = 0; i < 21; i++) {
            enrol(prefix + String.format("%02d", i), Set.of(Role.SALES));
        }
        mvc.perform(asAdmin(get("/admin/users").param("q", prefix)))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString(prefix + "00"), containsString(prefix + "19"),
                        not(containsString(prefix + "20")), containsString("Page 1 of 2"), containsString("21 in all"))));
        mvc.perform(asAdmin(get("/admin/users").param("q", prefix).param("page", "1")))
                .andExpect(content().string(allOf(containsString(prefix + "20"), not(containsString(prefix + "19")),
                        containsString("href=\"/admin/users?q=" + prefix + "&amp;page=0\""))));
    }

    @Test
    void anAbsurdPageNumberIsAnEmptyPageNotAFailure() throws Exception {
        mvc.perform(asAdmin(get("/admin/users").param("page", "2147483647"))).andExpect(status().isOk());
        mvc.perform(asAdmin(get("/admin/users").param("page", "-3"))).andExpect(status().isOk());
    }

    @Test
    void searchFindsPeopleByDepartmentAndSaysWhenNobodyMatches() throws Exception {
        mvc.perform(asAdmin(get("/admin/users").param("q", "华东销售")))
                .andExpect(content().string(allOf(containsString("sales1"), containsString("manager1"),
                        not(containsString(">hr1<")))));
        mvc.perform(asAdmin(get("/admin/users").param("q", "nobody-like-this%")))
                .andExpect(content().string(containsString("Nobody matches")));
    }

    @Test
    void anAdministratorCreatesAPersonWithRolesAndAManagerAndItIsAudited() throws Exception {
        String username = "newhire" + SEQUENCE.incrementAndGet();
        long managerId = personService.findByUsername("manager1").orElseThrow().getId();
        mvc.perform(asAdmin(post("/admin/users"))
                        .param("username", username)
                        .param("displayName", "吴磊")
                        .param("password", "first-password")
                        .param("employeeNumber", "E7" + SEQUENCE.incrementAndGet())
                        .param("department", "华南销售部")
                        .param("mobile", "139 1234 5678")
                        .param("managerId", String.valueOf(managerId))
                        .param("roles", "SALES", "HR"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("/admin/users/*"))
                .andExpect(flash().attribute("success", "person.created"));

        Person created = personService.find(personService.findByUsername(username).orElseThrow().getId()).orElseThrow();
        assertThat(created.getRoles()).containsExactlyInAnyOrder(Role.SALES, Role.HR);
        assertThat(created.getManager().getUsername()).isEqualTo("manager1");
        assertThat(created.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("first-password");
        assertThat(created.getMobile()).isEqualTo("13912345678");

        List<AuditEntry> history = auditTrail.historyOf("PERSON", String.valueOf(created.getId()));
        assertThat(history).singleElement().satisfies(entry -> {
            assertThat(entry.getAction()).isEqualTo("PERSON_CREATED");
            assertThat(entry.getActor()).isEqualTo("admin1");
            assertThat(entry.getBeforeState()).isNull();
            assertThat(entry.getAfterState()).contains("roles=HR,SALES").contains("manager=manager1")
                    .contains("mobile=13912345678");
        });
    }

    @Test
    void validationErrorsAppearNextToTheirFieldsInChineseAndNothingIsSaved() throws Exception {
        long countBefore = personService.search(null, org.springframework.data.domain.Pageable.unpaged()).getTotalElements();
        mvc.perform(asAdmin(post("/admin/users")).header("Accept-Language", "zh-CN")
                        .param("username", "")
                        .param("displayName", "无名")
                        .param("password", "short")
                        .param("employeeNumber", "E 1")
                        .param("mobile", "12345"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(
                        containsString("请输入 11 位大陆手机号码"),
                        containsString("请输入用户名。"),
                        containsString("密码至少 8 个字符"),
                        containsString("工号最多 32 位"),
                        containsString("请至少选择一个角色。"),
                        containsString("is-invalid"),
                        containsString("value=\"无名\""))));
        assertThat(personService.search(null, org.springframework.data.domain.Pageable.unpaged()).getTotalElements())
                .isEqualTo(countBefore);
    }

    @Test
    void aBlankRoleIsNoRoleAndIsToldInWordsNotAsAnException() throws Exception {
        mvc.perform(asAdmin(post("/admin/users")).header("Accept-Language", "en")
                        .param("username", "blank-role-" + System.nanoTime() % 100_000)
                        .param("displayName", "Blank role")
                        .param("password", "long-enough")
                        .param("roles", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Choose at least one role.")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Exception"))));
    }

    @Test
    void aTakenUsernameIsRefusedOnTheForm() throws Exception {
        mvc.perform(asAdmin(post("/admin/users")).header("Accept-Language", "en")
                        .param("username", "sales1")
                        .param("displayName", "Someone else")
                        .param("password", "long-enough")
                        .param("roles", "SALES"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("This username is already taken.")));
    }

    @Test
    void changingRolesIsAuditedWithBeforeAndAfter() throws Exception {
        Person person = enrol("promoted" + SEQUENCE.incrementAndGet(), Set.of(Role.SALES));
        mvc.perform(asAdmin(post("/admin/users/" + person.getId()))
                        .param("username", person.getUsername())
                        .param("displayName", person.getDisplayName())
                        .param("roles", "SALES", "MANAGER")
                        .param("version", String.valueOf(person.getVersion())))
                .andExpect(redirectedUrl("/admin/users/" + person.getId()));

        assertThat(personService.find(person.getId()).orElseThrow().getRoles())
                .containsExactlyInAnyOrder(Role.SALES, Role.MANAGER);
        assertThat(auditTrail.historyOf("PERSON", String.valueOf(person.getId())))
                .filteredOn(entry -> entry.getAction().equals("PERSON_UPDATED"))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.getBeforeState()).contains("roles=SALES;");
                    assertThat(entry.getAfterState()).contains("roles=MANAGER,SALES;");
                });
    }

    @Test
    void aPersonCannotBeManagedBySomeoneWhoReportsToThem() throws Exception {
        Person boss = enrol("boss" + SEQUENCE.incrementAndGet(), Set.of(Role.MANAGER));
        Person report = personService.enrol("report" + SEQUENCE.incrementAndGet(), "password-1", "Report", null,
                null, boss, EnumSet.of(Role.SALES), "test");
        mvc.perform(asAdmin(post("/admin/users/" + boss.getId())).header("Accept-Language", "en")
                        .param("displayName", boss.getDisplayName())
                        .param("managerId", String.valueOf(report.getId()))
                        .param("roles", "MANAGER")
                        .param("version", String.valueOf(boss.getVersion())))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("already reports to this person")));
        assertThat(personService.find(boss.getId()).orElseThrow().getManager()).isNull();
    }

    @Test
    void anEditBasedOnAnOutdatedPageIsRefusedInsteadOfOverwritingTheNewerOne() throws Exception {
        Person person = enrol("edited" + SEQUENCE.incrementAndGet(), Set.of(Role.SALES));
        long seenVersion = person.getVersion();
        mvc.perform(asAdmin(post("/admin/users/" + person.getId()))
                .param("displayName", "First edit").param("roles", "SALES").param("version", String.valueOf(seenVersion)));
        mvc.perform(asAdmin(post("/admin/users/" + person.getId())).header("Accept-Language", "en")
                        .param("displayName", "Second edit").param("roles", "SALES")
                        .param("version", String.valueOf(seenVersion)))
                .andExpect(redirectedUrl("/admin/users/" + person.getId()))
                .andExpect(flash().attribute("failure", "person.save.stale"));
        assertThat(personService.find(person.getId()).orElseThrow().getDisplayName()).isEqualTo("First edit");
    }

    @Test
    void aDeactivatedPersonCannotSignInUntilReactivated() throws Exception {
        Person person = enrol("leaver" + SEQUENCE.incrementAndGet(), Set.of(Role.SALES));
        mvc.perform(asAdmin(post("/admin/users/" + person.getId() + "/deactivate")))
                .andExpect(flash().attribute("success", "person.deactivated"));
        assertThat(personService.find(person.getId()).orElseThrow().isActive()).isFalse();
        mvc.perform(post("/login").with(csrf()).param("username", person.getUsername()).param("password", "password-1"))
                .andExpect(redirectedUrl("/login?error"));

        mvc.perform(asAdmin(post("/admin/users/" + person.getId() + "/activate")));
        mvc.perform(post("/login").with(csrf()).param("username", person.getUsername()).param("password", "password-1"))
                .andExpect(redirectedUrl("/"));
        assertThat(auditTrail.historyOf("PERSON", String.valueOf(person.getId())))
                .extracting(AuditEntry::getAction)
                .containsSubsequence("PERSON_CREATED", "PERSON_DEACTIVATED", "PERSON_REACTIVATED");
    }

    @Test
    void aPersonWhoIsDeactivatedWhileSignedInIsSignedOutAtTheirNextClick() throws Exception {
        Person person = enrol("signedin" + SEQUENCE.incrementAndGet(), Set.of(Role.SALES));
        WebClient browser = new WebClient(port);
        browser.signIn(person.getUsername(), "password-1");
        assertThat(browser.get("/").statusCode()).isEqualTo(200);

        mvc.perform(asAdmin(post("/admin/users/" + person.getId() + "/deactivate")));

        HttpResponse<String> next = browser.get("/");
        assertThat(next.statusCode()).isEqualTo(302);
        assertThat(next.headers().firstValue("Location")).hasValueSatisfying(
                location -> assertThat(location).endsWith("/login?expired"));
    }

    @Test
    void aPersonWhoseRolesChangeMustSignInAgainToUseThem() throws Exception {
        Person person = enrol("regraded" + SEQUENCE.incrementAndGet(), Set.of(Role.SALES));
        WebClient browser = new WebClient(port);
        browser.signIn(person.getUsername(), "password-1");

        mvc.perform(asAdmin(post("/admin/users/" + person.getId()))
                .param("displayName", person.getDisplayName()).param("roles", "FINANCE")
                .param("version", String.valueOf(person.getVersion())));

        assertThat(browser.get("/").statusCode()).isEqualTo(302);
        browser.signIn(person.getUsername(), "password-1");
        assertThat(browser.get("/").body()).contains("waiting-finance").doesNotContain("waiting-sales");
    }

    @Test
    void anAdministratorCanNeitherDeactivateThemselfNorDropTheirOwnAdminRole() throws Exception {
        Person admin = personService.findByUsername("admin1").orElseThrow();
        mvc.perform(asAdmin(post("/admin/users/" + admin.getId() + "/deactivate")))
                .andExpect(flash().attribute("failure", "person.deactivate.self"));
        mvc.perform(asAdmin(post("/admin/users/" + admin.getId())).header("Accept-Language", "en")
                        .param("displayName", admin.getDisplayName())
                        .param("roles", "SALES")
                        .param("version", String.valueOf(admin.getVersion())))
                .andExpect(content().string(containsString("You cannot remove your own administrator role.")));
        Person unchanged = personService.findByUsername("admin1").orElseThrow();
        assertThat(unchanged.isActive()).isTrue();
        assertThat(unchanged.getRoles()).contains(Role.ADMIN);
    }

    @Test
    void editingAPersonThatDoesNotExistIsNotFound() throws Exception {
        mvc.perform(asAdmin(get("/admin/users/999999"))).andExpect(status().isNotFound());
    }

    private MockHttpServletRequestBuilder asAdmin(MockHttpServletRequestBuilder request) {
        return request.with(SignedIn.as(accounts, "admin1")).with(csrf());
    }

    private Person enrol(String username, Set<Role> roles) {
        return personService.enrol(username, "password-1", username.toUpperCase(), null, null, null,
                EnumSet.copyOf(roles), "test");
    }
}
