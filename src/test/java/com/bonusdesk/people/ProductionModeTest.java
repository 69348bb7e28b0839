package com.bonusdesk.people;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.support.TestDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

@SpringBootTest(properties = {
        "bonusdesk.demo=false",
        "bonusdesk.admin.username=Chief",
        "bonusdesk.admin.password=a-long-secret"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(TestDatabaseConfiguration.class)
class ProductionModeTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    PersonService personService;

    @Test
    void thereAreNoDemoAccountsAndTheLoginPageListsNone() throws Exception {
        assertThat(personService.findByUsername("sales1")).isEmpty();
        mvc.perform(get("/login").header("Accept-Language", "en"))
                .andExpect(content().string(not(containsString("Demo accounts"))))
                .andExpect(content().string(not(containsString("demo1234"))));
    }

    @Test
    void theFirstAdministratorComesFromTheEnvironmentAndCanSignIn() throws Exception {
        Person chief = personService.findByUsername("chief").orElseThrow();
        assertThat(chief.getRoles()).containsExactly(Role.ADMIN);
        mvc.perform(post("/login").with(csrf()).param("username", "chief").param("password", "a-long-secret"))
                .andExpect(redirectedUrl("/"));
    }
}
