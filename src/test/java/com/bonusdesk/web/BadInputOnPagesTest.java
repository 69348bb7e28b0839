package com.bonusdesk.web;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person can type or paste into a page's search box, form or upload, sent as a browser sends it: a
 * character the database cannot keep, a broken escape, an id written oddly. Each is a clear 4xx page in the
 * reader's language, never a server error.
 */
@IntegrationTest
class BadInputOnPagesTest {

    @Value("${local.server.port}")
    int port;

    @Test
    void aNulInASearchIsRefusedNamingTheParameter() {
        WebClient admin = signedIn("admin1");
        for (String list : new String[] {"/admin/users", "/admin/audit"}) {
            HttpResponse<String> page = admin.get(list + "?q=%00");
            assertThat(page.statusCode()).as(list).isEqualTo(400);
            assertThat(page.body()).as(list).contains("q", "control character");
        }
        HttpResponse<String> claims = signedIn("sales1").get("/claims?q=a%00b");
        assertThat(claims.statusCode()).isEqualTo(400);
    }

    @Test
    void aNulInAFormIsRefusedAndNothingIsSaved() {
        WebClient finance = signedIn("finance1");
        HttpResponse<String> page = finance.postForm("/collections", "orderNumber", "ORD\u0000-1", "receivedOn",
                "2026-06-01", "amount", "10.00", "reference", "NUL-REF-1");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("orderNumber");
        assertThat(finance.get("/collections?q=NUL-REF-1").body()).doesNotContain("NUL-REF-1</td>");

        HttpResponse<String> decision = signedIn("manager1").postForm("/claims/1/decision", "decision", "REJECT",
                "reason", "no\u0000");
        assertThat(decision.statusCode()).isEqualTo(400);
    }

    @Test
    void aNulInAFormThatUploadsAFileIsRefusedNamingTheField() {
        HttpResponse<String> page = signedIn("sales1").postMultipart("/referrals/new", "/referrals/new",
                "clientCode", "13800000009", "clientName", "坏\u0000公司", "contractNumber", "HT-NUL-2",
                "signedDate", "2026-06-10", "contractAmount", "250000", "clientAnnualSales", "600000",
                "relationship", "NONE", "action", "submit");
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("clientName", "control character");
    }

    @Test
    void aBrokenEscapeOrAnOddIdIsAClearAnswer() {
        WebClient sales = signedIn("sales1").inLanguage("zh-CN");
        HttpResponse<String> broken = sales.get("/claims?q=%ff");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("UTF-8");
        for (String id : new String[] {"%EF%BC%91", "+1", "01", "0x1", "99999999999999999999"}) {
            assertThat(sales.get("/claims/" + id).statusCode()).as(id).isEqualTo(404);
        }
        assertThat(sales.get("/claims?month=999999999-01").statusCode()).isEqualTo(400);
        assertThat(sales.get("/claims?month=%2B2026-01").statusCode()).isEqualTo(400);
        HttpResponse<String> nul = sales.get("/claims/%00");
        assertThat(nul.statusCode()).isEqualTo(400);
        assertThat(nul.body()).contains("无法理解该请求").doesNotContain("Apache Tomcat", "HTTP Status");
    }

    @Test
    void anImportedDateNoColumnCanHoldNamesTheLine() {
        WebClient finance = signedIn("finance1");
        byte[] csv = ("client_code,client_name,order_number,order_date,amount,units\n"
                + "13800000001,远年公司,FAR-1,+999999999-12-31,100.00,1\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> preview = finance.upload("/admin/import/preview", "/admin/import", csv);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("&quot;+999999999-12-31&quot; is not a date such as 2026-03-02");
    }

    @Test
    void anUploadWithANulNamesTheLine() {
        WebClient finance = signedIn("finance1");
        byte[] csv = ("client_code,client_name,order_number,order_date,amount,units\n"
                + "13800000000,坏\u0000公司,NUL-1,2026-03-02,100.00,1\n").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> preview = finance.upload("/admin/import/preview", "/admin/import", csv);
        assertThat(preview.statusCode()).isEqualTo(200);
        assertThat(preview.body()).contains("control character");
    }

    private WebClient signedIn(String username) {
        WebClient client = new WebClient(port);
        client.signIn(username, "demo1234");
        return client;
    }
}
