package com.bonusdesk.keyaccounts;

import java.time.Clock;
import java.time.YearMonth;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import com.bonusdesk.DemoActivitySeeding;
import com.bonusdesk.DemoMode;
import com.bonusdesk.calculation.KeyAccountMode;
import com.bonusdesk.clients.OrderImport;
import com.bonusdesk.people.PersonService;

/**
 * In demo mode with activity, two key accounts with the last three months of orders, dated back from today: one
 * takes a cash subsidy, one a discount; the closed months are computed, so a first payout run pays a subsidy.
 */
@Slf4j
@Component
@Order(30)
@RequiredArgsConstructor
class DemoKeyAccounts implements DemoActivitySeeding.Seeder {

    static final String CASH_CLIENT = "91320500MA1KADEM0L";
    static final String DISCOUNT_CLIENT = "91320200MA1KADEM18";

    private static final String CASH_NAME = "苏州工业园区华盛精密机械有限公司";

    private final DemoMode demoMode;
    private final KeyAccountRepository accounts;
    private final KeyAccounts keyAccounts;
    private final OrderImport orders;
    private final PersonService people;
    private final TransactionTemplate transactions;
    private final Clock clock;

    @Override
    public void seed() {
        if (!demoMode.hasActivity() || accounts.count() > 0) {
            return;
        }
        YearMonth thisMonth = YearMonth.now(clock);
        StringBuilder csv = new StringBuilder("client_code,client_name,order_number,order_date,amount,units\n");
        for (int back = 3; back >= 0; back--) {
            YearMonth month = thisMonth.minusMonths(back);
            csv.append(order(CASH_CLIENT, CASH_NAME, "DEMO-KA-A-" + month + "-1", month.atDay(5), "50000.00"))
                    .append(order(CASH_CLIENT, CASH_NAME, "DEMO-KA-A-" + month + "-2", month.atDay(20), "30000.00"))
                    .append(order(DISCOUNT_CLIENT, "无锡新区远东电子材料有限公司", "DEMO-KA-B-" + month + "-1",
                            month.atDay(8), "600000.00"));
        }
        orders.importAll(csv.toString(), "system");
        long finance = people.findByUsername("finance1").orElseThrow().getId();
        transactions.executeWithoutResult(status -> {
            keyAccounts.designate(new KeyAccounts.Designation(CASH_CLIENT, thisMonth.minusMonths(3).atDay(1),
                    ClientClass.A, KeyAccountMode.CASH, "中国银行苏州工业园区支行", "6216610100012345678"), finance,
                    "system");
            keyAccounts.designate(new KeyAccounts.Designation(DISCOUNT_CLIENT, thisMonth.minusMonths(3).atDay(1),
                    ClientClass.B, KeyAccountMode.DISCOUNT, null, null), finance, "system");
            for (int back = 3; back >= 1; back--) {
                keyAccounts.compute(thisMonth.minusMonths(back));
            }
        });
        log.info("Demo mode: two key accounts with three closed months seeded");
    }

    private static String order(String code, String name, String number, java.time.LocalDate date, String amount) {
        return code + "," + name + "," + number + "," + date + "," + amount + ",10\n";
    }
}
