package com.bonusdesk;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import lombok.extern.slf4j.Slf4j;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's activity (claims and collections of the last weeks, key accounts, a dealer) is seeded once the
 * application is ready, in the background and in order: a demo sign-in works as soon as the accounts exist, and
 * the activity fills in seconds later. A cold start on a fresh data directory waits for none of it.
 */
@Slf4j
@Component
public class DemoActivitySeeding {

    /** One module's part of the demo activity; parts run in their {@code @Order}, each skipping itself if seeded. */
    public interface Seeder {

        void seed();
    }

    /** The longest a shutdown waits for the seeding; it takes seconds. */
    private static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(1);

    private final DemoMode demoMode;
    private final ObjectProvider<Seeder> seeders;
    private final CompletableFuture<Void> seeded = new CompletableFuture<>();
    private volatile boolean started;

    DemoActivitySeeding(DemoMode demoMode, ObjectProvider<Seeder> seeders) {
        this.demoMode = demoMode;
        this.seeders = seeders;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seedInTheBackground() {
        if (!demoMode.hasActivity()) {
            seeded.complete(null);
            return;
        }
        List<Seeder> ordered = seeders.orderedStream().toList();
        Thread seeding = new Thread(() -> {
            try {
                ordered.forEach(Seeder::seed);
                seeded.complete(null);
            } catch (RuntimeException e) {
                log.error("Demo mode: the demo activity could not be seeded", e);
                seeded.completeExceptionally(e);
            }
        }, "demo-activity");
        seeding.setDaemon(true);
        started = true;
        seeding.start();
    }

    /**
     * A shutdown waits for the seeding to end, so that it never leaves half a demo behind (each part is seeded only
     * into a database without it, so a part cut short would stay short). The beans it uses close after this one.
     */
    @PreDestroy
    void letTheSeedingFinish() throws InterruptedException {
        if (!started) {
            return;
        }
        try {
            seeded.get(SHUTDOWN_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Demo mode: shutting down before the demo activity was seeded: {}", e.toString());
        }
    }

    /** Waits, at most {@code limit}, until the demo activity is seeded (at once if there is none to seed). */
    public void awaitSeeded(Duration limit) throws InterruptedException, ExecutionException, TimeoutException {
        seeded.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    }
}
