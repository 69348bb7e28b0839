package com.bonusdesk.clients;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.web.CsvImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
class OrderImportTest {

    private static final String HEADER = "client_code,client_name,order_number,order_date,amount,units\n";

    @Autowired
    OrderImport orderImport;

    @Autowired
    ClientRepository clients;

    @Autowired
    ClientOrderRepository orders;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @org.springframework.beans.factory.annotation.Value("${local.server.port}")
    int port;

    @Test
    void aValidFileIsPreviewedThenImportedOnceHoweverOftenItIsSent() {
        String csv = "\uFEFF" + HEADER
                + "91440300708461136T,深圳测试甲有限公司,IMP-A-1,2026-01-10,1200.00,12\n"
                + "91440300708461136T,深圳测试甲有限公司,IMP-A-2,2026-02-10,\"1,800.50\",20\n"
                + "13700001111,\"Zhang, San\",IMP-A-3,2026-02-11,300,3\n";

        CsvImport.Preview<OrderImport.Line> preview = orderImport.preview(csv);
        assertThat(preview.problems()).isEmpty();
        assertThat(preview.lines()).extracting(OrderImport.Line::outcome).containsExactly(
                OrderImport.Outcome.NEW_CLIENT, OrderImport.Outcome.NEW_ORDER, OrderImport.Outcome.NEW_CLIENT);
        assertThat(clients.findByCode("91440300708461136T")).isEmpty();

        orderImport.importAll(csv, "finance1");
        CsvImport.Preview<OrderImport.Line> again = orderImport.importAll(csv, "finance1");

        assertThat(OrderImport.count(again, OrderImport.Outcome.ALREADY_IMPORTED)).isEqualTo(3);
        Client client = clients.findByCode("91440300708461136T").orElseThrow();
        assertThat(orders.countByClientId(client.getId())).isEqualTo(2);
        assertThat(orders.findByOrderNumber("IMP-A-2").orElseThrow().getAmount()).isEqualByComparingTo("1800.50");
        assertThat(clients.findByCode("13700001111").orElseThrow().getName()).isEqualTo("Zhang, San");
    }

    @Test
    void aNewNameForAKnownCodeIsRecordedAsARename() {
        orderImport.importAll(HEADER + "91310000132149237G,上海旧名有限公司,IMP-B-1,2025-05-01,900,9\n", "finance1");
        String renamed = HEADER + "91310000132149237G,上海新名有限公司,IMP-B-2,2026-05-01,900,9\n";

        assertThat(orderImport.preview(renamed).lines()).extracting(OrderImport.Line::outcome)
                .containsExactly(OrderImport.Outcome.NEW_NAME);
        orderImport.importAll(renamed, "finance1");

        Client client = clients.findByCode("91310000132149237G").orElseThrow();
        assertThat(client.getName()).isEqualTo("上海新名有限公司");
        assertThat(client.wasKnownAs("上海旧名有限公司")).isTrue();
        assertThat(orders.lastOrderBefore(client.getId(), LocalDate.of(2026, 5, 1), "none"))
                .contains(LocalDate.of(2025, 5, 1));
    }

    @Test
    void aFileMayNameEachOrdersContactAndTheLatestOrdersContactIsKept() {
        String withContacts = "client_code,client_name,order_number,order_date,amount,units,contact_name,contact_mobile\n";
        String code = com.bonusdesk.support.ClientCodes.fresh();
        String csv = withContacts
                + code + ",杭州联系人有限公司,IMP-H-2,2026-03-01,900,9,李采购,139 0000 7777\n"
                + code + ",杭州联系人有限公司,IMP-H-1,2026-02-01,900,9,赵采购,139-0000-6666\n"
                + code + ",杭州联系人有限公司,IMP-H-3,2026-03-05,900,9,,\n";

        assertThat(orderImport.preview(csv).lines()).extracting(OrderImport.Line::contact)
                .containsExactly("李采购 13900007777", "赵采购 13900006666", null);
        orderImport.importAll(csv, "finance1");

        Client client = clients.findByCode(code).orElseThrow();
        assertThat(client.getContactName()).isEqualTo("李采购");
        assertThat(client.getContactMobile()).isEqualTo("13900007777");
        assertThat(orderImport.preview(withContacts + "13700008888,王五,IMP-H-4,2026-03-01,100,1,王五,0571-8888\n")
                .problems()).extracting(CsvImport.Problem::key, CsvImport.Problem::args)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("import.contactMobile", List.of("0571-8888")));
        assertThat(orderImport.preview(withContacts + "13700008888,王五,IMP-H-4,2026-03-01,100,1\n").problems())
                .extracting(CsvImport.Problem::key).containsExactly("import.columns");
    }

    @Test
    void everyBadRowIsReportedWithItsLineAndNothingIsImported() {
        String csv = HEADER
                + "91110000600037341L,北京好公司,IMP-C-1,2026-03-01,100.00,1\n"
                + "91110000600037341X,北京坏代码,IMP-C-2,2026-03-01,100.00,1\n"
                + "91110000600037341L,,IMP-C-3,2026-03-32,1.001,-1\n"
                + "91110000600037341L,北京好公司,IMP-C-1,2026-03-02,100.00,1\n"
                + "only,three,columns\n";

        CsvImport.Preview<OrderImport.Line> preview = orderImport.preview(csv);

        assertThat(preview.importable()).isFalse();
        assertThat(preview.problems()).extracting(CsvImport.Problem::line, CsvImport.Problem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "import.code"),
                        org.assertj.core.groups.Tuple.tuple(4, "import.name"),
                        org.assertj.core.groups.Tuple.tuple(4, "import.date"),
                        org.assertj.core.groups.Tuple.tuple(4, "import.amount"),
                        org.assertj.core.groups.Tuple.tuple(4, "import.units"),
                        org.assertj.core.groups.Tuple.tuple(5, "import.duplicate"),
                        org.assertj.core.groups.Tuple.tuple(6, "import.columns"));
        assertThat(orderImport.importAll(csv, "finance1").problems()).hasSize(7);
        assertThat(orders.findByOrderNumber("IMP-C-1")).isEmpty();
    }

    @Test
    void aWrongHeaderOrAnUnclosedQuoteIsAProblemOfTheFile() {
        assertThat(orderImport.preview("code,name\n1,2\n").problems()).extracting(CsvImport.Problem::key)
                .containsExactly("import.header");
        assertThat(orderImport.preview(HEADER + "13700002222,\"unclosed,IMP-D-1,2026-01-01,1,1\n").problems())
                .extracting(CsvImport.Problem::key).containsExactly("import.unclosedQuote");
        assertThat(orderImport.preview("").problems()).extracting(CsvImport.Problem::key)
                .containsExactly("import.empty");
    }

    @Test
    void anOrderImportedEarlierWithOtherDataIsAConflict() {
        orderImport.importAll(HEADER + "13700003333,Li Si,IMP-E-1,2026-01-01,100.00,1\n", "finance1");
        assertThat(orderImport.preview(HEADER + "13700003333,Li Si,IMP-E-1,2026-01-01,999.00,1\n").problems())
                .extracting(CsvImport.Problem::key).containsExactly("import.conflict");
    }

    @Test
    void financeUploadsPreviewsAndImportsInTheBrowserFlow() throws Exception {
        String csv = HEADER + "15900004444,Wang Wu,IMP-F-1,2026-04-01,250.00,10\n";
        String page = mvc.perform(multipart("/admin/import/preview")
                        .file(new MockMultipartFile("file", "orders.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(SignedIn.as(accounts, "finance1")).with(csrf()).header("Accept-Language", "en"))
                .andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("1 rows: 1 new client(s)", "Import 1 rows", "Wang Wu");
        assertThat(orders.findByOrderNumber("IMP-F-1")).isEmpty();

        mvc.perform(post("/admin/import").param("csv", csv).with(SignedIn.as(accounts, "finance1")).with(csrf()))
                .andExpect(flash().attribute("success", "import.done"));
        assertThat(orders.findByOrderNumber("IMP-F-1")).isPresent();
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithAReason() throws Exception {
        byte[] gbk = (HEADER + "15900005555,张三,IMP-G-1,2026-04-01,250.00,10\n").getBytes("GBK");
        String page = mvc.perform(multipart("/admin/import/preview")
                        .file(new MockMultipartFile("file", "orders.csv", "text/csv", gbk))
                        .with(SignedIn.as(accounts, "admin1")).with(csrf()).header("Accept-Language", "zh-CN"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("文件不是 UTF-8 文本");
    }

    @Test
    void aFileTooLargeToUploadGetsTheFriendlyPage() {
        com.bonusdesk.support.WebClient browser = new com.bonusdesk.support.WebClient(port).inLanguage("zh-CN");
        browser.signIn("finance1", "demo1234");
        java.net.http.HttpResponse<String> page = browser.upload("/admin/import/preview", "/admin/import",
                new byte[7 * 1024 * 1024]);
        assertThat(page.statusCode()).isEqualTo(413);
        assertThat(page.body()).contains("内容过大", "奖金台").doesNotContain("Tomcat");
    }

    @Test
    void salespeopleCannotImport() throws Exception {
        mvc.perform(get("/admin/import").with(SignedIn.as(accounts, "sales1"))).andExpect(status().isForbidden());
    }

    @Test
    void theDemoHistoryIsThere() {
        assertThat(clients.findByCode("91310115MAAY4CL12M")).hasValueSatisfying(client -> {
            assertThat(client.getName()).isEqualTo("上海浦江新材料股份有限公司");
            assertThat(client.wasKnownAs("上海浦江化工有限公司")).isTrue();
        });
    }
}
