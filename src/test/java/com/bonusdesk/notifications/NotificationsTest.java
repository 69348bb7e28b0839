package com.bonusdesk.notifications;

import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.support.TestDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Notifications on real PostgreSQL, mailed to a real SMTP server (GreenMail, at the port the test profile names)
 * and posted to a local HTTP server standing in for a group robot: who is told what, in which language, by which
 * channel; nothing told for a transaction that rolled back; a failing server retried, never sent twice.
 */
@IntegrationTest
class NotificationsTest {

    /** The SMTP port of {@code application-test.properties}. */
    private static final int SMTP_PORT = 3925;

    private static final AtomicInteger SEQUENCE = new AtomicInteger(71000);

    private static GreenMail smtp;

    @Autowired
    ClaimService claims;

    @Autowired
    PersonService people;

    @Autowired
    Notifications notifications;

    @Autowired
    Deliveries deliveries;

    @Autowired
    Digests digests;

    @Autowired
    TeamWebhooks webhooks;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcTemplate jdbc;

    @BeforeAll
    static void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @AfterEach
    void smtpRunsAgain() throws Exception {
        if (!smtp.isRunning()) {
            startSmtp();
        }
        smtp.purgeEmailFromAllMailboxes();
    }

    @Test
    void theManagerIsToldOfAWaitingClaimAndTheSalespersonOfItsDecision() throws Exception {
        Team team = team("en", "zh-CN");
        Claim claim = submit(team.salesperson());

        mvc.perform(get("/api/v1/me/notifications").param("unread", "true").header("Accept-Language", "en")
                        .with(SignedIn.as(accounts, team.managerName())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].kind").value("WAITING"))
                .andExpect(jsonPath("$[0].text").value("New-client claim #" + claim.getId()
                        + " waits for your decision."))
                .andExpect(jsonPath("$[0].link").value("/claims/" + claim.getId()))
                .andExpect(jsonPath("$[0].read").value(false));
        mvc.perform(get("/").with(SignedIn.as(accounts, team.managerName())))
                .andExpect(content().string(containsString("id=\"unread-count\">1<")));

        claims.decide(claim.getId(), team.manager(), false, "订单号重复", team.managerName());

        mvc.perform(get("/api/v1/me/notifications").header("Accept-Language", "zh-CN")
                        .with(SignedIn.as(accounts, team.salespersonName())))
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].kind").value("DECIDED"))
                .andExpect(jsonPath("$[0].text").value("您的新客户奖励申请 #" + claim.getId() + " 被 "
                        + team.managerName() + " 驳回：订单号重复"));
        deliverAll();
        MimeMessage mail = onlyMailTo(team.salespersonEmail());
        assertThat(mail.getSubject()).isEqualTo("【奖金台】您的新客户奖励申请 #" + claim.getId() + " 被 "
                + team.managerName() + " 驳回：订单号重复");
        assertThat(text(mail)).contains("/claims/" + claim.getId());
        assertThat(mailsTo(team.managerEmail())).as("waiting items are mailed in the digest, not one by one")
                .isEmpty();
    }

    @Test
    void aNotificationIsReadOnceOpenedAndOnlyByItsOwner() throws Exception {
        Team team = team("en", "en");
        Claim claim = submit(team.salesperson());
        long id = jdbc.queryForObject("select id from notification where person_id = ? order by id desc limit 1",
                Long.class, team.manager());

        mvc.perform(post("/api/v1/me/notifications/{id}/read", id).with(csrf())
                        .with(SignedIn.as(accounts, team.salespersonName())))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        mvc.perform(get("/notifications/{id}", id).with(SignedIn.as(accounts, team.managerName())))
                .andExpect(redirectedUrl("/claims/" + claim.getId()));

        assertThat(notifications.unread(team.manager())).isZero();
        mvc.perform(post("/api/v1/me/notifications/{id}/read", id).with(csrf())
                        .with(SignedIn.as(accounts, team.managerName())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me/notifications").param("unread", "true")
                        .with(SignedIn.as(accounts, team.managerName())))
                .andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void nothingIsToldForATransactionThatRolledBack() {
        Team team = team("en", "en");
        long before = count("notification") + count("outgoing_message");

        transactions.executeWithoutResult(status -> {
            notifications.tell(List.of(team.salesperson()), NotificationKind.PAID, "/bonus", "notification.paid",
                    List.of("2026-W24", "1,000.00"));
            status.setRollbackOnly();
        });

        assertThat(count("notification") + count("outgoing_message")).isEqualTo(before);
    }

    @Test
    void whatAPersonTurnedOffDoesNotReachThem() throws Exception {
        Team team = team("en", "en");
        mvc.perform(post("/notifications/settings").with(csrf()).with(SignedIn.as(accounts, team.salespersonName()))
                        .param("email", team.salespersonEmail()).param("language", "en")
                        .param("on", "DECIDED:IN_APP"))
                .andExpect(redirectedUrl("/notifications/settings"));
        Claim claim = submit(team.salesperson());

        claims.decide(claim.getId(), team.manager(), true, null, team.managerName());

        assertThat(notifications.unread(team.salesperson())).isEqualTo(1);
        deliverAll();
        assertThat(mailsTo(team.salespersonEmail())).as("mail of decisions turned off").isEmpty();
        assertThat(count("outgoing_message where person_id = " + team.salesperson())).isZero();
    }

    @Test
    void aMailRefusedBySmtpIsRetriedAndSentOnce() throws Exception {
        Team team = team("en", "en");
        Claim claim = submit(team.salesperson());
        smtp.stop();
        claims.decide(claim.getId(), team.manager(), true, null, team.managerName());

        deliverAll();
        Map<String, Object> failed = jdbc.queryForMap("select attempts, last_error, next_attempt_at > ? as later,"
                + " sent_at from outgoing_message where recipient = ?", Timestamp.from(
                TestDatabaseConfiguration.NOW), team.salespersonEmail());
        assertThat(failed).containsEntry("attempts", 1).containsEntry("later", true).containsEntry("sent_at", null);
        assertThat((String) failed.get("last_error")).isNotBlank();
        deliverAll();
        assertThat(jdbc.queryForObject("select attempts from outgoing_message where recipient = ?", Integer.class,
                team.salespersonEmail())).as("not due again before its wait").isEqualTo(1);

        startSmtp();
        jdbc.update("update outgoing_message set next_attempt_at = ? where recipient = ?",
                Timestamp.from(TestDatabaseConfiguration.NOW), team.salespersonEmail());
        deliverAll();
        deliverAll();

        assertThat(mailsTo(team.salespersonEmail())).singleElement()
                .satisfies(mail -> assertThat(mail.getSubject()).startsWith("[Bonus Desk] Your new-client claim #"));
        assertThat(jdbc.queryForObject("select attempts from outgoing_message where recipient = ?", Integer.class,
                team.salespersonEmail())).isEqualTo(2);
    }

    @Test
    void theDailyDigestMailsEachApproverOnceWithTheirQueues() throws Exception {
        Team team = team("zh-CN", "en");
        submit(team.salesperson());
        submit(team.salesperson());
        LocalDate day = LocalDate.of(2026, 6, 15);

        digests.send(day);
        digests.send(day);
        deliverAll();

        assertThat(mailsTo(team.managerEmail())).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("【奖金台】您有 2 项待审批");
            assertThat(text(mail)).contains("新客户奖励申请：2 项").contains("/approvals");
        });
    }

    @Test
    void aTeamRobotGetsTheDigestAndIsRetriedAfterAFailure() throws Exception {
        Team team = team("zh-CN", "zh-CN");
        submit(team.salesperson());
        List<String> posts = new CopyOnWriteArrayList<>();
        AtomicInteger answers = new AtomicInteger();
        HttpServer robot = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        robot.createContext("/cgi-bin/webhook/send", exchange -> {
            posts.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] answer = (answers.getAndIncrement() == 0 ? "{\"errcode\":45009,\"errmsg\":\"busy\"}"
                    : "{\"errcode\":0,\"errmsg\":\"ok\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        robot.start();
        try {
            TeamWebhook webhook = webhooks.set(team.manager(), TeamWebhook.Service.WECOM, "http://localhost:"
                    + robot.getAddress().getPort() + "/cgi-bin/webhook/send?key=abcdef0123456789", "admin1");
            assertThat(webhook.shownUrl()).endsWith("key=••••6789").doesNotContain("abcdef012345");

            digests.send(LocalDate.of(2026, 6, 16));
            deliverAll();
            jdbc.update("update outgoing_message set next_attempt_at = ? where webhook_id = ? and sent_at is null",
                    Timestamp.from(TestDatabaseConfiguration.NOW), webhook.id());
            deliverAll();

            assertThat(posts).hasSize(2).allSatisfy(post -> assertThat(post).contains("\"msgtype\":\"markdown\"")
                    .contains("新客户奖励申请：1 项"));
            assertThat(jdbc.queryForObject("select count(*) from outgoing_message where webhook_id = ?"
                    + " and sent_at is not null", Integer.class, webhook.id())).isEqualTo(1);
        } finally {
            robot.stop(0);
        }
    }

    @Test
    void aRobotUrlThatIsNotTheServicesIsRefused() throws Exception {
        Team team = team("en", "en");

        mvc.perform(post("/admin/notifications/webhooks").with(csrf()).with(SignedIn.as(accounts, "admin1"))
                        .header("Referer", "/admin/notifications")
                        .param("managerId", String.valueOf(team.manager())).param("service", "DINGTALK")
                        .param("url", "https://evil.example.com/robot/send?access_token=abcdef0123456789"))
                .andExpect(redirectedUrl("/admin/notifications"))
                .andExpect(flash().attribute("failure", "webhook.url.invalid"));
        assertThat(webhooks.all()).noneMatch(webhook -> webhook.managerId() == team.manager());
        mvc.perform(get("/admin/notifications").with(SignedIn.as(accounts, team.managerName())))
                .andExpect(status().isForbidden());
    }

    /** A manager and a salesperson reporting to them, each with an address and a language of mail. */
    private Team team(String managerLanguage, String salespersonLanguage) {
        int n = SEQUENCE.incrementAndGet();
        String manager = "notify-manager-" + n;
        String salesperson = "notify-sales-" + n;
        long managerId = enrol(manager, "MANAGER", null, managerLanguage);
        long salespersonId = enrol(salesperson, "SALES", managerId, salespersonLanguage);
        return new Team(managerId, manager, salespersonId, salesperson);
    }

    private long enrol(String username, String role, Long managerId, String language) {
        try {
            var request = post("/admin/users").with(SignedIn.as(accounts, "admin1")).with(csrf())
                    .param("username", username).param("displayName", username).param("password", "password-1")
                    .param("employeeNumber", "N" + SEQUENCE.incrementAndGet()).param("roles", role)
                    .param("email", username + "@example.com").param("language", language);
            if (managerId != null) {
                request.param("managerId", String.valueOf(managerId));
            }
            mvc.perform(request).andExpect(status().is3xxRedirection());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return people.findByUsername(username).orElseThrow().getId();
    }

    private Claim submit(long salesperson) {
        String username = people.find(salesperson).orElseThrow().getUsername();
        return claims.submit(new ClaimFacts(ClientCodes.fresh(), "通知测试公司", "NOTIFY-" + SEQUENCE.incrementAndGet(),
                LocalDate.of(2026, 6, 10), new BigDecimal("12000.00"), 12, false, false, null), salesperson, username)
                .orRefuse();
    }

    private int deliverAll() {
        int tried = 0;
        for (int batch = deliveries.deliverBatch(); batch > 0; batch = deliveries.deliverBatch()) {
            tried += batch;
        }
        return tried;
    }

    private List<MimeMessage> mailsTo(String address) throws Exception {
        List<MimeMessage> mails = new ArrayList<>();
        for (MimeMessage mail : smtp.getReceivedMessages()) {
            if (List.of(mail.getAllRecipients()).stream().anyMatch(to -> to.toString().equals(address))) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private MimeMessage onlyMailTo(String address) throws Exception {
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(1);
        return mails.get(0);
    }

    /** A plain-text mail's body, decoded. */
    private static String text(MimeMessage mail) {
        try {
            return (String) mail.getContent();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Long.class);
    }

    private record Team(long manager, String managerName, long salesperson, String salespersonName) {

        String managerEmail() {
            return managerName + "@example.com";
        }

        String salespersonEmail() {
            return salespersonName + "@example.com";
        }
    }
}
