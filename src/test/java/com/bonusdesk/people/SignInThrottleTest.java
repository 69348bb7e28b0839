package com.bonusdesk.people;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Guessing passwords is slowed for the username and refused for the address, the same on every instance (the
 * failures are in the database); the right password works again after the pause; other people are unaffected.
 */
@IntegrationTest
class SignInThrottleTest {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Clock clock;

    @Autowired
    SignInThrottle throttle;

    @LocalServerPort
    int port;

    @Test
    void fiveWrongPasswordsSlowTheUsernameAndTheRightOneWorksAfterThePause() throws Exception {
        String username = enrol();
        String address = "10.20.0." + SEQUENCE.incrementAndGet();
        for (int i = 0; i < SignInThrottle.USERNAME_FAILURES; i++) {
            signIn(username, "wrong-password", address).andExpect(redirectedUrl("/login?error"));
        }

        signIn(username, "right-password-1", address).andExpect(redirectedUrl("/login?throttled=30"));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "right-password-1")).with(from(address))
                        .header("Accept-Language", "en"))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", "30"))
                .andExpect(jsonPath("$.status").value(429))
                .andExpect(jsonPath("$.title").value("Too many attempts"))
                .andExpect(jsonPath("$.detail").value("Too many failed sign-ins: try again in 30 seconds."));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "right-password-1")).with(from(address))
                        .header("Accept-Language", "zh-CN"))
                .andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.detail").value("登录失败次数过多：请 30 秒后再试。"));
        signIn("sales2", "demo1234", address).andExpect(redirectedUrl("/"));

        SignInThrottle later = new SignInThrottle(jdbc, Clock.offset(clock, Duration.ofSeconds(31)));
        assertThat(later.retryAfter(username, address)).as("slowed, never locked out for good").isEmpty();
        throttle.succeeded(username);
        signIn(username, "right-password-1", address).andExpect(redirectedUrl("/"));
    }

    @Test
    void manyFailuresFromOneAddressRefuseItForAWhileButNotOtherAddresses() throws Exception {
        String address = "10.30.0." + SEQUENCE.incrementAndGet();
        for (int i = 0; i < SignInThrottle.ADDRESS_FAILURES; i++) {
            mvc.perform(get("/api/v1/me").with(httpBasic("nobody-" + i + "-" + address, "guess")).with(from(address)))
                    .andExpect(status().isUnauthorized());
        }

        mvc.perform(get("/api/v1/me").with(httpBasic("sales3", "demo1234")).with(from(address)))
                .andExpect(status().isTooManyRequests())
                .andExpect(header().string("Retry-After", String.valueOf(SignInThrottle.WINDOW.toSeconds())));
        mvc.perform(get("/api/v1/me").with(httpBasic("sales3", "demo1234")).with(from("10.31.0.1")))
                .andExpect(status().isOk());
        assertThat(new SignInThrottle(jdbc, Clock.offset(clock, SignInThrottle.WINDOW)).retryAfter("sales3", address))
                .as("the window passes").isEmpty();
    }

    @Test
    void failuresUnderTheVariantsOfAUsernameCountAsFailuresOfThatUsername() throws Exception {
        String username = enrol();
        String address = "10.40.0." + SEQUENCE.incrementAndGet();
        for (String variant : new String[] {username.toUpperCase(), " " + username, "\t" + username,
                Character.toUpperCase(username.charAt(0)) + username.substring(1), username + " "}) {
            signIn(variant, "wrong-password", address).andExpect(redirectedUrl("/login?error"));
        }

        signIn(username.toUpperCase(), "right-password-1", address).andExpect(redirectedUrl("/login?throttled=30"));
        signIn(" " + username, "right-password-1", address).andExpect(redirectedUrl("/login?throttled=30"));
        mvc.perform(get("/api/v1/me").with(httpBasic(username, "right-password-1")).with(from(address)))
                .andExpect(status().isTooManyRequests());
    }

    @Test
    void anAddressNamedInXForwardedForIsBelievedOnlyFromATrustedProxy() throws Exception {
        String spoofer = "127.0.0.2";
        for (int i = 0; i < SignInThrottle.ADDRESS_FAILURES; i++) {
            assertThat(basicFrom(spoofer, "10.50." + i + "." + SEQUENCE.incrementAndGet(),
                    "spoofer-" + i + "-" + System.nanoTime() % 100_000)).isEqualTo(401);
        }
        assertThat(basicFrom(spoofer, "10.51.0.1", "sales3")).as("the peer's own address is counted, whatever it "
                + "says it forwards for").isEqualTo(429);

        String client = "203.0.113." + SEQUENCE.incrementAndGet();
        String username = "forwarded-" + System.nanoTime() % 1_000_000;
        assertThat(basicFrom("127.0.0.1", client, username)).isEqualTo(401);
        assertThat(jdbc.queryForObject("select address from sign_in_failure where username = ?", String.class,
                username)).as("loopback is the trusted proxy by default").isEqualTo(client);
    }

    /** A wrong password over HTTP Basic on a real connection from {@code peer}, saying it forwards for another. */
    private int basicFrom(String peer, String forwardedFor, String username) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port, InetAddress.getByName(peer), 0)) {
            String credentials = Base64.getEncoder().encodeToString((username + ":guess")
                    .getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/v1/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nX-Forwarded-For: " + forwardedFor + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String statusLine = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(statusLine.substring(9, 12));
        }
    }

    private ResultActions signIn(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").with(csrf()).with(from(address)).param("username", username)
                .param("password", password));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private String enrol() throws Exception {
        String username = "throttled-" + SEQUENCE.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        mvc.perform(post("/admin/users").with(SignedIn.as(accounts, "admin1")).with(csrf())
                .param("username", username).param("displayName", username).param("password", "right-password-1")
                .param("roles", "SALES"));
        return username;
    }
}
