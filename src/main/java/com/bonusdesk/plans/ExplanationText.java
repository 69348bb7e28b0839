package com.bonusdesk.plans;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.bonusdesk.calculation.BonusLine;
import com.bonusdesk.calculation.Explanation;

/** Puts the calculation's explanations into words in the reader's language. */
@Component
public class ExplanationText {

    private final MessageSource messages;

    ExplanationText(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Explanation explanation, Locale locale) {
        return messages.getMessage(explanation.key(), explanation.args().toArray(), explanation.key(), locale);
    }

    /** The line's formula, followed by any cap or non-stacking adjustment. */
    public String of(BonusLine line, Locale locale) {
        return of(Stream.concat(Stream.of(line.explanation()), line.adjustments().stream()).toList(), locale);
    }

    /** Several explanations of one line, as one text. */
    public String of(List<Explanation> explanations, Locale locale) {
        return explanations.stream().map(explanation -> of(explanation, locale)).collect(Collectors.joining(" "));
    }
}
