package com.bonusdesk.home;

import java.time.YearMonth;
import java.util.Locale;
import java.util.Map;

import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.bonusdesk.people.PersonPrincipal;

/**
 * The figures of the caller's own home page, as its charts draw them, for programs (a token or HTTP Basic); a
 * director chooses the period ({@code from}, {@code to} as {@code yyyy-MM}) and the team (a manager's id).
 */
@RestController
@RequiredArgsConstructor
class DashboardApiController {

    private final Dashboards dashboards;

    @GetMapping("/api/v1/me/dashboard")
    Map<String, Object> figures(@AuthenticationPrincipal PersonPrincipal me, Locale locale,
            @RequestParam(name = "from", required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth from,
            @RequestParam(name = "to", required = false) @DateTimeFormat(pattern = "yyyy-MM") YearMonth to,
            @RequestParam(name = "team", required = false) Long team) {
        return dashboards.of(me, locale, from, to, team).figures();
    }
}
