package com.bonusdesk.people;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SecondInstance;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.support.WebClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Two instances on one database behave as one: a sign-in made on one is valid on the other, and deactivating the
 * person on one ends the session on both (sessions live in PostgreSQL); the same collection sent to both at once
 * is recorded once, and of two decisions of one claim on both at once exactly one counts.
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

    @Autowired
    ClaimService claims;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aSessionMadeOnOneInstanceWorksOnTheOtherAndEndsOnBoth() throws Exception {
        try (ConfigurableApplicationContext second = SecondInstance.on(dataSource)) {
            int otherPort = SecondInstance.portOf(second);
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

    @Test
    void theSameCollectionPostedToBothAtOnceIsRecordedOnceAndAClaimDecidedOnBothHasOneWinner() throws Exception {
        String orderNumber = "TWO-" + System.nanoTime() % 1_000_000;
        long claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "双实例公司", orderNumber,
                LocalDate.of(2026, 6, 10), new BigDecimal("800.00"), 12, false, false, null),
                people.findByUsername("sales1").orElseThrow().getId(), "sales1").orRefuse().getId();
        try (ConfigurableApplicationContext second = SecondInstance.on(dataSource)) {
            int otherPort = SecondInstance.portOf(second);

            List<Integer> decisions = atOnce(
                    () -> postJson(port, "/api/v1/claims/" + claim + "/decision", "manager1", "{\"decision\": \"APPROVE\"}"),
                    () -> postJson(otherPort, "/api/v1/claims/" + claim + "/decision", "director1",
                            "{\"decision\": \"APPROVE\"}"));
            assertThat(decisions).as("one winner, the other told it was decided").containsExactlyInAnyOrder(200, 409);

            String collection = "{\"orderNumber\": \"" + orderNumber + "\", \"date\": \"2026-06-12\", "
                    + "\"amount\": \"800.00\", \"reference\": \"R-" + orderNumber + "\"}";
            List<Integer> recorded = atOnce(() -> postJson(port, "/api/v1/collections", "finance1", collection),
                    () -> postJson(otherPort, "/api/v1/collections", "finance1", collection));
            assertThat(recorded).containsExactlyInAnyOrder(201, 200);
            assertThat(jdbc.queryForObject("select count(*) from collection where reference = ?", Long.class,
                    "R-" + orderNumber)).isEqualTo(1);
            assertThat(claims.linesOf(claim)).as("its lines earned once").hasSize(2);
        }
    }

    /** Runs both at the same moment (a barrier), as two instances receiving requests together would. */
    private static List<Integer> atOnce(Callable<Integer> first, Callable<Integer> second) {
        CyclicBarrier start = new CyclicBarrier(2);
        return List.of(first, second).stream().map(task -> CompletableFuture.supplyAsync(() -> {
            try {
                start.await();
                return task.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).toList().stream().map(CompletableFuture::join).toList();
    }

    private static int postJson(int port, String path, String username, String json) throws Exception {
        String credentials = Base64.getEncoder().encodeToString((username + ":demo1234")
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + credentials).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }

    private static HttpResponse<String> home(int port, String cookie) throws Exception {
        HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
        return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
                .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
