package com.bonusdesk.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed: only the proxies the operator names
 * ({@code bonusdesk.web.trusted-proxies}, IP addresses; loopback by default). Tomcat on its own believes every
 * private address, so that anyone on a company network could name their own address and escape the sign-in
 * throttle's limit per address.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final Settings settings;

    TrustedProxies(Settings settings) {
        this.settings = settings;
    }

    /** @param trustedProxies the addresses of the proxies in front of this instance */
    @ConfigurationProperties("bonusdesk.web")
    record Settings(@DefaultValue({"127.0.0.1", "::1"}) List<String> trustedProxies) {
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        String proxies = pattern(settings.trustedProxies());
        factory.getEngineValves().stream().filter(RemoteIpValve.class::isInstance).map(RemoteIpValve.class::cast)
                .forEach(valve -> valve.setInternalProxies(proxies));
    }

    /** After Spring Boot has added the valve from {@code server.forward-headers-strategy=native}. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    /** The addresses as Tomcat compares them: written as it writes a peer's address, matched exactly. */
    static String pattern(List<String> addresses) {
        return addresses.stream().map(String::strip).filter(address -> !address.isEmpty())
                .map(TrustedProxies::asPeer).map(Pattern::quote).collect(Collectors.joining("|", "^(?:", ")$"));
    }

    private static String asPeer(String address) {
        if (!address.matches("[0-9A-Fa-f:.%]+")) {
            throw new IllegalArgumentException("bonusdesk.web.trusted-proxies: not an IP address: " + address);
        }
        try {
            return InetAddress.getByName(address).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("bonusdesk.web.trusted-proxies: not an IP address: " + address, e);
        }
    }
}
