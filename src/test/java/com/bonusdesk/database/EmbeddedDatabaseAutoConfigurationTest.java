package com.bonusdesk.database;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class EmbeddedDatabaseAutoConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(EmbeddedDatabaseAutoConfiguration.class));

    @Test
    void aConfiguredDatabaseUrlMeansNoEmbeddedDatabaseStarts() {
        context.withPropertyValues("spring.datasource.url=jdbc:postgresql://db.example:5432/bonusdesk")
                .run(started -> assertThat(started).doesNotHaveBean(EmbeddedDatabase.class));
    }
}
