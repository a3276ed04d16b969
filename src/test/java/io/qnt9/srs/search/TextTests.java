package io.qnt9.srs.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTests {

    @Test
    void foldingIgnoresCaseAndAccents() {
        assertThat(Text.fold("Nestlé S.A.")).isEqualTo("nestle s.a.");
        assertThat(Text.fold("SOCIÉTÉ GÉNÉRALE")).isEqualTo("societe generale");
        assertThat(Text.fold("Müller & Søn")).isEqualTo("muller & son");
        assertThat(Text.fold("Straße")).isEqualTo("strasse");
        assertThat(Text.fold(null)).isEmpty();
    }

    @Test
    void wordsAreRunsOfLettersAndDigits() {
        assertThat(Text.words("s&p 500 index")).containsExactly("s", "p", "500", "index");
        assertThat(Text.words("  apple, inc. ")).containsExactly("apple", "inc");
        assertThat(Text.words("")).isEmpty();
    }

    @Test
    void oneEditIsASubstitutionInsertionDeletionOrAdjacentSwap() {
        assertThat(Text.withinOneEdit("apple", "apple")).isTrue();
        assertThat(Text.withinOneEdit("appke", "apple")).as("substitution").isTrue();
        assertThat(Text.withinOneEdit("aple", "apple")).as("deletion").isTrue();
        assertThat(Text.withinOneEdit("appple", "apple")).as("insertion").isTrue();
        assertThat(Text.withinOneEdit("appel", "apple")).as("swap").isTrue();
        assertThat(Text.withinOneEdit("microsfot", "microsoft")).as("swap").isTrue();
        assertThat(Text.withinOneEdit("gogle", "google")).isTrue();
        assertThat(Text.withinOneEdit("xpple", "apple")).isTrue();
        assertThat(Text.withinOneEdit("applx", "apple")).isTrue();
    }

    @Test
    void twoEditsAreTooMany() {
        assertThat(Text.withinOneEdit("axxle", "apple")).as("two substitutions").isFalse();
        assertThat(Text.withinOneEdit("lpape", "apple"))
                .as("swap of non-adjacent letters")
                .isFalse();
        assertThat(Text.withinOneEdit("aplpe", "apple")).as("one adjacent swap").isTrue();
        assertThat(Text.withinOneEdit("apl", "apple")).isFalse();
        assertThat(Text.withinOneEdit("banana", "apple")).isFalse();
        assertThat(Text.withinOneEdit("ppale", "apple")).isFalse();
    }

    @Test
    void canCompareWithThePrefixOfALongerWord() {
        assertThat(Text.withinOneEdit("micrs", "microsoft", 5)).isTrue();
        assertThat(Text.withinOneEdit("mxcrs", "microsoft", 5)).isFalse();
    }
}
