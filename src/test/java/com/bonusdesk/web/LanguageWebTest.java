package com.bonusdesk.web;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import com.bonusdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

@IntegrationTest
class LanguageWebTest {

    @Autowired
    MockMvc mvc;

    @Test
    void theBrowsersLanguageDecidesUntilThePersonChooses() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "zh-CN,zh;q=0.9,en;q=0.8"))
                .andExpect(content().string(containsString("<html lang=\"zh-CN\">")))
                .andExpect(content().string(containsString("登录")));
        mvc.perform(get("/login").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(content().string(containsString("<html lang=\"en\">")))
                .andExpect(content().string(containsString("Sign in")));
    }

    @Test
    void aLanguageWeDoNotSpeakFallsBackToTheFirstOneWeDo() throws Exception {
        mvc.perform(get("/login").header("Accept-Language", "fr-FR,zh-TW;q=0.8"))
                .andExpect(content().string(containsString("<html lang=\"zh-CN\">")));
        mvc.perform(get("/login").header("Accept-Language", "de"))
                .andExpect(content().string(containsString("<html lang=\"en\">")));
    }

    @Test
    void theChosenLanguageIsRememberedInACookie() throws Exception {
        MvcResult chosen = mvc.perform(get("/login").param("lang", "zh-CN").header("Accept-Language", "en"))
                .andExpect(content().string(containsString("登录")))
                .andReturn();
        Cookie cookie = chosen.getResponse().getCookie(SupportedLocales.COOKIE);
        assertThat(cookie).isNotNull();
        assertThat(cookie.getMaxAge()).isPositive();

        mvc.perform(get("/login").cookie(cookie).header("Accept-Language", "en"))
                .andExpect(content().string(containsString("<html lang=\"zh-CN\">")));
    }

    @Test
    void anUnsupportedChoiceIsTakenAsTheClosestLanguage() throws Exception {
        mvc.perform(get("/login").param("lang", "zh-TW"))
                .andExpect(content().string(containsString("<html lang=\"zh-CN\">")));
        mvc.perform(get("/login").param("lang", "fr"))
                .andExpect(content().string(containsString("<html lang=\"en\">")));
        mvc.perform(get("/login").param("lang", "%%%"))
                .andExpect(content().string(containsString("Sign in")));
    }
}
