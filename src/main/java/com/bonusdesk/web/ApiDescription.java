package com.bonusdesk.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the API introduces itself at {@code /v3/api-docs}: its name, and that it takes HTTP Basic credentials. */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI bonusDeskApi() {
        return new OpenAPI()
                .info(new Info().title("Bonus Desk API").version("v1")
                        .description("Claims, collections, bonus lines and the what-if estimator. Errors are RFC 9457 "
                                + "problem JSON in the language of Accept-Language."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
