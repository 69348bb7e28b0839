package com.bonusdesk.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Tests run on a real PostgreSQL: a Testcontainers container when a Docker engine answers, otherwise the
 * same embedded PostgreSQL the application uses (its auto-configuration steps in when no connection
 * details are defined here).
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDatabaseConfiguration {

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
