package com.bonusdesk.estimates;

import java.util.Locale;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;

import com.bonusdesk.plans.BonusRules;
import com.bonusdesk.plans.ExplanationText;

/** Answers a what-if question with the plans and calendar in force; saves nothing. */
@Service
@RequiredArgsConstructor
class Estimator {

    private final BonusRules rules;
    private final ExplanationText text;

    Estimate estimate(EstimateInput input, Locale locale) {
        return input.answer(rules.calculator(), text, locale);
    }
}
