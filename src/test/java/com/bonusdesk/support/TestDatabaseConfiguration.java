package com.bonusdesk.support;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.springframework.boot.batch.autoconfigure.BatchTaskExecutor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Primary;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Tests run at a fixed moment, on a real PostgreSQL: a Testcontainers container when a Docker engine answers, otherwise the
 * same embedded PostgreSQL the application uses (its auto-configuration steps in when no connection
 * details are defined here).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

    /** Tests live on 15 June 2026, 10:00 in Shanghai, whatever the machine's clock says. */
    public static final Instant NOW = Instant.parse("2026-06-15T02:00:00Z");

    @Bean
    @Primary
    Clock testClock() {
        return Clock.fixed(NOW, ZoneId.of("Asia/Shanghai"));
    }

    /** Payout runs are built in the calling thread, so that a test sees the finished run without waiting. */
    @Bean
    @Primary
    @BatchTaskExecutor
    TaskExecutor buildInTheCallingThread() {
        return new SyncTaskExecutor();
    }

    @Bean
    @ServiceConnection
    @Conditional(DockerIsReachable.class)
    PostgreSQLContainer postgres() {
        return new PostgreSQLContainer("postgres:17-alpine");
    }

    static class DockerIsReachable implements Condition {

        private static final boolean REACHABLE = reachable();

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return REACHABLE;
        }

        private static boolean reachable() {
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException e) {
                return false;
            }
        }
    }
}
