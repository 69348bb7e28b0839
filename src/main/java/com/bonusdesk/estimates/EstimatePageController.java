package com.bonusdesk.estimates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;

import jakarta.validation.Validator;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.bonusdesk.calculation.KeyAccountMode;
import com.bonusdesk.calculation.PropertyType;

/** {@code /estimate}: a form per kind of question, and the answer line by line beneath it. */
@Controller
@RequestMapping("/estimate")
class EstimatePageController {

    /** The kinds of question, in the order of the page's tabs. */
    enum Kind {
        NEW_CLIENT("/estimate/new-client"),
        REFERRAL("/estimate/referral"),
        CUSTOMER_REFERRAL("/estimate/customer-referral"),
        MONTHLY_COUNT("/estimate/monthly-count"),
        KEY_ACCOUNT("/estimate/key-account"),
        DEALER("/estimate/dealer");

        private final String action;

        Kind(String action) {
            this.action = action;
        }

        public String getAction() {
            return action;
        }
    }

    private static final int ROWS_SHOWN = 4;

    private final Estimator estimator;
    private final SpringValidatorAdapter validator;
    private final Clock clock;

    EstimatePageController(Estimator estimator, Validator validator, Clock clock) {
        this.estimator = estimator;
        this.validator = new SpringValidatorAdapter(validator);
        this.clock = clock;
    }

    @GetMapping
    String form(@RequestParam(name = "kind", defaultValue = "NEW_CLIENT") String kind, Model model) {
        Kind chosen = parse(kind);
        return show(chosen, blank(chosen), model);
    }

    @PostMapping("/new-client")
    String newClient(@ModelAttribute("input") NewClientEstimate input, BindingResult result, Model model,
            Locale locale) {
        if (!result.hasErrors()) {
            input.getCollections().removeIf(row -> row == null || row.isBlank());
        }
        return answer(Kind.NEW_CLIENT, input, result, model, locale);
    }

    @PostMapping("/referral")
    String referral(@ModelAttribute("input") ReferralEstimate input, BindingResult result, Model model,
            Locale locale) {
        if (!result.hasErrors()) {
            input.getMonthlyContractAmounts().removeIf(row -> row == null || row.isBlank());
        }
        return answer(Kind.REFERRAL, input, result, model, locale);
    }

    @PostMapping("/customer-referral")
    String customerReferral(@ModelAttribute("input") CustomerReferralEstimate input, BindingResult result,
            Model model, Locale locale) {
        return answer(Kind.CUSTOMER_REFERRAL, input, result, model, locale);
    }

    @PostMapping("/monthly-count")
    String monthlyCount(@ModelAttribute("input") MonthlyCountEstimate input, BindingResult result, Model model,
            Locale locale) {
        return answer(Kind.MONTHLY_COUNT, input, result, model, locale);
    }

    @PostMapping("/key-account")
    String keyAccount(@ModelAttribute("input") KeyAccountEstimate input, BindingResult result, Model model,
            Locale locale) {
        return answer(Kind.KEY_ACCOUNT, input, result, model, locale);
    }

    @PostMapping("/dealer")
    String dealer(@ModelAttribute("input") DealerEstimate input, BindingResult result, Model model, Locale locale) {
        if (!result.hasErrors()) {
            input.getOrders().removeIf(row -> row == null || row.isBlank());
        }
        return answer(Kind.DEALER, input, result, model, locale);
    }

    private String answer(Kind kind, EstimateInput input, BindingResult result, Model model, Locale locale) {
        if (!result.hasErrors()) {
            validator.validate(input, result);
            input.problems().forEach(problem -> result.rejectValue(problem.field(), problem.key()));
        }
        if (!result.hasErrors()) {
            model.addAttribute("estimate", estimator.estimate(input, locale));
        }
        return show(kind, input, model);
    }

    private String show(Kind kind, EstimateInput input, Model model) {
        padRows(input);
        model.addAttribute("kind", kind);
        model.addAttribute("kinds", Kind.values());
        model.addAttribute("input", input);
        model.addAttribute("propertyTypes", PropertyType.values());
        model.addAttribute("keyAccountModes", KeyAccountMode.values());
        return "estimates/estimate";
    }

    private EstimateInput blank(Kind kind) {
        LocalDate today = LocalDate.now(clock);
        return switch (kind) {
            case NEW_CLIENT -> {
                NewClientEstimate input = new NewClientEstimate();
                input.setOrderDate(today);
                yield input;
            }
            case REFERRAL -> {
                ReferralEstimate input = new ReferralEstimate();
                input.setSignedDate(today);
                input.setApplicationDate(today);
                yield input;
            }
            case CUSTOMER_REFERRAL -> {
                CustomerReferralEstimate input = new CustomerReferralEstimate();
                input.setSignedDate(today);
                input.setPropertyType(PropertyType.RESIDENTIAL);
                input.setPaidInFull(true);
                yield input;
            }
            case MONTHLY_COUNT -> {
                MonthlyCountEstimate input = new MonthlyCountEstimate();
                input.setMonth(YearMonth.from(today).minusMonths(1));
                yield input;
            }
            case KEY_ACCOUNT -> {
                KeyAccountEstimate input = new KeyAccountEstimate();
                input.setMonth(YearMonth.from(today).minusMonths(1));
                input.setMode(KeyAccountMode.CASH);
                yield input;
            }
            case DEALER -> {
                DealerEstimate input = new DealerEstimate();
                input.setMonth(YearMonth.from(today).minusMonths(1));
                yield input;
            }
        };
    }

    /** Blank rows to type into, below the ones already filled. */
    private static void padRows(EstimateInput input) {
        if (input instanceof NewClientEstimate newClient) {
            pad(newClient.getCollections(), NewClientEstimate.CollectionRow::new);
        } else if (input instanceof ReferralEstimate referral) {
            pad(referral.getMonthlyContractAmounts(), ReferralEstimate.MonthRow::new);
        } else if (input instanceof DealerEstimate dealer) {
            pad(dealer.getOrders(), DealerEstimate.OrderRow::new);
        }
    }

    private static <T> void pad(List<T> rows, Supplier<T> blank) {
        rows.removeIf(Predicate.isEqual(null));
        List<T> added = new ArrayList<>();
        for (int i = rows.size(); i < ROWS_SHOWN; i++) {
            added.add(blank.get());
        }
        rows.addAll(added);
    }

    private static Kind parse(String kind) {
        for (Kind candidate : Kind.values()) {
            if (candidate.name().equalsIgnoreCase(kind)) {
                return candidate;
            }
        }
        return Kind.NEW_CLIENT;
    }
}
