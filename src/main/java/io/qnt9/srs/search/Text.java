package io.qnt9.srs.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Folding and comparing text for search: case- and accent-insensitive, words split on anything not a letter/digit. */
final class Text {

    private Text() {}

    /** "Nestlé S.A." → "nestle s.a."; "Ærø" → "aero"; keeps letters, digits, spaces and punctuation, lower case. */
    static String fold(String s) {
        if (s == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(s, Normalizer.Form.NFKD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            switch (c) {
                case 'ß' -> sb.append("ss");
                case 'æ', 'Æ' -> sb.append("ae");
                case 'ø', 'Ø' -> sb.append('o');
                case 'œ', 'Œ' -> sb.append("oe");
                default -> sb.append(Character.isWhitespace(c) ? ' ' : c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT).trim();
    }

    /** The words of already-folded text: maximal runs of letters and digits. */
    static List<String> words(String folded) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= folded.length(); i++) {
            boolean wordChar = i < folded.length() && Character.isLetterOrDigit(folded.charAt(i));
            if (wordChar && start < 0) {
                start = i;
            } else if (!wordChar && start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
        }
        return words;
    }

    /**
     * The set of ASCII letters and digits in folded text, one bit each (other characters are ignored). A cheap
     * necessary condition for the string tests: text can only contain, start with or be one edit away from a query
     * when (nearly) all of the query's letters occur in it.
     */
    static long letters(String folded) {
        long mask = 0;
        for (int i = 0; i < folded.length(); i++) {
            mask |= bit(folded.charAt(i));
        }
        return mask;
    }

    /** The bit of an ASCII lower-case letter or digit in a {@link #letters} set; 0 for any other character. */
    private static long bit(char c) {
        if (c >= 'a' && c <= 'z') {
            return 1L << (c - 'a');
        }
        return c >= '0' && c <= '9' ? 1L << (26 + c - '0') : 0;
    }

    /**
     * How many characters of {@code query} (ASCII letters and digits, counted per position) do not occur in the text
     * whose {@link #letters} are given. A substitution or insertion brings in one character, a deletion or swap
     * none, so a query within one edit of (a prefix of) a word has at most one; containing or starting with the
     * query means none.
     */
    static int absent(String query, long textLetters) {
        int absent = 0;
        for (int i = 0; i < query.length(); i++) {
            if ((bit(query.charAt(i)) & ~textLetters) != 0) {
                absent++;
            }
        }
        return absent;
    }

    /**
     * True when {@code a} and {@code b} differ by at most one edit: a substitution, an insertion, a deletion, or a
     * swap of two adjacent characters (optimal string alignment distance ≤ 1). Linear time, no allocation.
     */
    static boolean withinOneEdit(String a, String b) {
        return withinOneEdit(a, b, b.length());
    }

    /** As {@link #withinOneEdit(String, String)}, comparing {@code a} with the first {@code lb} characters of b. */
    static boolean withinOneEdit(String a, String b, int lb) {
        int la = a.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        while (i < la && i < lb && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        if (i == la && i == lb) {
            return true; // equal
        }
        if (la == lb) {
            // substitution at i, or transposition of i and i+1
            if (a.regionMatches(i + 1, b, i + 1, la - i - 1)) {
                return true;
            }
            return i + 1 < la
                    && a.charAt(i) == b.charAt(i + 1)
                    && a.charAt(i + 1) == b.charAt(i)
                    && a.regionMatches(i + 2, b, i + 2, la - i - 2);
        }
        // one insertion/deletion at i
        return la > lb ? a.regionMatches(i + 1, b, i, lb - i) : b.regionMatches(i + 1, a, i, la - i);
    }
}
