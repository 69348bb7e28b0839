package com.bonusdesk.customerreferrals;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.ActiveProfiles;

import com.bonusdesk.calculation.PropertyType;
import com.bonusdesk.calculation.Relationship;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.refusal.Refusal;
import com.bonusdesk.support.TestDatabaseConfiguration;
import com.bonusdesk.workflow.TimelineEvent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The customer-referrals module started with only the modules it declares it depends on: a first visit is
 * registered once, the reward goes through its two-step chain (never the same person twice), and is paid to the
 * referring customer through the ledger.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "database")
@ActiveProfiles("test")
@Import(TestDatabaseConfiguration.class)
class CustomerReferralsModuleTest {

    @Autowired
    CustomerReferralService referrals;

    @Autowired
    PersonService people;

    @Test
    void aRewardGoesThroughItsTwoStepsAndIsPaidToTheReferringCustomerWithItsDependenciesAlone() {
        CustomerReferral.FirstVisit visit = new CustomerReferral.FirstVisit("模块访客", "13912340001", "模块业主",
                "13912340002", "HT-OLD-9", PropertyType.RESIDENTIAL, Relationship.NONE, LocalDate.of(2026, 6, 15));
        CustomerReferral referral = referrals.register(visit, id("sales1"), "sales1").referral();
        assertThat(referrals.register(visit, id("sales2"), "sales2").refusals()).extracting(Refusal.Reason::code)
                .containsExactly("ALREADY_REGISTERED");
        referrals.recordDeal(referral.getId(), new CustomerReferral.Deal("HT-MOD-9", LocalDate.of(2026, 6, 12),
                new BigDecimal("1250000.00"), PropertyType.RESIDENTIAL, true, "中国银行无锡分行", "6217856000019999"),
                id("sales1"), "sales1");

        referrals.decide(referral.getId(), true, null, id("manager1"), "manager1");
        assertThatThrownBy(() -> referrals.decide(referral.getId(), true, null, id("manager1"), "manager1"))
                .isInstanceOf(Refusal.NotPermitted.class);
        referrals.decide(referral.getId(), true, null, id("director1"), "director1");

        assertThat(referrals.timelineOf(referral.getId())).extracting(TimelineEvent::getToStatus)
                .containsExactly("REGISTERED", "AWAITING_MANAGER", "AWAITING_DIRECTOR", "APPROVED");
        assertThat(referrals.linesOf(referral.getId())).extracting(Ledger.Line::rule, Ledger.Line::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("R5", new BigDecimal("2500.00")));
    }

    private long id(String username) {
        return people.findByUsername(username).orElseThrow().getId();
    }
}
