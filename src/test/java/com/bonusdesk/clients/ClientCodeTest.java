package com.bonusdesk.clients;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

import static com.bonusdesk.support.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

class ClientCodeTest {

    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "91350100M000100Y43, ORGANISATION",
            "91110000600037341L, ORGANISATION",
            "91440300708461136t, ORGANISATION",
            "9131 0000 1321 4923 7G, ORGANISATION",
            "13800138000, PERSON",
            "199-1234-5678, PERSON"})
    void validCodesAndMobileNumbersAreRecognised(String typed, ClientCode.Kind kind) {
        assertThat(ClientCode.parse(typed)).hasValueSatisfying(code -> assertThat(code.kind()).isEqualTo(kind));
    }

    @ParameterizedTest(name = "{0} is refused")
    @CsvSource({
            "91350100M000100Y44",
            "91350100M000100Y4",
            "9135010OM000100Y43",
            "12800138000",
            "1380013800",
            "上海某某有限公司"})
    void aWrongCheckCharacterOrAnyOtherTextIsRefused(String typed) {
        assertThat(ClientCode.parse(typed)).isEmpty();
    }

    @Test
    void changingAnyOneCharacterOfAValidCodeIsCaught() {
        qt().forAll(validCodes(), integers().between(0, 17), allowed()).checkAssert((code, position, replacement) -> {
            String changed = code.substring(0, position) + replacement + code.substring(position + 1);
            if (!changed.equals(code)) {
                assertThat(ClientCode.parse(changed)).isEmpty();
            }
        });
    }

    private static Gen<String> validCodes() {
        return lists().of(allowed()).ofSize(17).map(chars -> {
            StringBuilder first = new StringBuilder();
            chars.forEach(first::append);
            return first + String.valueOf(ClientCode.checkCharacter(first.toString()).orElseThrow());
        });
    }

    private static Gen<Character> allowed() {
        return Generate.pick(ALPHABET.chars().mapToObj(c -> (char) c).toList());
    }
}
