package com.bonusdesk.database;

import com.bonusdesk.BonusDeskProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.context.annotation.Bean;

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
    EmbeddedDatabase embeddedDatabase(BonusDeskProperties properties) {
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
