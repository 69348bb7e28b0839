package com.bonusdesk.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links to the other pages of the list being shown, keeping its search and filters:
 * {@code ${@pageLinks.to(2)}}.
 */
@Component("pageLinks")
public class PageLinks {

    public String to(int page) {
        HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
                .getRequest();
        UriComponentsBuilder link = UriComponentsBuilder.fromPath(request.getRequestURI());
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("page") && !name.equals("_csrf")) {
                link.queryParam(name, (Object[]) values);
            }
        });
        return link.queryParam("page", page).encode().build().toUriString();
    }
}
