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
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.bonusdesk.support.ClientCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged application as operators run it, in a process of its own on a fresh data directory: a sign-in at
 * the first moment the port answers is never told its password is wrong; claims submitted from several threads
 * while the process is killed with SIGKILL are all there after a restart, each whole.
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

        app = start(data, port, "first.log");
        List<Integer> answers = untilSignedIn(port);
        assertThat(answers).as("answers before the app was ready").doesNotContain(401).allMatch(Set.of(503, 200)::contains);

        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicBoolean killed = new AtomicBoolean();
        CountDownLatch enough = new CountDownLatch(20);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            load.submit(() -> {
                while (!killed.get()) {
                    try {
                        HttpResponse<String> submitted = submitClaim(port);
                        if (submitted.statusCode() == 201) {
                            acknowledged.add(submitted.headers().firstValue("Location").orElseThrow());
                            enough.countDown();
                        }
                    } catch (IOException e) {
                        return;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            });
        }
        assertThat(enough.await(START.toSeconds(), TimeUnit.SECONDS)).as("claims were accepted").isTrue();
        app.destroyForcibly();
        killed.set(true);
        app.waitFor(30, TimeUnit.SECONDS);
        load.shutdown();
        assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

        app = start(data, port, "second.log");
        untilSignedIn(port);
        for (String claim : acknowledged) {
            HttpResponse<String> read = get(port, claim);
            assertThat(read.statusCode()).as(claim + " acknowledged before the kill").isEqualTo(200);
            assertThat(read.body()).as("whole: its approval chain was written with it").contains("\"approvals\":[{");
        }
    }

    private Process start(Path data, int port, String log) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        return new ProcessBuilder(java, "-jar", System.getProperty("bonusdesk.jar"), "--server.port=" + port,
                "--bonusdesk.data-dir=" + data.toAbsolutePath(), "--bonusdesk.demo-activity=false")
                .redirectErrorStream(true).redirectOutput(data.resolve(log).toFile()).start();
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
        return client.send(request(port, "/api/v1/claims").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return client.send(request(port, path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder request(int port, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString("sales1:demo1234".getBytes(StandardCharsets.UTF_8)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
