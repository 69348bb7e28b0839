package com.bonusdesk.plans;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * The UI has two languages, but a request may name any locale (a crafted cookie): beyond this many, messages are
     * formatted each time rather than kept, so that nobody can grow the cache without end.
     */
    private static final int LANGUAGES_KEPT = 8;

    private final MessageSource messages;
    /** Each message split once into its text and its places, per language: an export words a million lines. */
    private final Map<Locale, Map<String, Wording>> wordings = new ConcurrentHashMap<>();

    ExplanationText(MessageSource messages) {
        this.messages = messages;
    }

    public String of(Explanation explanation, Locale locale) {
        Map<String, Wording> language = wordings.get(locale);
        if (language == null && wordings.size() < LANGUAGES_KEPT) {
            language = wordings.computeIfAbsent(locale, chosen -> new ConcurrentHashMap<>());
        }
        Wording wording = language == null ? Wording.UNKNOWN : language.computeIfAbsent(explanation.key(),
                key -> Wording.of(messages.getMessage(key, null, null, locale)));
        return wording.places() == null
                ? messages.getMessage(explanation.key(), explanation.args().toArray(), explanation.key(), locale)
                : wording.fill(explanation.args());
    }

    /** The line's formula, followed by any cap or non-stacking adjustment. */
    public String of(BonusLine line, Locale locale) {
        return of(Stream.concat(Stream.of(line.explanation()), line.adjustments().stream()).toList(), locale);
    }

    /** Several explanations of one line, as one text. */
    public String of(List<Explanation> explanations, Locale locale) {
        return explanations.stream().map(explanation -> of(explanation, locale)).collect(Collectors.joining(" "));
    }

    /**
     * A message as the message source gives it without arguments (quotes already resolved, each argument left as
     * {@code {n}}), cut at those places. Arguments are words already, so filling the places is all that formatting
     * them would do; a message with anything else in braces is left to the message source ({@code places} null).
     *
     * @param texts the text before each place, and after the last one
     * @param places the argument each place shows
     */
    record Wording(List<String> texts, int[] places) {

        private static final Pattern PLACE = Pattern.compile("\\{(\\d{1,2})}");
        private static final Wording UNKNOWN = new Wording(List.of(), null);

        static Wording of(String unfilled) {
            if (unfilled == null) {
                return UNKNOWN;
            }
            List<String> texts = new ArrayList<>();
            List<Integer> places = new ArrayList<>();
            Matcher place = PLACE.matcher(unfilled);
            int from = 0;
            while (place.find()) {
                texts.add(unfilled.substring(from, place.start()));
                places.add(Integer.parseInt(place.group(1)));
                from = place.end();
            }
            String rest = unfilled.substring(from);
            if (rest.indexOf('{') >= 0 || texts.stream().anyMatch(text -> text.indexOf('{') >= 0)) {
                return UNKNOWN;
            }
            texts.add(rest);
            return new Wording(List.copyOf(texts), places.stream().mapToInt(Integer::intValue).toArray());
        }

        String fill(List<String> args) {
            StringBuilder filled = new StringBuilder(texts.get(0));
            for (int i = 0; i < places.length; i++) {
                int argument = places[i];
                filled.append(argument < args.size() ? args.get(argument) : "{" + argument + "}")
                        .append(texts.get(i + 1));
            }
            return filled.toString();
        }
    }
}
