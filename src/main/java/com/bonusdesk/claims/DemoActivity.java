package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import lombok.RequiredArgsConstructor;
import lombok.extern.slf4j.Slf4j;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import com.bonusdesk.DemoActivitySeeding;
import com.bonusdesk.DemoMode;
import com.bonusdesk.people.PersonService;

/**
 * In demo mode, the last few weeks of a sales team: claims approved by their manager, money collected on
 * them (one partly refunded), and one claim still waiting, all dated back from today. This week's payout
 * run then has lines to pay. Seeded once, into a database without claims, through the same services as the
 * screens, so that every line is explained and every step is on the audit trail.
 */
@Slf4j
@Component
@Order(20)
@RequiredArgsConstructor
class DemoActivity implements DemoActivitySeeding.Seeder {

    private static final String ACTOR = "demo";

    private final DemoMode demoMode;
    private final ClaimRepository claimRepository;
    private final ClaimService claims;
    private final CollectionService collections;
    private final PersonService people;
    private final Clock clock;

    @Override
    public void seed() {
        if (!demoMode.hasActivity() || claimRepository.count() > 0) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        Claim packaging = approved("sales1", "91320500MA1MDEM01D", "苏州工业园区恒信包装有限公司", "DEMO-0001",
                today.minusDays(20), "800.00", 12, false);
        collect(packaging, "DEMO-RCPT-0001", today.minusDays(3), "800.00");
        Claim hardware = approved("sales1", "91320200MA1MDEM021", "无锡锡山宏达五金有限公司", "DEMO-0002",
                today.minusDays(12), "3000.00", 40, false);
        collect(hardware, "DEMO-RCPT-0002", today.minusDays(10), "1500.00");
        collect(hardware, "DEMO-RCPT-0003", today.minusDays(1), "1500.00");
        Claim trading = approved("sales2", "91330200MA2HDEM034", "宁波北仑海鑫贸易有限公司", "DEMO-0003",
                today.minusDays(15), "12000.00", 200, true);
        collect(trading, "DEMO-RCPT-0004", today.minusDays(5), "12000.00");
        collect(trading, "DEMO-RCPT-0005", today.minusDays(1), "-2000.00");
        Claim logistics = approved("sales3", "91310115MA1KDEM04G", "上海浦东安达物流有限公司", "DEMO-0004",
                today.minusDays(8), "600.00", 5, false);
        collect(logistics, "DEMO-RCPT-0006", today.minusDays(2), "600.00");
        submitted("sales3", "91440300MA5GDEM05A", "深圳南山科达电子有限公司", "DEMO-0005", today.minusDays(1),
                "2500.00", 30, false);
        log.info("Demo mode: claims and collections of the last weeks seeded");
    }

    private Claim approved(String salesperson, String clientCode, String clientName, String orderNumber,
            LocalDate orderDate, String amount, int units, boolean belowListPrice) {
        Claim claim = submitted(salesperson, clientCode, clientName, orderNumber, orderDate, amount, units,
                belowListPrice);
        return claims.decide(claim.getId(), id("manager1"), true, belowListPrice ? "价格已批准" : null, "manager1");
    }

    private Claim submitted(String salesperson, String clientCode, String clientName, String orderNumber,
            LocalDate orderDate, String amount, int units, boolean belowListPrice) {
        ClaimService.Submission submission = claims.submit(new ClaimFacts(clientCode, clientName, orderNumber,
                orderDate, new BigDecimal(amount), units, belowListPrice, false, null), id(salesperson), salesperson);
        if (submission.claim() == null) {
            throw new IllegalStateException("The demo claim " + orderNumber + " was refused: "
                    + submission.check().refusals());
        }
        return submission.claim();
    }

    private void collect(Claim claim, String reference, LocalDate receivedOn, String amount) {
        collections.record(claim.getOrderNumber(), receivedOn, new BigDecimal(amount), reference, ACTOR);
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }
}
