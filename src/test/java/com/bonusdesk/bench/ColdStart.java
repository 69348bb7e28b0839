package com.bonusdesk.bench;

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
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The packaged jar started on a fresh data directory until a demo sign-in works, against its floor: the same jar
 * restarted on the data it has just made.
 */
public final class ColdStart {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public void run(Path jar, BenchReport report) throws IOException, InterruptedException {
        Path data = Files.createTempDirectory(Path.of("target"), "bench-start-");
        int port = freePort();
        double fresh = startStop(jar, data, port, "fresh.log");
        double restart = startStop(jar, data, port, "restart.log");
        report.add(Figure.atMost("cold start to a working sign-in, fresh data directory", "s", fresh, restart, 15.0));
    }

    /** Seconds from launch to the first {@code 200} of a signed-in request; then stops the app gracefully. */
    private double startStop(Path jar, Path data, int port, String log) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        long started = System.nanoTime();
        Process app = new ProcessBuilder(java, "-jar", jar.toString(), "--server.port=" + port,
                "--bonusdesk.data-dir=" + data.toAbsolutePath()).redirectErrorStream(true)
                .redirectOutput(data.resolve(log).toFile()).start();
        try {
            HttpRequest me = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/me"))
                    .timeout(Duration.ofSeconds(30)).header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString("sales1:demo1234".getBytes(StandardCharsets.UTF_8))).GET().build();
            long deadline = started + LIMIT.toNanos();
            while (System.nanoTime() < deadline) {
                if (!app.isAlive()) {
                    throw new IllegalStateException("The application stopped; see " + data.resolve(log));
                }
                try {
                    if (client.send(me, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return (System.nanoTime() - started) / 1e9;
                    }
                } catch (ConnectException e) {
                    LockSupport.parkNanos(Duration.ofMillis(10).toNanos());
                }
            }
            throw new IllegalStateException("No working sign-in within " + LIMIT);
        } finally {
            app.destroy();
            if (!app.waitFor(60, TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
