package com.bonusdesk.web;

import java.util.Locale;

import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.ModelAndView;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorPageControllerTest {

    private final ErrorPageController controller = new ErrorPageController(new Problems(messages()));

    @Test
    void anUnexpectedFailureOnAPageSaysSoInPlainWordsWithoutTheException() {
        MockHttpServletRequest request = failed("/admin/users", 500);
        ModelAndView page = (ModelAndView) controller.error(request, Locale.SIMPLIFIED_CHINESE);
        assertThat(page.getViewName()).isEqualTo("web/error");
        assertThat(page.getStatus().value()).isEqualTo(500);
        assertThat(page.getModel()).containsEntry("title", "出错了");
        assertThat(page.getModel().values()).noneMatch(value -> String.valueOf(value).contains("IllegalState"));
    }

    @Test
    void anUnexpectedFailureInTheApiIsAProblemThatRevealsNothing() {
        MockHttpServletRequest request = failed("/api/v1/me", 500);
        ResponseEntity<?> response = (ResponseEntity<?>) controller.error(request, Locale.ENGLISH);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(response.getStatusCode().value()).isEqualTo(500);
        assertThat(problem.getTitle()).isEqualTo("Something went wrong");
        assertThat(problem.getDetail()).doesNotContain("IllegalState");
    }

    @Test
    void aStatusWithoutItsOwnWordingIsDescribedByItsFamily() {
        assertThat(Problems.known(org.springframework.http.HttpStatus.I_AM_A_TEAPOT)).isEqualTo(400);
        assertThat(Problems.known(org.springframework.http.HttpStatus.BAD_GATEWAY)).isEqualTo(500);
    }

    private static MockHttpServletRequest failed(String uri, int status) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/error");
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, status);
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, uri);
        request.setAttribute(RequestDispatcher.ERROR_EXCEPTION, new IllegalStateException("boom"));
        return request;
    }

    private static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
