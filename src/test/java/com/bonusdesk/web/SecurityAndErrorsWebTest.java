package com.bonusdesk.web;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.support.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class SecurityAndErrorsWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Value("${local.server.port}")
    int port;

    @Test
    void aStrangerIsSentToTheSignInPage() throws Exception {
        mvc.perform(get("/admin/users"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void signingInWithTheDemoPasswordOpensTheHomePageInANewSession() throws Exception {
        jakarta.servlet.http.Cookie before = mvc.perform(get("/login")).andReturn().getResponse().getCookie("SESSION");
        assertThat(before).as("the sign-in page's session, kept by Spring Session").isNotNull();
        MvcResult result = mvc.perform(post("/login").cookie(before).with(csrf())
                        .param("username", "sales1").param("password", "demo1234"))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl("/"))
                .andReturn();
        jakarta.servlet.http.Cookie after = result.getResponse().getCookie("SESSION");
        assertThat(after).isNotNull();
        assertThat(after.getValue()).as("session fixation protection").isNotEqualTo(before.getValue());
    }

    @Test
    void aWrongPasswordIsRefusedWithAMessage() throws Exception {
        mvc.perform(post("/login").with(csrf()).param("username", "sales1").param("password", "wrong"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", "").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("Wrong username or password")));
    }

    @Test
    void aFormPostedWithoutItsCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/login").param("username", "sales1").param("password", "demo1234"))
                .andExpect(status().isForbidden());
    }

    @Test
    void everyPageCarriesAContentSecurityPolicyThatAllowsNoInlineScript() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", not(containsString("unsafe-inline"))))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
        mvc.perform(get("/api/v1/me").with(httpBasic("sales1", "demo1234")))
                .andExpect(header().string("Referrer-Policy", "strict-origin-when-cross-origin"));
    }

    @Test
    void aSalespersonIsToldPolitelyThatAdministrationIsNotForThem() {
        WebClient browser = new WebClient(port).inLanguage("zh-CN");
        browser.signIn("sales1", "demo1234");
        HttpResponse<String> page = browser.get("/admin/users");
        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(page.body()).contains("无权访问").contains("张伟").doesNotContain("Exception");
    }

    @Test
    void anUnknownPageIsAFriendlyNotFoundPageWithoutTechnicalDetails() {
        WebClient browser = new WebClient(port);
        browser.signIn("sales1", "demo1234");
        HttpResponse<String> page = browser.get("/no/such/page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Page not found").doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void aMalformedAddressIsAFriendlyPageThatRevealsNothing() {
        WebClient browser = new WebClient(port);
        browser.signIn("admin1", "demo1234");
        HttpResponse<String> page = browser.get("/admin/users?page=99999999999");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("could not be understood").doesNotContain("Exception");
    }

    @Test
    void theApiAnswersAStrangerWithProblemJsonAndABasicChallenge() {
        HttpResponse<String> response = new WebClient(port).inLanguage("zh-CN").get("/api/v1/me");
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(value -> assertThat(value).contains("Basic"));
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"status\":401").contains("请先登录");
    }

    @Test
    void theApiAcceptsBasicCredentialsWithoutStartingASession() throws Exception {
        MvcResult result = mvc.perform(get("/api/v1/me").with(httpBasic("manager1", "demo1234")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value("manager1"))
                .andExpect(jsonPath("$.roles[0]").value("MANAGER"))
                .andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
    }

    @Test
    void theApiRefusesAPersonWithoutTheRoleWithProblemJson() throws Exception {
        mvc.perform(get("/api/v1/people").with(httpBasic("sales1", "demo1234")).header("Accept-Language", "en"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Not allowed"));
    }

    @Test
    void anUnknownApiAddressIsProblemJsonToo() {
        HttpResponse<String> response = new WebClient(port).get("/api/v1/nothing-here", "sales1", "demo1234");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(response.body()).contains("\"instance\":\"/api/v1/nothing-here\"").contains("\"status\":404");
    }

    @Test
    void badApiInputIsAProblemNotAFailure() throws Exception {
        mvc.perform(get("/api/v1/people").param("page", "first").with(httpBasic("admin1", "demo1234")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void staticAssetsComeFromWebJarsOnThisServer() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(content().string(containsString("/webjars/bootstrap/")))
                .andExpect(content().string(not(containsString("cdn"))));
        mvc.perform(get("/webjars/bootstrap/css/bootstrap.min.css")).andExpect(status().isOk());
    }
}
