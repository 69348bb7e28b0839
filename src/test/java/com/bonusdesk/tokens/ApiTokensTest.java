package com.bonusdesk.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.people.PersonService;
import com.bonusdesk.people.Role;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Personal API tokens as an integration uses them: made once with a password, then sent as {@code Bearer}, with the
 * roles and the read-only scope they were given, until they expire or are revoked; managed on a page too.
 */
@IntegrationTest
class ApiTokensTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    ApiTokenRepository repository;

    @Autowired
    PersonService people;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void aTokenWorksAsItsPersonShownOnceListedWithItsLastUseAndRefusedAtOnceWhenRevoked() throws Exception {
        String name = "ERP " + SEQUENCE.incrementAndGet();
        MvcResult made = mvc.perform(post("/api/v1/me/tokens").with(httpBasic("finance1", "demo1234"))
                        .contentType("application/json")
                        .content("{\"name\": \"" + name + "\", \"expiresOn\": \"" + today().plusDays(30) + "\"}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", startsWith("/api/v1/me/tokens/")))
                .andExpect(jsonPath("$.token").value(startsWith("bdk_")))
                .andExpect(jsonPath("$.scope[0]").value("FINANCE"))
                .andReturn();
        String token = read(made, "$.token");
        String id = String.valueOf((Object) read(made, "$.id"));

        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("finance1"));
        assertThat(jdbc.queryForObject("select secret_hash from api_token where id = ?", String.class, Long.valueOf(id)))
                .as("only the hash is kept").hasSize(64).isNotEqualTo(token);

        mvc.perform(get("/api/v1/me/tokens").with(httpBasic("finance1", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(token))))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].name").value(hasItem(name)))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].status").value(hasItem("ACTIVE")))
                .andExpect(jsonPath("$[?(@.id == " + id + ")].lastUsedAt").value(hasItem(not(nullValue()))));

        mvc.perform(delete("/api/v1/me/tokens/" + id).with(httpBasic("finance1", "demo1234")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", startsWith("Bearer")))
                .andExpect(jsonPath("$.status").value(401))
                .andExpect(jsonPath("$.detail").value("This API token is unknown, expired or revoked."));
        assertThat(jdbc.queryForList("select action from audit_entry where subject_type = 'API_TOKEN' and subject_id = ? "
                + "order by id", String.class, id)).containsExactly("API_TOKEN_CREATED", "API_TOKEN_REVOKED");
    }

    @Test
    void aTokenActsWithOnlyTheRolesItWasGivenAndAReadOnlyTokenChangesNothing() throws Exception {
        String manager = issue("director1", "[\"MANAGER\"]");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + manager))
                .andExpect(jsonPath("$.roles").value(contains("MANAGER")));

        String reader = issue("sales1", "[\"READ_ONLY\"]");
        mvc.perform(get("/api/v1/claims").header("Authorization", "Bearer " + reader)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/claims").header("Authorization", "Bearer " + reader).header("Accept-Language", "zh-CN")
                        .contentType("application/json").content("{}"))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.detail").value("此 API 令牌只能读取。"));

        String full = issue("sales1", "[]");
        mvc.perform(post("/api/v1/me/tokens").header("Authorization", "Bearer " + full).contentType("application/json")
                        .content("{\"name\": \"from a token\", \"expiresOn\": \"" + today().plusDays(5) + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer bdk_" + "x".repeat(43)))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void whatATokenRequestGetsWrongIsNamedField() throws Exception {
        mvc.perform(makeToken("sales2", "{\"name\": \" \", \"expiresOn\": \"" + today().plusDays(5) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(makeToken("sales2", "{\"name\": \"old\", \"expiresOn\": \"" + today() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
        mvc.perform(makeToken("sales2", "{\"name\": \"far\", \"expiresOn\": \"" + today().plusYears(2) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
        mvc.perform(makeToken("sales2", "{\"name\": \"a year and a day\", \"expiresOn\": \"" + today().plusDays(366)
                        + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("expiresOn"));
        mvc.perform(makeToken("sales2", "{\"name\": \"a year " + SEQUENCE.incrementAndGet() + "\", \"expiresOn\": \""
                        + today().plusYears(1) + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(makeToken("sales2", "{\"name\": \"boss\", \"expiresOn\": \"" + today().plusDays(5)
                        + "\", \"scope\": [\"FINANCE\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scope"));
        mvc.perform(makeToken("sales2", "{\"name\": \"god\", \"expiresOn\": \"" + today().plusDays(5)
                        + "\", \"scope\": [\"GOD\"]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("scope"));

        String name = "twice " + SEQUENCE.incrementAndGet();
        mvc.perform(makeToken("sales2", "{\"name\": \"" + name + "\", \"expiresOn\": \"" + today().plusDays(5) + "\"}"))
                .andExpect(status().isCreated());
        mvc.perform(makeToken("sales2", "{\"name\": \"" + name + "\", \"expiresOn\": \"" + today().plusDays(5) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));

        long others = repository.findByPersonIdOrderByCreatedAtDescIdDesc(people.findByUsername("sales2").orElseThrow()
                .getId()).get(0).getId();
        mvc.perform(delete("/api/v1/me/tokens/" + others).with(httpBasic("sales3", "demo1234")))
                .andExpect(status().isNotFound());
    }

    @Test
    void aTokenIsRefusedAfterItsLastDayAndWhenItsPersonIsDeactivated() throws Exception {
        long leaver = jdbc.queryForObject("""
                insert into person (username, password_hash, display_name, created_at, updated_at)
                values (?, '{noop}unused', 'Leaver', now(), now()) returning id""", Long.class,
                "token-leaver-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime());
        jdbc.update("insert into person_role (person_id, role) values (?, 'SALES')", leaver);
        ApiTokens.Issued issued = transactions.execute(status -> tokens(clock).issue(people.activePrincipal(leaver).orElseThrow(),
                new ApiTokens.Request("nightly", today().plusDays(3), false, EnumSet.noneOf(Role.class))));

        assertThat(grantedOn(Duration.ofDays(3), issued.secret())).as("on its last day").isTrue();
        assertThat(grantedOn(Duration.ofDays(4), issued.secret())).as("the day after").isFalse();

        mvc.perform(post("/admin/users/" + leaver + "/deactivate").with(SignedIn.as(accounts, "admin1"))
                .with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + issued.secret()))
                .andExpect(status().isUnauthorized());
        assertThat(repository.findById(issued.id()).orElseThrow().status(today())).isEqualTo(ApiTokenStatus.REVOKED);
        assertThat(jdbc.queryForObject("select reason from audit_entry where subject_type = 'API_TOKEN' "
                + "and subject_id = ? and action = 'API_TOKEN_REVOKED'", String.class, String.valueOf(issued.id())))
                .isEqualTo("person deactivated");
    }

    @Test
    void thePageMakesATokenShowsItOnceAndRevokesIt() throws Exception {
        String name = "报表 " + SEQUENCE.incrementAndGet();
        MvcResult page = mvc.perform(post("/me/tokens").with(SignedIn.as(accounts, "manager1")).with(csrf())
                        .header("Accept-Language", "zh-CN")
                        .param("name", name).param("expiresOn", today().plusDays(60).toString())
                        .param("readOnly", "true"))
                .andExpect(status().isOk())
                .andReturn();
        String html = page.getResponse().getContentAsString();
        assertThat(html).contains("请立即复制", "bdk_", name, "只读");
        long id = repository.findByPersonIdOrderByCreatedAtDescIdDesc(people.findByUsername("manager1").orElseThrow()
                .getId()).get(0).getId();

        mvc.perform(get("/me/tokens").with(SignedIn.as(accounts, "manager1")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("bdk_"))));
        mvc.perform(post("/me/tokens/" + id + "/revocation").with(SignedIn.as(accounts, "manager1")).with(csrf()))
                .andExpect(redirectedUrl("/me/tokens"))
                .andExpect(flash().attribute("success", "token.revoked"));
        mvc.perform(post("/me/tokens").with(SignedIn.as(accounts, "manager1")).with(csrf())
                        .param("name", "blank role " + SEQUENCE.incrementAndGet())
                        .param("expiresOn", today().plusDays(10).toString()).param("roles", " "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("bdk_")));
        mvc.perform(post("/me/tokens").with(SignedIn.as(accounts, "manager1")).with(csrf())
                        .header("Referer", "http://localhost/me/tokens").param("name", "no date"))
                .andExpect(redirectedUrl("/me/tokens"))
                .andExpect(flash().attributeExists("failure"));
    }

    private String issue(String username, String scope) throws Exception {
        MvcResult made = mvc.perform(makeToken(username, "{\"name\": \"t" + SEQUENCE.incrementAndGet()
                        + "\", \"expiresOn\": \"" + today().plusDays(5) + "\", \"scope\": " + scope + "}"))
                .andExpect(status().isCreated()).andReturn();
        return read(made, "$.token");
    }

    private static MockHttpServletRequestBuilder makeToken(String username, String json) {
        return post("/api/v1/me/tokens").with(httpBasic(username, "demo1234")).contentType("application/json")
                .content(json);
    }

    private boolean grantedOn(Duration later, String secret) {
        return Boolean.TRUE.equals(transactions.execute(status ->
                tokens(Clock.offset(clock, later)).grant(secret).isPresent()));
    }

    private ApiTokens tokens(Clock at) {
        return new ApiTokens(repository, people, events, at);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    @SuppressWarnings("unchecked")
    private static <T> T read(MvcResult result, String path) throws Exception {
        return (T) com.jayway.jsonpath.JsonPath.read(result.getResponse().getContentAsString(), path);
    }
}
