package com.bonusdesk.estimates;

import java.util.Locale;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.bonusdesk.refusal.Refusal;


/** {@code POST /api/v1/bonus-preview}: the estimator for programs. Any signed-in person may ask. */
@RestController
@RequiredArgsConstructor
class BonusPreviewApiController {

    private final Estimator estimator;

    @PostMapping("/api/v1/bonus-preview")
    Estimate preview(@Valid @RequestBody EstimateInput input, Locale locale) {
        if (!input.problems().isEmpty()) {
            throw new Refusal.InvalidInput(input.problems().stream()
                    .map(problem -> new Refusal.FieldProblem(problem.field(), problem.key()))
                    .toList());
        }
        return estimator.estimate(input, locale);
    }
}
