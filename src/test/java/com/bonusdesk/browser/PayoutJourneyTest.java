package com.bonusdesk.browser;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import com.bonusdesk.claims.Claim;
import com.bonusdesk.claims.ClaimFacts;
import com.bonusdesk.claims.ClaimService;
import com.bonusdesk.claims.CollectionService;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.support.Browser;
import com.bonusdesk.support.BrowserTest;
import com.bonusdesk.support.ClientCodes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The week's payout as the people involved do it: finance builds the run, the director approves it,
 * finance downloads the sheet and marks it paid, and the salesperson finds the same numbers on their page.
 */
class PayoutJourneyTest extends BrowserTest {

    @Autowired
    ClaimService claims;

    @Autowired
    CollectionService collections;

    @Autowired
    PersonService people;

    @Test
    void financeRunsTheWeekTheDirectorApprovesAndTheSheetMatchesWhatTheSalespersonSees() throws IOException {
        Claim claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "苏州吴中精密包装有限公司", "ERP-PAYOUT-1",
                LocalDate.of(2026, 6, 1), new BigDecimal("800.00"), 12, false, false, null), id("sales1"), "sales1").claim();
        claims.decide(claim.getId(), id("manager1"), true, null, "manager1");
        collections.record("ERP-PAYOUT-1", LocalDate.of(2026, 6, 12), new BigDecimal("800.00"), "RCPT-PAYOUT-1",
                "finance1");
        Browser browser = browser();

        browser.signIn("finance1", "demo1234").click(By.id("nav-payouts")).click(By.id("build"));
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.text(By.id("flash-success"))).contains("2026-W25");
        assertThat(browser.text(By.id("run-status"))).isEqualTo("Waiting for approval");
        String runPath = browser.path();
        assertThat(browser.text(By.id("run-payees-table"))).contains("张伟", "E1101");
        browser.signOut();

        browser.signIn("director1", "demo1234").click(By.id("nav-payouts")).click(By.linkText("2026-W25"));
        browser.type(By.id("reason"), "Checked against the collections").click(By.id("approve"));
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.text(By.id("flash-success"))).startsWith("The payout run is approved");
        browser.signOut();

        browser.signIn("finance1", "demo1234").visit(runPath);
        String runTotal = browser.text(By.id("run-total"));
        browser.click(By.id("download-xlsx"));
        Path xlsx = browser.downloaded("payout-2026-W25.xlsx");
        browser.click(By.id("download-csv"));
        Path csv = browser.downloaded("payout-2026-W25.csv");
        BigDecimal zhangInSheet;
        try (ReadableWorkbook workbook = new ReadableWorkbook(xlsx.toFile())) {
            List<Row> payees = workbook.getFirstSheet().read();
            Row totals = payees.get(payees.size() - 1);
            int totalColumn = totals.getCellCount() - 1;
            assertThat(money(totals.getCellAsNumber(totalColumn).orElseThrow())).isEqualTo(amountIn(runTotal));
            zhangInSheet = payees.stream().filter(row -> row.getCellAsString(0).orElse("").equals("E1101")).findFirst()
                    .orElseThrow().getCellAsNumber(totalColumn).orElseThrow();
        }
        assertThat(Files.readString(csv, StandardCharsets.UTF_8)).contains("E1101,张伟,华东销售部")
                .contains("," + money(zhangInSheet) + "\r\n");
        browser.click(By.id("mark-paid"));
        browser.waiting().until(ExpectedConditions.alertIsPresent()).accept();
        assertThat(browser.text(By.id("flash-success"))).isEqualTo("The payout run is marked as paid.");
        assertThat(browser.text(By.id("run-status"))).isEqualTo("Paid");
        browser.signOut();

        browser.signIn("sales1", "demo1234").click(By.id("nav-bonus"));
        assertThat(browser.text(By.id("bonus-lines"))).contains("Paid on Jun 15, 2026 (run 2026-W25)");
        browser.driver().get(browser.find(By.partialLinkText("2026-W25")).getAttribute("href"));
        assertThat(browser.text(By.id("statement-lines"))).contains("10% × 800.00 collected 2026-06-12 = 80.00");
        assertThat(amountIn(browser.text(By.id("statement-total")))).isEqualTo(money(zhangInSheet));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }

    private static String amountIn(String shown) {
        return shown.replaceAll("[^0-9.-]", "");
    }

    private static String money(BigDecimal amount) {
        return amount.setScale(2).toPlainString();
    }
}
