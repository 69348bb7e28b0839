package com.bonusdesk;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of the application: tests replace it to make dates deterministic. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    @Bean
    Clock clock(BonusDeskProperties properties) {
        return Clock.system(properties.zone());
    }
}
