package com.bonusdesk.web;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * The text fields of a form that uploads a file can be read only once its parts are, after the request entry; they
 * are checked here by the same rule and answered the same way, before any controller binds them. A NUL in a
 * referral's client name is refused naming the field, instead of reaching the database.
 */
@Configuration(proxyBeanMethods = false)
class UploadedFormText implements WebMvcConfigurer, HandlerInterceptor {

    private final RequestEntry entry;

    UploadedFormText(RequestEntry entry) {
        this.entry = entry;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        // the error page answering this refusal sees the same fields again: it must not refuse them twice
        registry.addInterceptor(this).excludePathPatterns("/error");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (WebUtils.getNativeRequest(request, MultipartHttpServletRequest.class) == null) {
            return true;
        }
        Optional<String> refused = RequestEntry.refusedParameter(request);
        if (refused.isEmpty()) {
            return true;
        }
        entry.refuse(request, response, HttpStatus.BAD_REQUEST, refused.get());
        return false;
    }
}
