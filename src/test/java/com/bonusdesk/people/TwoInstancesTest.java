package com.bonusdesk.people;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Set;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.BonusDeskApplication;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.support.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two instances on one database behave as one: a sign-in made on one is valid on the other, and deactivating the
 * person on one ends the session on both (sessions live in PostgreSQL).
 */
@IntegrationTest
class TwoInstancesTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    PersonService people;

    @Test
    void aSessionMadeOnOneInstanceWorksOnTheOtherAndEndsOnBoth() throws Exception {
        HikariDataSource database = (HikariDataSource) dataSource;
        try (ConfigurableApplicationContext second = new SpringApplicationBuilder(BonusDeskApplication.class)
                .properties("server.port=0", "spring.datasource.url=" + database.getJdbcUrl(),
                        "spring.datasource.username=" + database.getUsername(),
                        "spring.datasource.password=" + database.getPassword(), "bonusdesk.demo=false",
                        "spring.main.banner-mode=off")
                .run()) {
            int otherPort = second.getBean(Environment.class).getRequiredProperty("local.server.port", Integer.class);
            String username = "twoinstances" + System.nanoTime() % 1_000_000;
            mvc.perform(post("/admin/users").with(SignedIn.as(accounts, "admin1")).with(csrf())
                    .param("username", username).param("displayName", username).param("password", "password-1")
                    .param("roles", "SALES"));
            HttpResponse<String> signedIn = new WebClient(port).signIn(username, "password-1");
            String cookie = signedIn.headers().allValues("set-cookie").stream()
                    .filter(value -> value.startsWith("SESSION=")).findFirst().orElseThrow().split(";")[0];

            assertThat(home(otherPort, cookie).statusCode()).as("signed in on the other instance").isEqualTo(200);

            long id = people.findByUsername(username).orElseThrow().getId();
            mvc.perform(post("/admin/users/" + id + "/deactivate").with(SignedIn.as(accounts, "admin1")).with(csrf()));

            HttpResponse<String> after = home(otherPort, cookie);
            assertThat(after.statusCode()).isEqualTo(302);
            assertThat(after.headers().firstValue("Location")).hasValueSatisfying(
                    location -> assertThat(location).endsWith("/login?expired"));
            assertThat(Set.of(home(port, cookie).statusCode())).as("ended on this instance too").containsOnly(302);
        }
    }

    private static HttpResponse<String> home(int port, String cookie) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
