package io.qnt9.srs.search;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

/**
 * The search skips a name word when more than one of the query word's characters are absent from it. That is only safe
 * if no one-edit variant of a word ever misses more than one letter: these properties apply every kind of edit to
 * random words (and a still-typed prefix) and check both that the edit is recognised and that the filter lets it pass.
 */
class LetterFilterProperties {

    private static String lower(String s) {
        return s.toLowerCase(java.util.Locale.ROOT);
    }

    @Property(tries = 2000)
    void anyOneEditVariantPassesTheLetterFilter(
            @ForAll @AlphaChars @NumericChars @StringLength(min = 2, max = 14) String raw,
            @ForAll @IntRange(min = 0, max = 3) int kind,
            @ForAll @IntRange(min = 0, max = 100) int where,
            @ForAll @AlphaChars @StringLength(min = 1, max = 1) String letter) {
        String word = lower(raw);
        String c = lower(letter);
        int i = where % word.length();
        String variant = switch (kind) {
            case 0 -> word.substring(0, i) + c + word.substring(i + 1); // substitution
            case 1 -> word.substring(0, i) + c + word.substring(i); // insertion
            case 2 -> word.substring(0, i) + word.substring(i + 1); // deletion
            default ->
                i + 1 < word.length() // adjacent swap
                        ? word.substring(0, i) + word.charAt(i + 1) + word.charAt(i) + word.substring(i + 2)
                        : word;
        };
        assertThat(Text.withinOneEdit(variant, word)).isTrue();
        assertThat(Text.absent(variant, Text.letters(word))).isLessThanOrEqualTo(1);
        // The same variant typed as a prefix of a longer name word.
        String longer = word + "xyz";
        assertThat(Text.absent(variant, Text.letters(longer))).isLessThanOrEqualTo(1);
    }

    @Property(tries = 1000)
    void textContainingTheQueryHasAllItsLetters(
            @ForAll @AlphaChars @StringLength(min = 1, max = 10) String query,
            @ForAll @AlphaChars @StringLength(max = 10) String before,
            @ForAll @AlphaChars @StringLength(max = 10) String after) {
        String q = lower(query);
        String text = lower(before) + " " + q + " " + lower(after);
        assertThat(Text.absent(q, Text.letters(text))).isZero();
    }
}
