package com.bonusdesk.support;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

import com.bonusdesk.BonusDeskApplication;

/**
 * Another instance of the application on the test's database, as a second server behind a load balancer would run:
 * its own port, its own memory, the production executors and clock, and no demo seeding (the data is there).
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** The instance, with {@code settings} ({@code name=value}) besides those it takes from the test's. */
    public static ConfigurableApplicationContext on(DataSource dataSource, String... settings) {
        HikariDataSource database = (HikariDataSource) dataSource;
        return new SpringApplicationBuilder(BonusDeskApplication.class)
                .properties("server.port=0", "spring.datasource.url=" + database.getJdbcUrl(),
                        "spring.datasource.username=" + database.getUsername(),
                        "spring.datasource.password=" + database.getPassword(), "bonusdesk.demo=false",
                        "spring.main.banner-mode=off")
                .properties(settings)
                .run();
    }

    public static int portOf(ConfigurableApplicationContext instance) {
        return instance.getBean(Environment.class).getRequiredProperty("local.server.port", Integer.class);
    }
}
