package com.bonusdesk.web;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;

import com.bonusdesk.refusal.Refusal;

/**
 * How the API introduces itself at {@code /v3/api-docs}: its name, that it takes a personal API token or HTTP Basic
 * credentials, and
 * for every operation the problems it can answer with, each an RFC 9457 problem of one schema.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    private static final String PROBLEM = "Problem";

    @Bean
    OpenAPI bonusDeskApi() {
        return new OpenAPI()
                .info(new Info().title("Bonus Desk API").version("v1")
                        .description("Claims, referrals, collections, payout runs, bonus lines and the what-if "
                                + "estimator. Every refusal is RFC 9457 problem JSON in the language of "
                                + "Accept-Language: 400 malformed input (errors: [{field, message}]), 401 no or wrong "
                                + "credentials, 403 not permitted (the role does not take this step, or the caller "
                                + "sees the thing but may not do this to it), 404 not found or not the caller's to "
                                + "see, 409 its state forbids the step, 415 a body that is not JSON, 422 the rules "
                                + "refuse it (reasons: [{code, message}]), 429 too many failed sign-ins (Retry-After), "
                                + "503 still starting or the database out of reach (Retry-After). Programs send a "
                                + "personal API token (Authorization: Bearer bdk_...); HTTP Basic checks a password "
                                + "hash on every call and is meant for trying the API by hand."))
                .components(new Components()
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").description("A personal API token from /me/tokens"))
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSchemas(PROBLEM, problemSchema()))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }

    /** Lists each operation's refusals: the ones every operation has, and those it declares with {@link MayRefuse}. */
    @Bean
    OperationCustomizer problemResponses() {
        return (operation, handler) -> {
            Map<String, String> answers = new LinkedHashMap<>();
            answers.put("400", "Malformed input: each field in errors");
            answers.put("401", "No credentials, or wrong ones");
            answers.put("403", "Not permitted: the role does not take this step, or the caller may not do this to it");
            answers.put("429", "Too many failed sign-ins for the username or from the address: wait Retry-After seconds");
            boolean identified = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(PathVariable.class));
            if (identified) {
                answers.put("404", "Not found, or not the caller's to see");
            }
            MayRefuse declared = handler.getMethodAnnotation(MayRefuse.class);
            if (declared != null) {
                for (Class<? extends Refusal> kind : declared.value()) {
                    if (kind == Refusal.WrongState.class) {
                        answers.put("409", "Its state forbids this step");
                    } else if (kind == Refusal.NotEligible.class) {
                        answers.put("422", "The rules refuse it: each reason in reasons");
                    }
                }
            }
            boolean withBody = Arrays.stream(handler.getMethodParameters())
                    .anyMatch(parameter -> parameter.hasParameterAnnotation(RequestBody.class));
            if (withBody) {
                answers.put("415", "The body is not application/json");
            }
            answers.forEach((status, description) -> operation.getResponses().addApiResponse(status,
                    new ApiResponse().description(description).content(new Content().addMediaType(
                            "application/problem+json", new MediaType().schema(new Schema<>().$ref(PROBLEM))))));
            return operation;
        };
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema())
                .addProperty("message", new StringSchema());
        Schema<?> reason = new ObjectSchema()
                .addProperty("code", new StringSchema())
                .addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details, in the language of Accept-Language")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new ArraySchema().items(fieldError)
                        .description("400: each invalid field and what is wrong with it"))
                .addProperty("reasons", new ArraySchema().items(reason)
                        .description("422: each reason the rules refuse it, with a stable code"));
    }
}
