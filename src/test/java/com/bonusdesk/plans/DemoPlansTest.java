package com.bonusdesk.plans;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.bonusdesk.calculation.KeyAccountRules;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.SalesReferralRules;
import com.bonusdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * R4 runs one year (有效期一年), and so does the shipped key-account plan; in demo mode the next year's version
 * follows each of them, so that the demo keeps paying when the year turns.
 */
@IntegrationTest
class DemoPlansTest {

    @Autowired
    PlanCatalogue catalogue;

    @Autowired
    DemoPlans demoPlans;

    @Test
    void theShippedReferralPlanRunsTheYear2026AndDemoModeFollowsItWith2027() {
        assertThat(catalogue.history(PlanKind.SALES_REFERRAL)).filteredOn(version -> version.getNumber() == 1)
                .singleElement().satisfies(shipped -> {
                    assertThat(shipped.getValidFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
                    assertThat(shipped.getValidTo()).isEqualTo(LocalDate.of(2026, 12, 31));
                });
        assertThat(catalogue.inForce(PlanKind.SALES_REFERRAL, SalesReferralRules.class, LocalDate.of(2027, 3, 1)))
                .hasValueSatisfying(next -> assertThat(next.label()).isEqualTo("SALES_REFERRAL v2"));
        assertThat(catalogue.inForce(PlanKind.KEY_ACCOUNT, KeyAccountRules.class, LocalDate.of(2027, 12, 31)))
                .isPresent();
        assertThat(catalogue.history(PlanKind.SALES_REFERRAL)).filteredOn(version -> version.getNumber() == 2)
                .singleElement().satisfies(next -> {
                    assertThat(next.getValidTo()).isEqualTo(LocalDate.of(2027, 12, 31));
                    assertThat(next.getPublishedBy()).isEqualTo("system");
                });

        assertThat(demoPlans.extend()).as("a second time adds nothing").isEmpty();
    }
}
