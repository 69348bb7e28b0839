package com.bonusdesk.claims;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.context.ApplicationContext;

import com.bonusdesk.clients.ClientDirectory;
import com.bonusdesk.ledger.Ledger;
import com.bonusdesk.people.PersonService;
import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.plans.PlanCatalogue;
import com.bonusdesk.workflow.Approvals;

/**
 * The claim service of the running application as it would act on another day: for tests that claim orders placed
 * after the tests' fixed today, which the service refuses on that day.
 */
public final class ClaimsOnADay {

    private ClaimsOnADay() {
    }

    public static ClaimService on(ApplicationContext context, LocalDate day) {
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        return new ClaimService(context.getBean(ClaimRepository.class), context.getBean(ClientDirectory.class),
                context.getBean(PersonService.class), context.getBean(BonusRules.class), context,
                Clock.fixed(day.atTime(12, 0).atZone(zone).toInstant(), zone),
                context.getBean(CollectionRecordRepository.class), context.getBean(Ledger.class),
                context.getBean(Approvals.class), context.getBean(PlanCatalogue.class));
    }
}
