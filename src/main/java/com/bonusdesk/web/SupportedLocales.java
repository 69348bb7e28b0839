package com.bonusdesk.web;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.SimpleLocaleContext;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;

/**
 * The two languages of the UI. A choice made with {@code ?lang=} is kept in a cookie; until then the
 * browser's Accept-Language decides, and anything that is not Chinese is shown in English.
 */
public final class SupportedLocales extends CookieLocaleResolver {

    public static final String COOKIE = "bonusdesk-lang";
    public static final List<Locale> ALL = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    SupportedLocales() {
        super(COOKIE);
        setCookieMaxAge(Duration.ofDays(365));
        setDefaultLocaleFunction(SupportedLocales::fromBrowser);
    }

    @Override
    public void setLocaleContext(HttpServletRequest request, HttpServletResponse response, LocaleContext context) {
        Locale chosen = context == null ? null : context.getLocale();
        super.setLocaleContext(request, response, chosen == null ? null : new SimpleLocaleContext(closest(chosen)));
    }

    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") == null) {
            return Locale.ENGLISH;
        }
        for (Locale wanted : Collections.list(request.getLocales())) {
            if (wanted.getLanguage().equals("zh")) {
                return Locale.SIMPLIFIED_CHINESE;
            }
            if (wanted.getLanguage().equals("en")) {
                return Locale.ENGLISH;
            }
        }
        return Locale.ENGLISH;
    }

    static Locale closest(Locale locale) {
        return locale.getLanguage().equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
    }
}
