package com.bonusdesk.dealers;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.DemoActivitySeeding;
import com.bonusdesk.DemoMode;
import com.bonusdesk.clients.OrderImport;
import com.bonusdesk.people.PersonService;

/**
 * In demo mode with activity, one dealer with the last three months of pickups, dated back from today, and this
 * year's target; its closed months are computed, so its rebates show at once.
 */
@Slf4j
@Component
@Order(31)
@RequiredArgsConstructor
class DemoDealers implements DemoActivitySeeding.Seeder {

    static final String DEALER_CLIENT = "91320400MA1DLDEM0D";

    private final DemoMode demoMode;
    private final DealerRepository dealers;
    private final Dealers service;
    private final OrderImport orders;
    private final PersonService people;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @Override
    public void seed() {
        if (!demoMode.hasActivity() || dealers.count() > 0) {
            return;
        }
        YearMonth thisMonth = YearMonth.now(clock);
        String name = "常州武进鑫达汽车改装厂";
        StringBuilder csv = new StringBuilder("client_code,client_name,order_number,order_date,amount,units\n");
        for (int back = 3; back >= 0; back--) {
            YearMonth month = thisMonth.minusMonths(back);
            csv.append(order(name, "DEMO-DL-" + month + "-1", month.atDay(6), "60000.00"))
                    .append(order(name, "DEMO-DL-" + month + "-2", month.atDay(18), "260000.00"));
        }
        orders.importAll(csv.toString(), "system");
        long finance = people.findByUsername("finance1").orElseThrow().getId();
        long director = people.findByUsername("director1").orElseThrow().getId();
        transactions.executeWithoutResult(status -> {
            Dealer dealer = service.flag(DEALER_CLIENT, "中国农业银行常州武进支行", "6228480402564890018", finance,
                    "system");
            service.setTarget(DEALER_CLIENT, thisMonth.getYear(), new java.math.BigDecimal("2000000.00"), director,
                    "system");
            for (int back = 3; back >= 1; back--) {
                service.computeMonth(thisMonth.minusMonths(back));
            }
            log.info("Demo mode: dealer {} with three closed months seeded", dealer.getId());
        });
    }

    private static String order(String name, String number, LocalDate date, String amount) {
        return DEALER_CLIENT + "," + name + "," + number + "," + date + "," + amount + ",10\n";
    }
}
