package com.bonusdesk.web;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever people typed, a cell of the payout sheet is text, never a formula a spreadsheet would run. */
class SheetTextTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=SUM(A1:A9)         | '=SUM(A1:A9)",
            "+86 138             | '+86 138",
            "-2+3                | '-2+3",
            "@cmd                | '@cmd",
            "张伟                 | 张伟",
            "E1101               | E1101",
            "A=B                 | A=B",
            "\"\"                | \"\""})
    void textThatASpreadsheetWouldReadAsAFormulaGetsALeadingApostrophe(String typed, String written) {
        assertThat(SheetText.neutralised(typed)).isEqualTo(written);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\t=1+1", "\r=1+1"})
    void aTabOrCarriageReturnInFrontIsNeutralisedToo(String typed) {
        assertThat(SheetText.neutralised(typed)).isEqualTo("'" + typed);
    }
}
