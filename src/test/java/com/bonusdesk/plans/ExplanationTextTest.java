package com.bonusdesk.plans;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;

import com.bonusdesk.calculation.Explanation;

import static com.bonusdesk.support.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * Explanations are put into words from messages split once into text and places; for every explanation and reason
 * message, in both languages, that must read exactly as the message source formatting it would.
 */
class ExplanationTextTest {

    private static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

    private final ResourceBundleMessageSource messages = messageSourceAsConfigured();
    private final ExplanationText text = new ExplanationText(messages);

    @Test
    void everyMessageReadsAsTheMessageSourceWouldFormatIt() throws IOException {
        List<String> keys = explanationKeys();
        assertThat(keys).hasSizeGreaterThan(50);
        qt().forAll(integers().between(0, keys.size() - 1), integers().between(0, 1),
                lists().of(strings().basicLatinAlphabet().ofLengthBetween(0, 12)).ofSizeBetween(0, 8))
                .checkAssert((key, language, args) -> {
                    Explanation explanation = new Explanation(keys.get(key), args);
                    Locale locale = LANGUAGES.get(language);
                    assertThat(text.of(explanation, locale)).isEqualTo(messages.getMessage(explanation.key(),
                            args.toArray(), explanation.key(), locale));
                });
    }

    @Test
    void aQuoteInAMessageOrInAnArgumentIsKeptAsWritten() {
        Explanation reversal = Explanation.of("explain.reversal", "1,234.50", "2026-06-09 {0} 'x'");
        assertThat(text.of(reversal, Locale.ENGLISH))
                .isEqualTo("Reverses 1,234.50 earned 2026-06-09 {0} 'x': the facts changed (a collection, a refund, "
                        + "or the claim's status).");
    }

    @Test
    void anyNumberOfLocalesStillReadsRight() {
        Explanation reversal = Explanation.of("explain.reversal", "10.00", "2026-06-09");
        for (int i = 0; i < 20; i++) {
            Locale named = new Locale("x" + (char) ('a' + i));
            assertThat(text.of(reversal, named)).isEqualTo(messages.getMessage("explain.reversal",
                    reversal.args().toArray(), "explain.reversal", named));
        }
        assertThat(text.of(reversal, Locale.SIMPLIFIED_CHINESE)).isEqualTo(messages.getMessage("explain.reversal",
                reversal.args().toArray(), "explain.reversal", Locale.SIMPLIFIED_CHINESE));
    }

    @Test
    void aKeyWithoutAMessageReadsAsTheKey() {
        assertThat(text.of(Explanation.of("explain.noSuchMessage", "1"), Locale.ENGLISH)).isEqualTo("explain.noSuchMessage");
    }

    /** As Spring Boot configures it from application.properties. */
    private static ResourceBundleMessageSource messageSourceAsConfigured() {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("messages");
        source.setDefaultEncoding(StandardCharsets.UTF_8.name());
        source.setFallbackToSystemLocale(false);
        source.setAlwaysUseMessageFormat(true);
        return source;
    }

    private static List<String> explanationKeys() throws IOException {
        Properties english = new Properties();
        try (InputStream in = ExplanationTextTest.class.getResourceAsStream("/messages.properties")) {
            english.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return english.stringPropertyNames().stream()
                .filter(key -> key.startsWith("explain.") || key.startsWith("reason."))
                .sorted()
                .toList();
    }
}
