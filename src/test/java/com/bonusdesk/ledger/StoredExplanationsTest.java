package com.bonusdesk.ledger;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import com.bonusdesk.calculation.Explanation;

import static com.bonusdesk.support.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

/**
 * A line's explanation read back from {@code earned_line.explanation}, token by token: exactly what was written,
 * whether as the ledger writes it or as PostgreSQL's jsonb gives it back.
 */
class StoredExplanationsTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final Ledger ledger = new Ledger(null, json, null, null, null);

    @Test
    void readsBackWhatWasWritten() {
        qt().forAll(lists().of(strings().allPossible().ofLengthBetween(1, 30)).ofSizeBetween(0, 7),
                        lists().of(strings().basicLatinAlphabet().ofLengthBetween(1, 20)).ofSizeBetween(1, 3))
                .checkAssert((args, keys) -> {
                    List<Explanation> written = keys.stream().map(key -> new Explanation(key, args)).toList();
                    assertThat(ledger.explanations(json.writeValueAsString(written))).isEqualTo(written);
                });
    }

    @Test
    void readsWhatPostgresGivesBackAndAnyOtherShapeThroughTheMapper() {
        assertThat(ledger.explanations("[{\"key\": \"explain.reversal\", \"args\": [\"10.00\", \"2026-06-09\"]}]"))
                .containsExactly(new Explanation("explain.reversal", List.of("10.00", "2026-06-09")));
        assertThat(ledger.explanations("[{\"args\": [], \"key\": \"explain.R5.fixed\"}, {\"key\": \"k\", \"args\": [\"1\"]}]"))
                .containsExactly(new Explanation("explain.R5.fixed", List.of()), new Explanation("k", List.of("1")));
        assertThat(ledger.explanations("[]")).isEmpty();
        assertThat(ledger.explanations("[{\"key\": \"explain.R5.fixed\", \"args\": [5]}]"))
                .containsExactly(new Explanation("explain.R5.fixed", List.of("5")));
    }
}
