package com.bonusdesk.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import lombok.extern.slf4j.Slf4j;

/**
 * A PostgreSQL server whose files live in a directory that outlives the process, so that data survives
 * restarts. The zonky binaries come from Maven and run as root too, which a system PostgreSQL refuses.
 */
@Slf4j
public final class EmbeddedDatabase implements AutoCloseable {

    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedDatabase start(Path dataDir) {
        Path directory = dataDir.toAbsolutePath().normalize().resolve("postgres");
        try {
            Files.createDirectories(directory.getParent());
            stopLeftoverServer(directory);
            log.info("Starting the embedded PostgreSQL with its data in {}", directory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    // zonky turns this off for speed; an application keeping real data wants it on
                    .setServerConfig("synchronous_commit", "on")
                    .setRegisterShutdownHook(false)
                    .start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL could not start in " + directory, e);
        }
    }

    /**
     * A server left running by a process that was killed (not stopped) still holds the data directory and
     * would keep the app from starting; it has no clients left, so it is asked to shut down.
     */
    static void stopLeftoverServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.isEmpty() || !lines.get(0).strip().matches("\\d+")) {
            return;
        }
        Optional<ProcessHandle> leftover = ProcessHandle.of(Long.parseLong(lines.get(0).strip()))
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info().command().map(command -> command.endsWith("postgres")).orElse(false));
        if (leftover.isPresent()) {
            log.warn("Stopping the PostgreSQL server (pid {}) left running in {}", leftover.get().pid(), directory);
            leftover.get().destroy();
            try {
                leftover.get().onExit().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("Interrupted while waiting for the old PostgreSQL server to stop", e);
            } catch (ExecutionException | TimeoutException e) {
                throw new IOException("The PostgreSQL server left running in " + directory + " did not stop", e);
            }
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    public String username() {
        return USER;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
