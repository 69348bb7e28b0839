package com.bonusdesk.web;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.security.web.firewall.HttpStatusRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may reach what. The browser signs in with a form and a session; {@code /api/**} is stateless, with a personal
 * API token ({@code Bearer}) or HTTP Basic. Denials go to {@code /error}, which answers with a page or with problem
 * JSON.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    private static final String REALM = "Bonus Desk";

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    /** A request the firewall refuses (an encoded slash, a dot segment) is a 400 on the error page, never a 500. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new HttpStatusRequestRejectedHandler();
    }

    /** The sessions of every instance, as Spring Session keeps them in the database, found by the person's name. */
    @Bean
    SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<? extends Session> sessions) {
        return new SpringSessionBackedSessionRegistry<>(sessions);
    }

    private final ObjectProvider<BearerTokens> tokens;
    private final Problems problems;
    private final LocaleResolver locales;
    private final JsonMapper json;
    private final DatabaseUnreachable outages;

    SecurityConfiguration(ObjectProvider<BearerTokens> tokens, Problems problems, LocaleResolver locales,
            JsonMapper json, DatabaseUnreachable outages) {
        this.tokens = tokens;
        this.problems = problems;
        this.locales = locales;
        this.json = json;
        this.outages = outages;
    }

    /**
     * Wrong credentials are a 401; credentials that could not be checked because the database is out of reach are a
     * 503 to retry, never a "wrong password".
     */
    private AuthenticationEntryPoint basicCredentials() {
        BasicAuthenticationEntryPoint wrong = new BasicAuthenticationEntryPoint();
        wrong.setRealmName(REALM);
        return (request, response, failure) -> {
            if (couldNotCheck(failure)) {
                outages.answer(request, response);
            } else {
                wrong.commence(request, response, failure);
            }
        };
    }

    /** The same for the sign-in form. */
    private AuthenticationFailureHandler signInFailed() {
        SimpleUrlAuthenticationFailureHandler wrong = new SimpleUrlAuthenticationFailureHandler("/login?error");
        return (request, response, failure) -> {
            if (couldNotCheck(failure)) {
                outages.answer(request, response);
            } else {
                wrong.onAuthenticationFailure(request, response, failure);
            }
        };
    }

    private boolean couldNotCheck(AuthenticationException failure) {
        return failure instanceof InternalAuthenticationServiceException && outages.explains(failure);
    }

    /**
     * Spring Security's headers, this server's Content-Security-Policy, and a referrer that tells another site no
     * more than this one's origin (a page's address may hold an id or a search).
     */
    private static void headers(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    /** A filter of the chains that accept tokens, not a bean: as a bean it would run on every request. */
    private BearerTokenFilter bearerTokens() {
        return new BearerTokenFilter(tokens, problems, locales, json);
    }

    /**
     * Health is open to probes and load balancers; every other actuator endpoint is an administrator's (a monitoring
     * system scrapes the metrics with an administrator's read-only token).
     */
    @Bean
    @Order(0)
    SecurityFilterChain operations(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/actuator/**")
                .addFilterBefore(bearerTokens(), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().hasRole("ADMIN"))
                .httpBasic(basic -> basic.authenticationEntryPoint(basicCredentials()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers)
                .build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**")
                .addFilterBefore(bearerTokens(), BasicAuthenticationFilter.class)
                .addFilterAfter(new RequestContext(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                .httpBasic(basic -> basic.authenticationEntryPoint(basicCredentials()))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no session and no cookie: a forged cross-site request carries no credentials to abuse
                .csrf(csrf -> csrf.disable())
                .headers(SecurityConfiguration::headers)
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain web(HttpSecurity http, SessionRegistry sessionRegistry) throws Exception {
        return http
                .addFilterAfter(new RequestContext(), AuthorizationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/login", "/error", "/webjars/**", "/css/**", "/js/**", "/favicon.ico", "/favicon.svg")
                        .permitAll()
                        .requestMatchers("/admin/import/**").hasAnyRole("FINANCE", "ADMIN")
                        .requestMatchers("/admin/**").hasRole("ADMIN")
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").failureHandler(signInFailed()).permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        .sessionConcurrency(concurrency -> concurrency
                                .maximumSessions(-1)
                                .sessionRegistry(sessionRegistry)
                                .expiredUrl("/login?expired")))
                .headers(SecurityConfiguration::headers)
                .csrf(Customizer.withDefaults())
                .build();
    }
}
