package com.bonusdesk.clients;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.bonusdesk.DemoMode;
import com.bonusdesk.web.CsvImport;

/**
 * In demo mode, a small order history (a few dozen clients, some served within the last year, one renamed)
 * so that the new-client checks can be seen working. Imported like any ERP file, so a restart adds nothing.
 */
@Slf4j
@Component
@Order(10)
@RequiredArgsConstructor
class DemoClients implements ApplicationRunner {

    private final DemoMode demoMode;
    private final OrderImport orderImport;

    @Override
    public void run(ApplicationArguments args) {
        if (!demoMode.isEnabled()) {
            return;
        }
        try (InputStream in = DemoClients.class.getResourceAsStream("/demo/orders.csv")) {
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            CsvImport.Preview<OrderImport.Line> imported = orderImport.importAll(csv, "system");
            log.info("Demo mode: {} demo orders present", imported.lines().size());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
