package com.bonusdesk.claims;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.TestDatabaseConfiguration;
import com.bonusdesk.workflow.TimelineEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The claims module started with only the modules it declares it depends on: a claim is submitted once, goes
 * through its chain (the submitter's manager), and earns its lines in the ledger as money is collected.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "database")
@ActiveProfiles("test")
@Import(TestDatabaseConfiguration.class)
class ClaimsModuleTest {

    @Autowired
    ClaimService claims;

    @Autowired
    CollectionService collections;

    @Autowired
    PersonService people;

    @Test
    void aClaimGoesThroughItsChainAndEarnsItsLinesWithItsDependenciesAlone() {
        long sales1 = id("sales1");
        Claim claim = claims.submit(new ClaimFacts(ClientCodes.fresh(), "模块测试公司", "MOD-1", LocalDate.of(2026, 6, 10),
                new BigDecimal("800.00"), 12, false, false, null), sales1, "sales1").orRefuse();

        assertThatThrownBy(() -> claims.decide(claim.getId(), sales1, true, null, "sales1"))
                .isInstanceOf(Refusal.NotPermitted.class);
        claims.decide(claim.getId(), id("manager1"), true, null, "manager1");
        collections.record("MOD-1", LocalDate.of(2026, 6, 12), new BigDecimal("800.00"), "MOD-REF-1", "finance1");

        assertThat(claims.timelineOf(claim.getId())).extracting(TimelineEvent::getToStatus)
                .containsExactly("SUBMITTED", "APPROVED");
        assertThat(claims.linesOf(claim.getId())).extracting(Ledger.Line::rule, Ledger.Line::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("R1", new BigDecimal("80.00")),
                        org.assertj.core.groups.Tuple.tuple("R2", new BigDecimal("50.00")));
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }
}
