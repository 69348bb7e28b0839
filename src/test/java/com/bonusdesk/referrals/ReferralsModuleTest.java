package com.bonusdesk.referrals;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.support.ClientCodes;
import com.bonusdesk.support.TestDatabaseConfiguration;
import com.bonusdesk.workflow.TimelineEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The referrals module started with only the modules it declares it depends on: an application is filed once,
 * decided by HR (never by its referrer), and its R4 line is in the ledger.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "database")
@ActiveProfiles("test")
@Import(TestDatabaseConfiguration.class)
class ReferralsModuleTest {

    @Autowired
    ReferralService referrals;

    @Autowired
    PersonService people;

    @Test
    void anApplicationIsFiledOnceDecidedByHrAndEarnsItsLineWithItsDependenciesAlone() {
        String client = ClientCodes.fresh();
        ReferralFacts facts = new ReferralFacts(client, "模块推荐公司", "HT-MOD-1", LocalDate.of(2026, 6, 10),
                new BigDecimal("250000.00"), new BigDecimal("600000.00"), Relationship.NONE, null);
        Referral referral = referrals.file(facts, id("sales1"), "sales1").referral();

        assertThat(referrals.file(facts, id("sales2"), "sales2").check().refusals()).extracting(Refusal.Reason::code)
                .contains("ALREADY_REFERRED");
        assertThatThrownBy(() -> referrals.decide(referral.getId(), id("sales1"), true, null, "sales1"))
                .isInstanceOf(Refusal.NotPermitted.class);
        referrals.decide(referral.getId(), id("hr1"), true, null, "hr1");

        assertThat(referrals.timelineOf(referral.getId())).extracting(TimelineEvent::getToStatus)
                .containsExactly("SUBMITTED", "APPROVED");
        assertThat(referrals.linesOf(referral.getId())).extracting(Ledger.Line::amount)
                .containsExactly(new BigDecimal("2500.00"));
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }
}
