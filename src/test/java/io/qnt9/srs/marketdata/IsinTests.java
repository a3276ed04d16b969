package io.qnt9.srs.marketdata;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IsinTests {

    @Test
    void acceptsRealIsins() {
        // Apple, Microsoft, Alphabet A, SAP (DE), Nestlé (CH), BAE Systems (GB)
        for (String isin : new String[] {
            "US0378331005", "US5949181045", "US02079K3059", "DE0007164600", "CH0038863350", "GB0002634946"
        }) {
            assertThat(Isin.isValid(isin)).as(isin).isTrue();
        }
    }

    @Test
    void computesTheCheckDigitByHand() {
        // US037833100: U=30, S=28 -> digits 3028037833100. Luhn, doubling every second digit from the rightmost:
        // reversed 0,0,1,3,3,8,7,3,0,8,2,0,3 -> 0+0+2+3+6+8+(14->5)+3+0+8+4+0+6 = 45
        // check digit (10 - 45 % 10) % 10 = 5
        assertThat(Isin.checkDigit("US037833100")).isEqualTo(5);
    }

    @Test
    void rejectsAWrongCheckDigitOrShape() {
        assertThat(Isin.isValid("US0378331006")).isFalse();
        assertThat(Isin.hasShape("US0378331006")).isTrue();
        assertThat(Isin.isValid("0S0378331005")).isFalse();
        assertThat(Isin.isValid("US037833100")).isFalse();
        assertThat(Isin.isValid(null)).isFalse();
        assertThat(Isin.hasShape("US037833100X")).isFalse();
    }
}
