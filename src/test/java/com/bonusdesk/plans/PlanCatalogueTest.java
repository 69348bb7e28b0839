package com.bonusdesk.plans;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.bonusdesk.calculation.DefaultPlans;
import com.bonusdesk.calculation.PlanKind;
import com.bonusdesk.calculation.PlanRules;
import com.bonusdesk.calculation.PlanVersion;
import com.bonusdesk.support.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class PlanCatalogueTest {

    @Autowired
    PlanCatalogue catalogue;

    @Autowired
    PlanRulesJson json;

    @Test
    void theShippedPlansAreThePolicyNumbersFromTheFirstOf2026() {
        for (PlanVersion<?> expected : DefaultPlans.versions()) {
            PlanVersion<? extends PlanRules> stored = catalogue.inForce(expected.kind(), expected.kind().rulesType(),
                    LocalDate.of(2026, 1, 1)).orElseThrow();
            assertThat(stored.number()).isEqualTo(1);
            assertThat(stored.validFrom()).isEqualTo(LocalDate.of(2026, 1, 1));
            assertThat(json.write(stored.rules())).as(expected.kind().name()).isEqualTo(json.write(expected.rules()));
        }
    }

    @Test
    void noPlanIsInForceBeforeTheFirstOf2026() {
        assertThat(catalogue.inForce(PlanKind.NEW_CLIENT, PlanKind.NEW_CLIENT.rulesType(), LocalDate.of(2025, 12, 31)))
                .isEmpty();
    }
}
