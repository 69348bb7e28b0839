package com.bonusdesk.database;

import com.bonusdesk.BonusDeskProperties;
import org.springframework.aot.AotDetector;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Starts the embedded PostgreSQL unless a database was given, either by {@code spring.datasource.url}
 * (production) or by another source of connection details (a Testcontainers container in tests).
 * Spring Boot then builds its usual connection pool on top.
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class,
        afterName = "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration")
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
@ConditionalOnMissingBean(JdbcConnectionDetails.class)
@EnableConfigurationProperties(BonusDeskProperties.class)
public class EmbeddedDatabaseAutoConfiguration {

    @Bean
    EmbeddedDatabase embeddedDatabase(BonusDeskProperties properties, Environment environment) {
        // prepared ahead of time, the context's conditions were settled at build time, with neither set: a setting
        // that would change which beans exist must not be silently ignored
        for (String setting : new String[] {"spring.datasource.url", "spring.mail.host"}) {
            if (AotDetector.useGeneratedArtifacts() && !environment.getProperty(setting, "").isEmpty()) {
                throw new IllegalStateException(setting + " is set, but the context prepared ahead of time was "
                        + "prepared without it: start without -Dspring.aot.enabled=true");
            }
        }
        return EmbeddedDatabase.start(properties.dataDir());
    }

    @Bean
    JdbcConnectionDetails embeddedDatabaseConnectionDetails(EmbeddedDatabase database) {
        return new JdbcConnectionDetails() {
            @Override
            public String getUsername() {
                return database.username();
            }

            @Override
            public String getPassword() {
                return null;
            }

            @Override
            public String getJdbcUrl() {
                return database.jdbcUrl();
            }
        };
    }
}
