package com.bonusdesk.plans;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import com.bonusdesk.calculation.BonusCalculator;
import com.bonusdesk.calendar.CompanyCalendar;

/**
 * The rule service: a calculator over the published plans and the company calendar as they are now. Take a
 * new one for each piece of work, so that an edit to the calendar is seen by the next computation.
 */
@Service
@RequiredArgsConstructor
public class BonusRules {

    private final PlanCatalogue plans;
    private final CompanyCalendar calendar;

    public BonusCalculator calculator() {
        return new BonusCalculator(plans, calendar.snapshot());
    }

    /**
     * A calculator over the published plans read once, with {@code replacing}'s rules for its plan on every date
     * when given: what a simulation replays history with.
     */
    public BonusCalculator calculatorReplacing(StoredPlanVersion replacing) {
        return new BonusCalculator(plans.snapshot(replacing), calendar.snapshot());
    }
}
