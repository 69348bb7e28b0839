package com.bonusdesk.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Links on pages are written as the templates say. Spring Boot rewrites every link through the resource chain once
 * the WebJars locator is present, so that versioned resource URLs could be used; none are, and each rewritten link
 * (a claim's, a menu item's) was looked up in every jar on the class path, two thirds of the time a page took to
 * render. WebJars paths without their version are still resolved, when the browser asks for them.
 */
@Configuration(proxyBeanMethods = false)
class PlainLinks {

    @Bean
    FilterRegistrationBean<ResourceUrlEncodingFilter> noResourceUrlRewriting() {
        FilterRegistrationBean<ResourceUrlEncodingFilter> registration =
                new FilterRegistrationBean<>(new ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }
}
