package com.bonusdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class BonusDeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(BonusDeskApplication.class, args);
    }
}
