package com.bonusdesk.payouts;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.test.context.TestPropertySource;

import com.bonusdesk.DemoActivitySeeding;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.TestDatabaseConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * What a new user of the demo finds: the team's last weeks of claims and collections, and the last three closed
 * months of the demo key account (cash subsidy) and dealer, make this week's run.
 */
@IntegrationTest
@TestPropertySource(properties = "bonusdesk.demo-activity=true")
class DemoWeekTest {

    @Autowired
    PayoutRuns runs;

    @Autowired
    PayoutReports reports;

    @Autowired
    DemoActivitySeeding demoActivity;

    @Test
    void theDemoWeekBecomesARunPayingEachSalespersonWhatTheirLinesSay() throws Exception {
        demoActivity.awaitSeeded(Duration.ofMinutes(2));
        PayoutRun run = runs.start(LocalDate.ofInstant(TestDatabaseConfiguration.NOW, ZoneId.of("Asia/Shanghai")),
                "finance1");

        assertThat(run.getStatus()).isEqualTo(PayoutRunStatus.DRAFT);
        assertThat(run.getTotal()).as("May's client counts of sales1 and sales2 are earned with their June money")
                .isEqualByComparingTo("76840.00");
        assertThat(reports.payees(run.getId(), null, PageRequest.of(0, 10)).getContent())
                .extracting(payee -> payee.person().username(), PayoutReports.PayeeTotal::total)
                .containsExactly(tuple("client-91320500MA1KADEM0L", new BigDecimal("48000.00")),
                        tuple("client-91320400MA1DLDEM0D", new BigDecimal("27000.00")),
                        tuple("sales2", new BigDecimal("1050.00")), tuple("sales1", new BigDecimal("680.00")),
                        tuple("sales3", new BigDecimal("110.00")));
    }
}
