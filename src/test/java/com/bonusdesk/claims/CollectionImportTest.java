package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

import com.bonusdesk.people.PersonService;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.IntegrationTest;
import com.bonusdesk.support.SignedIn;
import com.bonusdesk.web.CsvImport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;

@IntegrationTest
class CollectionImportTest {

    private static final String HEADER = "reference,order_number,received_on,amount\n";

    @Autowired
    CollectionImport collectionImport;

    @Autowired
    ClaimService claims;

    @Autowired
    PersonService people;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService accounts;

    @Test
    void aFileOfCollectionsEarnsItsLinesAndImportingItAgainChangesNothing() throws Exception {
        long sales = people.findByUsername("sales2").orElseThrow().getId();
        Claim claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "导入回款公司", "CI-ORD-1", LocalDate.of(2026, 3, 2),
                new BigDecimal("800.00"), 12, false, false, null), sales, "sales2").claim();
        claims.decide(claim.getId(), people.findByUsername("manager1").orElseThrow().getId(), true, null, "manager1");
        String csv = "\uFEFF" + HEADER + "CI-R-1,CI-ORD-1,2026-03-20,500.00\nCI-R-2,CI-ORD-1,2026-04-05,300.00\n";

        String page = mvc.perform(multipart("/collections/import/preview")
                        .file(new MockMultipartFile("file", "r.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(SignedIn.as(accounts, "finance1")).with(csrf()).header("Accept-Language", "en"))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2 rows, 0 already recorded.", "Import 2 rows");

        mvc.perform(post("/collections/import").param("csv", csv).with(SignedIn.as(accounts, "finance1")).with(csrf()))
                .andExpect(flash().attribute("success", "collectionImport.done"));
        collectionImport.importAll(csv, finance(), "finance1");

        assertThat(claims.linesOf(claim.getId())).extracting(line -> line.amount())
                .containsExactly(new BigDecimal("50.00"), new BigDecimal("50.00"));
        assertThat(collectionImport.preview(csv, finance()).count(CollectionImport.Line::alreadyRecorded)).isEqualTo(2);
    }

    @Test
    void badRowsAreListedAndNothingIsRecorded() {
        claims.submit(new ClaimFacts(ClientCodes.fresh(), "导入回款公司", "CI-ORD-10", LocalDate.of(2026, 3, 2),
                new BigDecimal("800.00"), 12, false, false, null), people.findByUsername("sales2").orElseThrow().getId(),
                "sales2");
        String csv = HEADER + "CI-R-10,CI-ORD-10,2026-03-20,100.00\n,CI-ORD-10,2026-13-01,0\nCI-R-10,CI-ORD-10,2026-03-21,100.00\n";
        CsvImport.Preview<CollectionImport.Line> preview = collectionImport.preview(csv, finance());

        assertThat(preview.problems()).extracting(CsvImport.Problem::line, CsvImport.Problem::key)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(3, "reference"),
                        org.assertj.core.groups.Tuple.tuple(3, "date"),
                        org.assertj.core.groups.Tuple.tuple(3, "amount"),
                        org.assertj.core.groups.Tuple.tuple(4, "duplicate"));
        assertThat(collectionImport.importAll(csv, finance(), "finance1").problems()).hasSize(4);
        assertThat(collectionImport.preview(HEADER + "CI-R-10,CI-ORD-10,2026-03-20,100.00\n", finance()).count(CollectionImport.Line::alreadyRecorded))
                .isZero();
    }

    @Test
    void moneyAfterTodayOnAnOrderNobodyKnowsOrOnTheImportersOwnClaimIsAProblemOfItsLine() {
        long salesAndFinance = people.findByUsername("sales3").orElseThrow().getId();
        claims.submit(new ClaimFacts(ClientCodes.fresh(), "自己的公司", "CI-OWN-1", LocalDate.of(2026, 3, 2),
                new BigDecimal("800.00"), 12, false, false, null), salesAndFinance, "sales3");
        String csv = HEADER + "CI-R-20,CI-OWN-1,2026-06-16,100.00\nCI-R-21,CI-NOBODY-1,2026-03-20,100.00\n"
                + "CI-R-22,CI-OWN-1,2026-03-20,100.00\n";

        assertThat(collectionImport.preview(csv, salesAndFinance).problems())
                .extracting(CsvImport.Problem::line, CsvImport.Problem::key, CsvImport.Problem::args)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, "futureDate", java.util.List.of("2026-06-16")),
                        org.assertj.core.groups.Tuple.tuple(3, "unknownOrder", java.util.List.of("CI-NOBODY-1")),
                        org.assertj.core.groups.Tuple.tuple(4, "ownClaim", java.util.List.of("CI-OWN-1")));
        assertThat(collectionImport.preview(HEADER + "CI-R-22,CI-OWN-1,2026-03-20,100.00\n", finance()).problems())
                .as("someone else may").isEmpty();
    }

    private long finance() {
        return people.findByUsername("finance1").orElseThrow().getId();
    }

}
