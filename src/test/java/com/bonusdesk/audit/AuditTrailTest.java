package com.bonusdesk.audit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class AuditTrailTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditEntryRepository entries;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void signingInAndFailingToAreBothRecorded() throws Exception {
        int succeeded = entries.findByActorAndActionOrderByIdAsc("hr1", "LOGIN_SUCCEEDED").size();
        int failed = entries.findByActorAndActionOrderByIdAsc("hr1", "LOGIN_FAILED").size();

        mvc.perform(post("/login").with(csrf()).param("username", "hr1").param("password", "demo1234"));
        mvc.perform(post("/login").with(csrf()).param("username", "hr1").param("password", "guess"));

        assertThat(entries.findByActorAndActionOrderByIdAsc("hr1", "LOGIN_SUCCEEDED")).hasSize(succeeded + 1);
        assertThat(entries.findByActorAndActionOrderByIdAsc("hr1", "LOGIN_FAILED")).hasSize(failed + 1)
                .last().satisfies(entry -> assertThat(entry.getReason()).isEqualTo("BAD_CREDENTIALS"));
        mvc.perform(get("/admin/audit").param("q", "hr1").with(SignedIn.as(accounts, "admin1"))
                        .header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Wrong username or password")))
                .andExpect(content().string(not(containsString("Exception"))));
    }

    @Test
    void theTrailCannotBeRewrittenEvenWithSql() {
        Long anyEntry = jdbc.queryForObject("select min(id) from audit_entry", Long.class);
        assertThat(anyEntry).isNotNull();
        assertThatThrownBy(() -> jdbc.update("update audit_entry set actor = 'someone' where id = ?", anyEntry))
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_entry where id = ?", anyEntry))
                .hasMessageContaining("append-only");
    }

    @Test
    void administratorsReadTheTrailNewestFirstInTheirLanguage() throws Exception {
        mvc.perform(post("/admin/users").with(SignedIn.as(accounts, "admin1")).with(csrf())
                .param("username", "audited-" + System.nanoTime()).param("displayName", "审计测试")
                .param("password", "password-1").param("roles", "SALES"));
        mvc.perform(get("/admin/audit").with(SignedIn.as(accounts, "admin1")).header("Accept-Language", "zh-CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(allOf(containsString("审计记录"), containsString("创建人员"),
                        containsString("admin1"))));
    }

    @Test
    void onlyAdministratorsReadTheTrail() throws Exception {
        mvc.perform(get("/admin/audit").with(SignedIn.as(accounts, "finance1")))
                .andExpect(status().isForbidden());
    }
}
