package com.bonusdesk.faults;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.GatherBlocker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application as operators run it, in a process of its own on a fresh data directory: a sign-in at
 * the first moment the port answers is never told its password is wrong; claims submitted from several threads
 * while the process is killed with SIGKILL are all there after a restart, each whole; a payout build killed
 * halfway resumes to the totals of an unbroken build of the same lines. Started with its context prepared ahead of
 * time, it runs the demo and a payout build, and refuses a database setting it was not prepared with.
 */
class CrashRecoveryIT {

    private static final Duration START = Duration.ofMinutes(2);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process app;

    @AfterEach
    void stop() throws InterruptedException {
        if (app != null && app.isAlive()) {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
        }
    }

    @Test
    void aSignInAtTheFirstMomentIsNeverRefusedAndAcknowledgedClaimsSurviveAKill() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "crash-data-");
        int port = freePort();

        app = start(data, port, "first.log", "--bonusdesk.demo-activity=false");
        List<Integer> answers = untilSignedIn(port);
        assertThat(answers).as("answers before the app was ready").doesNotContain(401).allMatch(Set.of(503, 200)::contains);

        ClaimLoad load = new ClaimLoad(port);
        load.awaitAcknowledged(20);
        app.destroyForcibly();
        load.stop();
        app.waitFor(30, TimeUnit.SECONDS);

        app = start(data, port, "second.log", "--bonusdesk.demo-activity=false");
        untilSignedIn(port);
        assertAllThere(port, load.acknowledged());
    }

    @Test
    void aDatabaseRestartUnderLoadIsNotReadyMeanwhileAndLosesNothingAcknowledged() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "crash-database-");
        int port = freePort();
        app = start(data, port, "app.log", "--bonusdesk.demo-activity=false");
        untilSignedIn(port);
        awaitStatus(port, "/actuator/health/readiness", 200);

        ClaimLoad load = new ClaimLoad(port);
        load.awaitAcknowledged(10);
        List<String> server = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid"));
        ProcessHandle postmaster = ProcessHandle.of(Long.parseLong(server.get(0).strip())).orElseThrow();
        List<String> command = new ArrayList<>(List.of(postmaster.info().command().orElseThrow()));
        command.addAll(List.of(postmaster.info().arguments().orElseThrow()));
        // a fast shutdown: sessions are ended at once, as when the database is restarted or fails over
        assertThat(new ProcessBuilder("kill", "-INT", String.valueOf(postmaster.pid())).start().waitFor()).isZero();
        postmaster.onExit().get(30, TimeUnit.SECONDS);

        awaitStatus(port, "/actuator/health/readiness", 503);
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Accept-Language", "zh-CN").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(page.body()).as("in the reader's language").contains("暂时无法连接数据库");
        int refusedBefore = load.refused();
        long deadline = System.nanoTime() + START.toNanos();
        while (load.refused() == refusedBefore) {
            assertThat(System.nanoTime()).as("submissions are told to retry").isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }

        // the bundled server runs in a user namespace of its own, as the application starts it
        command.addAll(0, List.of("unshare", "-U"));
        Process restarted = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(data.resolve("postgres-restarted.log").toFile()).start();
        try {
            awaitStatus(port, "/actuator/health/readiness", 200);
            load.awaitAcknowledged(load.acknowledged().size() + 10);
            load.stop();
            assertThat(load.answers()).as("every answer was a claim saved or a 503 to retry").containsOnly(201, 503);
            assertAllThere(port, load.acknowledged());
        } finally {
            app.destroy();
            app.waitFor(60, TimeUnit.SECONDS);
            if (restarted.isAlive()) {
                new ProcessBuilder("kill", "-INT", String.valueOf(restarted.pid())).start().waitFor();
                restarted.waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aPayoutBuildKilledHalfwayResumesToTheTotalsOfAnUnbrokenBuild() throws Exception {
        Path data = Files.createTempDirectory(Path.of("target"), "crash-build-");
        int port = freePort();
        String smallChunks = "--bonusdesk.payouts.chunk-size=5";
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        String week = "{\"weekOf\": \"" + today + "\"}";

        app = start(data, port, "first.log", smallChunks);
        untilSignedIn(port);
        awaitInLog(data.resolve("first.log"), "Demo mode: dealer 1 with three closed months seeded");
        long killed;
        try (Connection database = connect(data)) {
            List<Long> due = longs(database, "select id from earned_line where due_on <= ? order by id",
                    today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY)));
            assertThat(due).as("the demo week has lines to pay").hasSizeGreaterThan(20);
            try (GatherBlocker blocker = GatherBlocker.at(connect(data), due.get(due.size() / 2))) {
                killed = startedRun(post(port, "finance1", "/api/v1/payout-runs", week));
                blocker.awaitBuildWaiting(START);
                assertThat(longs(database, "select lines_done from payout_run where id = ?", killed).get(0))
                        .as("chunks committed before the kill").isPositive();
                app.destroyForcibly();
                app.waitFor(30, TimeUnit.SECONDS);
            }
        }

        app = start(data, port, "second.log", smallChunks);
        untilSignedIn(port);
        assertThat(post(port, "finance1", "/api/v1/payout-runs/" + killed + "/resumption", "{}").statusCode())
                .isEqualTo(202);
        try (Connection database = connect(data)) {
            awaitBuilt(database, killed);
            assertThat(post(port, "director1", "/api/v1/payout-runs/" + killed + "/decision",
                    "{\"decision\": \"REJECT\", \"reason\": \"对照重建\"}").statusCode()).isEqualTo(200);
            long unbroken = startedRun(post(port, "finance1", "/api/v1/payout-runs", week));
            awaitBuilt(database, unbroken);

            String totals = "select line_count, payee_count, carried_count, total from payout_run where id = ?";
            assertThat(rows(database, totals, killed)).isEqualTo(rows(database, totals, unbroken));
            String perPayee = "select payee_id, rule, amount, line_count, carried_forward from payout_total "
                    + "where run_id = ? order by payee_id, rule";
            assertThat(rows(database, perPayee, killed)).isEqualTo(rows(database, perPayee, unbroken)).isNotEmpty();
            String lines = "select line_id from payout_item where run_id = ? order by line_id";
            assertThat(rows(database, lines, killed)).as("the same lines, each once")
                    .isEqualTo(rows(database, lines, unbroken)).doesNotHaveDuplicates();
        }
    }

    /** Claims submitted over the API from four threads, without pause, until stopped. */
    private final class ClaimLoad {

        private final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final ExecutorService threads = Executors.newFixedThreadPool(4);

        ClaimLoad(int port) {
            for (int thread = 0; thread < 4; thread++) {
                threads.submit(() -> {
                    while (!stopped.get()) {
                        try {
                            HttpResponse<String> submitted = submitClaim(port);
                            answers.add(submitted.statusCode());
                            if (submitted.statusCode() == 201) {
                                acknowledged.add(submitted.headers().firstValue("Location").orElseThrow());
                            }
                        } catch (IOException e) {
                            if (stopped.get()) {
                                return;
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                });
            }
        }

        void awaitAcknowledged(int count) {
            long deadline = System.nanoTime() + START.toNanos();
            while (acknowledged.size() < count) {
                assertThat(System.nanoTime()).as("%d claims accepted", count).isLessThan(deadline);
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }

        int refused() {
            return (int) answers.stream().filter(status -> status == 503).count();
        }

        List<String> acknowledged() {
            return List.copyOf(acknowledged);
        }

        List<Integer> answers() {
            return List.copyOf(answers);
        }

        void stop() throws InterruptedException {
            stopped.set(true);
            threads.shutdown();
            assertThat(threads.awaitTermination(60, TimeUnit.SECONDS)).as("the load stops").isTrue();
        }
    }

    @Test
    void theContextPreparedAheadOfTimeRunsTheDemoAndAPayoutBuildAndRefusesASettingItWasNotPreparedWith()
            throws Exception {
        List<String> aheadOfTime = List.of("-Dspring.aot.enabled=true");
        Path data = Files.createTempDirectory(Path.of("target"), "crash-aot-");
        int port = freePort();
        app = start(aheadOfTime, data, port, "aot.log");
        untilSignedIn(port);
        awaitInLog(data.resolve("aot.log"), "Demo mode: dealer 1 with three closed months seeded");
        assertThat(Files.readString(data.resolve("aot.log"))).contains("Starting AOT-processed BonusDeskApplication");
        long run = startedRun(post(port, "finance1", "/api/v1/payout-runs",
                "{\"weekOf\": \"" + LocalDate.now(ZoneId.of("Asia/Shanghai")) + "\"}"));
        try (Connection database = connect(data)) {
            awaitBuilt(database, run);
        }
        app.destroy();
        app.waitFor(60, TimeUnit.SECONDS);

        Path external = Files.createTempDirectory(Path.of("target"), "crash-aot-external-");
        app = start(aheadOfTime, external, freePort(), "external.log",
                "--spring.datasource.url=jdbc:postgresql://localhost:1/none");
        assertThat(app.waitFor(START.toSeconds(), TimeUnit.SECONDS)).as("refused to start").isTrue();
        assertThat(app.exitValue()).isNotZero();
        assertThat(Files.readString(external.resolve("external.log")))
                .contains("spring.datasource.url is set, but the context prepared ahead of time");
    }

    private void assertAllThere(int port, List<String> claims) throws IOException, InterruptedException {
        for (String claim : claims) {
            HttpResponse<String> read = get(port, claim);
            assertThat(read.statusCode()).as(claim + " was acknowledged").isEqualTo(200);
            assertThat(read.body()).as("whole: its approval chain was written with it").contains("\"approvals\":[{");
        }
    }

    private void awaitStatus(int port, String path, int status) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START.toNanos();
        HttpRequest probe = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET().build();
        while (client.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() != status) {
            assertThat(System.nanoTime()).as("%s answers %d", path, status).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    /** The demo's activity is seeded in the background once the app is ready: its last part says when it is done. */
    private static void awaitInLog(Path log, String line) throws IOException {
        long deadline = System.nanoTime() + START.toNanos();
        while (!new String(Files.readAllBytes(log), StandardCharsets.UTF_8).contains(line)) {
            assertThat(System.nanoTime()).as("the log says: " + line).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private Process start(Path data, int port, String log, String... settings) throws IOException {
        return start(List.of(), data, port, log, settings);
    }

    private Process start(List<String> options, Path data, int port, String log, String... settings)
            throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(options);
        command.addAll(List.of("-jar", System.getProperty("bonusdesk.jar"), "--server.port=" + port,
                "--bonusdesk.data-dir=" + data.toAbsolutePath()));
        command.addAll(List.of(settings));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(data.resolve(log).toFile()).start();
    }

    private static long startedRun(HttpResponse<String> started) {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String location = started.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The application's own embedded PostgreSQL, found by the port its server wrote into the data directory. */
    private static Connection connect(Path data) throws IOException, SQLException {
        String port = Files.readAllLines(data.resolve("postgres").resolve("postmaster.pid")).get(3).strip();
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", "");
    }

    private static void awaitBuilt(Connection database, long runId) throws SQLException {
        long deadline = System.nanoTime() + START.toNanos();
        while (!rows(database, "select status from payout_run where id = ?", runId).equals(List.of("DRAFT"))) {
            assertThat(System.nanoTime()).as("run %d is built", runId).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
    }

    private static List<Long> longs(Connection database, String sql, Object parameter) throws SQLException {
        return rows(database, sql, parameter).stream().map(Long::valueOf).toList();
    }

    /** Each row of the query, its columns joined by a tab. */
    private static List<String> rows(Connection database, String sql, Object parameter) throws SQLException {
        try (PreparedStatement query = database.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                List<String> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    StringBuilder row = new StringBuilder();
                    for (int column = 1; column <= columns; column++) {
                        row.append(column > 1 ? "\t" : "").append(result.getString(column));
                    }
                    rows.add(row.toString());
                }
                return rows;
            }
        }
    }

    /** Asks who is signed in until the answer is yes, from the first moment the port answers; returns each answer. */
    private List<Integer> untilSignedIn(int port) throws Exception {
        List<Integer> answers = new ArrayList<>();
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(app.isAlive()).as("the application runs").isTrue();
            try {
                int status = get(port, "/api/v1/me").statusCode();
                answers.add(status);
                if (status == 200) {
                    return answers;
                }
            } catch (ConnectException e) {
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
        }
        throw new AssertionError("Not ready within " + START + "; answers: " + answers);
    }

    private HttpResponse<String> submitClaim(int port) throws IOException, InterruptedException {
        String code = ClientCodes.fresh();
        String body = """
                {"clientCode": "%s", "clientName": "崩溃恢复公司", "orderNumber": "CRASH-%s", "orderDate": "%s",
                 "orderAmount": "800.00", "units": 12, "belowListPrice": false, "packageDeal": false}"""
                .formatted(code, code.substring(10), LocalDate.now().minusDays(3));
        return client.send(request(port, "sales1", "/api/v1/claims").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(request(port, "sales1", path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(int port, String user, String path, String json)
            throws IOException, InterruptedException {
        return client.send(request(port, user, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":demo1234").getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
