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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The packaged jar started on a fresh data directory until a demo sign-in works, against its floor: the same jar
 * restarted on the data it has just made. Measured three times: as {@code java -jar} and extracted with a class data
 * sharing archive (both shown), and as the README runs it fastest on the embedded database, extracted with the
 * archive and its context prepared ahead of time (held to the target).
 */
public final class ColdStart {

    private static final Duration LIMIT = Duration.ofMinutes(3);

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public void run(Path jar, BenchReport report) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory(Path.of("target"), "bench-start-");
        int port = freePort();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> plain = List.of(java, "-jar", jar.toString());
        double fresh = startStop(plain, work.resolve("plain"), port, "fresh.log");
        double restart = startStop(plain, work.resolve("plain"), port, "restart.log");
        report.add(Figure.shown("cold start, plain java -jar, fresh data directory", "s", fresh, restart));

        List<String> shared = classDataSharing(java, jar, work.resolve("cds"), List.of());
        fresh = startStop(shared, work.resolve("cds-data"), port, "fresh.log");
        restart = startStop(shared, work.resolve("cds-data"), port, "restart.log");
        report.add(Figure.shown("cold start, class data sharing, fresh data directory", "s", fresh, restart));

        List<String> ahead = classDataSharing(java, jar, work.resolve("aot"), List.of("-Dspring.aot.enabled=true"));
        fresh = startStop(ahead, work.resolve("aot-data"), port, "fresh.log");
        restart = startStop(ahead, work.resolve("aot-data"), port, "restart.log");
        report.add(Figure.atMost("cold start to a working sign-in, fresh data directory", "s", fresh, restart, 15.0));
    }

    /**
     * The jar as the README says to run it faster: extracted by Spring Boot's tools jar mode, with a class data
     * sharing archive made by a training run (with the same {@code options}) that stops once the context is
     * refreshed. Returns its command.
     */
    private static List<String> classDataSharing(String java, Path jar, Path directory, List<String> options)
            throws IOException, InterruptedException {
        Files.createDirectories(directory);
        await(new ProcessBuilder(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                directory.resolve("app").toString()), directory.resolve("extract.log"));
        Path extracted = directory.resolve("app").resolve(jar.getFileName());
        Path archive = directory.resolve("application.jsa");
        List<String> training = new ArrayList<>(List.of(java, "-XX:ArchiveClassesAtExit=" + archive,
                "-Dspring.context.exit=onRefresh"));
        training.addAll(options);
        training.addAll(List.of("-jar", extracted.toString(), "--server.port=0",
                "--bonusdesk.data-dir=" + directory.resolve("training-data")));
        await(new ProcessBuilder(training), directory.resolve("training.log"));
        stopDatabaseOf(directory.resolve("training-data"));
        List<String> command = new ArrayList<>(List.of(java, "-XX:SharedArchiveFile=" + archive));
        command.addAll(options);
        command.addAll(List.of("-jar", extracted.toString()));
        return command;
    }

    /**
     * The training run exits as soon as its context is refreshed, leaving its embedded PostgreSQL running: stopped
     * (a smart shutdown: it has no clients left), so that it takes nothing from the starts measured after it.
     */
    private static void stopDatabaseOf(Path data) throws IOException {
        Path pid = data.resolve("postgres").resolve("postmaster.pid");
        if (Files.exists(pid)) {
            ProcessHandle.of(Long.parseLong(Files.readAllLines(pid).get(0).strip())).ifPresent(postmaster -> {
                postmaster.destroy();
                postmaster.onExit().orTimeout(LIMIT.toSeconds(), TimeUnit.SECONDS).join();
            });
        }
    }

    private static void await(ProcessBuilder command, Path log) throws IOException, InterruptedException {
        Process process = command.redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(LIMIT.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("Preparing the class data sharing archive failed; see " + log);
        }
    }

    /** Seconds from launch to the first {@code 200} of a signed-in request; then stops the app gracefully. */
    private double startStop(List<String> command, Path data, int port, String log)
            throws IOException, InterruptedException {
        Files.createDirectories(data);
        long started = System.nanoTime();
        List<String> arguments = new ArrayList<>(command);
        arguments.add("--server.port=" + port);
        arguments.add("--bonusdesk.data-dir=" + data.toAbsolutePath());
        Process app = new ProcessBuilder(arguments).redirectErrorStream(true)
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
