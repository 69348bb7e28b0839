package com.bonusdesk.web;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.bonusdesk.refusal.Refusal;

/**
 * An id in a path is written one way, in ASCII digits without a sign or leading zeros: {@code /claims/01},
 * {@code /claims/+1} or {@code /claims/１} name nothing, and are not found, rather than read as claim 1.
 */
@Configuration(proxyBeanMethods = false)
class Ids implements WebMvcConfigurer, HandlerInterceptor {

    private static final Pattern ID = Pattern.compile("[1-9][0-9]{0,17}");

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (variables instanceof Map<?, ?> map && map.get("id") instanceof String id && !ID.matcher(id).matches()) {
            throw new Refusal.NotFound();
        }
        return true;
    }
}
