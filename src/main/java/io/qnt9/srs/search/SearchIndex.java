package io.qnt9.srs.search;

import io.qnt9.srs.marketdata.Instrument;
import io.qnt9.srs.marketdata.Isin;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * An immutable, pre-folded copy of the instrument directory, scanned linearly per query (10,000 instruments in well
 * under a millisecond; see docs/PERFORMANCE.md). Ranking, best first:
 *
 * <ol>
 *   <li>1000 — exact symbol, ISIN or WKN
 *   <li>800 — symbol starts with the query (shorter symbols first)
 *   <li>600 — symbol contains the query
 *   <li>500 — name starts with the query
 *   <li>400 — every query word starts a word of the name
 *   <li>300 — name contains the query
 *   <li>200 — every query word is within one typo (edit or swap) of a word of the name (queries of 4+ letters)
 * </ol>
 *
 * Ties go to the shorter name, then the symbol. Matching ignores case and accents.
 */
final class SearchIndex {

    private static final Pattern WKN = Pattern.compile("[A-Z0-9]{6}");
    private static final int FUZZY_MIN_LENGTH = 4;
    /** A query this long (letters and digits) may match a name with the spaces taken out of both. */
    private static final int JOINED_MIN_LENGTH = 5;

    private static final byte NEAR = 1;
    private static final byte FAR = 2;

    private final Entry[] entries;
    /** Every distinct word of every name, once: names share words ("Inc", "Holdings", "Capital"…). */
    private final String[] vocabulary;

    private final long[] vocabularyLetters;
    final long version;

    /**
     * One instrument, folded once: its name's words as indexes into the vocabulary, and the name's letter set, which
     * lets a query skip names that cannot match before any string test.
     */
    record Entry(
            Instrument instrument,
            String symbolFolded,
            String nameFolded,
            String nameJoined,
            int[] words,
            long nameLetters) {}

    enum MatchType {
        ISIN,
        WKN,
        SYMBOL_EXACT,
        SYMBOL_PREFIX,
        SYMBOL_CONTAINS,
        NAME_PREFIX,
        NAME_WORD,
        NAME_CONTAINS,
        NAME_FUZZY
    }

    enum QueryType {
        ISIN,
        WKN,
        SYMBOL,
        TEXT
    }

    record Hit(Instrument instrument, int score, MatchType matchType) {}

    record Result(QueryType queryType, boolean isinCheckDigitInvalid, List<Hit> hits) {}

    SearchIndex(List<Instrument> instruments, long version) {
        this.version = version;
        this.entries = new Entry[instruments.size()];
        Map<String, Integer> ids = new HashMap<>();
        List<String> vocabulary = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            Instrument in = instruments.get(i);
            String name = Text.fold(in.name());
            List<String> nameWords = Text.words(name);
            int[] words = nameWords.stream()
                    .mapToInt(w -> ids.computeIfAbsent(w, k -> {
                        vocabulary.add(k);
                        return vocabulary.size() - 1;
                    }))
                    .toArray();
            entries[i] = new Entry(
                    in,
                    in.symbol().toLowerCase(Locale.ROOT),
                    name,
                    String.join("", nameWords),
                    words,
                    Text.letters(name));
        }
        this.vocabulary = vocabulary.toArray(String[]::new);
        this.vocabularyLetters = new long[this.vocabulary.length];
        for (int w = 0; w < this.vocabulary.length; w++) {
            vocabularyLetters[w] = Text.letters(this.vocabulary[w]);
        }
    }

    int size() {
        return entries.length;
    }

    static QueryType classify(String query) {
        String q = query.trim().toUpperCase(Locale.ROOT);
        if (Isin.isValid(q)) {
            return QueryType.ISIN;
        }
        if (WKN.matcher(q).matches() && q.chars().anyMatch(Character::isDigit)) {
            return QueryType.WKN;
        }
        if (q.length() <= 6 && q.matches("[A-Z0-9^][A-Z0-9.^=-]*")) {
            return QueryType.SYMBOL;
        }
        return QueryType.TEXT;
    }

    Result search(String query, int limit) {
        String trimmed = query.trim();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        QueryType type = classify(trimmed);
        boolean badIsin = type == QueryType.TEXT && Isin.hasShape(upper);
        String folded = Text.fold(trimmed);
        String[] words = Text.words(folded).toArray(String[]::new);
        // "micro soft" for Microsoft, "jpmorgan" for JP Morgan: the words of both run together.
        String joined = String.join("", words);
        boolean fuzzy = folded.length() >= FUZZY_MIN_LENGTH && words.length > 0;
        // Exact name matches need every letter of the query in the name; a fuzzy one at most one absent per word.
        int absentAllowed = fuzzy ? words.length : 0;

        // Whether query word k is within one typo of vocabulary word w: 0 not yet known, else NEAR or FAR. Each
        // distinct name word is compared once per query, however many names share it.
        byte[][] near = fuzzy ? new byte[words.length][vocabulary.length] : null;

        // Keep the best `limit` hits in a small sorted array; no per-entry allocation for non-matches.
        Hit[] top = new Hit[limit];
        int n = 0;
        for (Entry e : entries) {
            int score = 0;
            MatchType how = null;
            Instrument in = e.instrument();
            int absent = Text.absent(folded, e.nameLetters());
            if (upper.equals(in.symbol())) {
                score = 1000;
                how = MatchType.SYMBOL_EXACT;
            } else if (upper.equals(in.isin())) {
                score = 1000;
                how = MatchType.ISIN;
            } else if (upper.equals(in.wkn())) {
                score = 1000;
                how = MatchType.WKN;
            } else if (e.symbolFolded().startsWith(folded)) {
                score = 800 - Math.min(99, e.symbolFolded().length() - folded.length());
                how = MatchType.SYMBOL_PREFIX;
            } else if (folded.length() >= 2 && e.symbolFolded().contains(folded)) {
                score = 600;
                how = MatchType.SYMBOL_CONTAINS;
            } else if (absent > absentAllowed) {
                // Too many of the query's letters are absent from the name for any name match, even a fuzzy one.
            } else if (absent == 0 && e.nameFolded().startsWith(folded)) {
                score = 500;
                how = MatchType.NAME_PREFIX;
            } else if (words.length > 0 && absent == 0 && allWordsStartWords(words, e.words())) {
                score = 400;
                how = MatchType.NAME_WORD;
            } else if (folded.length() >= 2 && absent == 0 && e.nameFolded().contains(folded)) {
                score = 300;
                how = MatchType.NAME_CONTAINS;
            } else if (joined.length() >= JOINED_MIN_LENGTH
                    && absent == 0
                    && e.nameJoined().contains(joined)) {
                score = 250;
                how = MatchType.NAME_CONTAINS;
            } else if (fuzzy && allWordsNear(words, e.words(), near)) {
                score = 200;
                how = MatchType.NAME_FUZZY;
            }
            if (how == null) {
                continue;
            }
            if (n < limit) {
                top[n++] = new Hit(in, score, how);
                siftUp(top, n - 1);
            } else if (better(score, in, top[n - 1])) {
                top[n - 1] = new Hit(in, score, how);
                siftUp(top, n - 1);
            }
        }
        List<Hit> hits = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            hits.add(top[i]);
        }
        return new Result(type, badIsin, hits);
    }

    /** Insertion step keeping {@code top[0..i]} sorted best first. */
    private static void siftUp(Hit[] top, int i) {
        while (i > 0 && better(top[i].score(), top[i].instrument(), top[i - 1])) {
            Hit t = top[i];
            top[i] = top[i - 1];
            top[i - 1] = t;
            i--;
        }
    }

    private static boolean better(int score, Instrument in, Hit other) {
        if (score != other.score()) {
            return score > other.score();
        }
        int byLength =
                Integer.compare(in.name().length(), other.instrument().name().length());
        if (byLength != 0) {
            return byLength < 0;
        }
        return in.symbol().compareTo(other.instrument().symbol()) < 0;
    }

    private boolean allWordsStartWords(String[] query, int[] name) {
        for (String q : query) {
            boolean found = false;
            for (int w : name) {
                if (vocabulary[w].startsWith(q)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    /** {@code q} is within one edit of the first {@code |q| - 1}, {@code |q|} or {@code |q| + 1} letters of w. */
    private static boolean nearPrefix(String q, String w) {
        for (int len = q.length() - 1; len <= q.length() + 1; len++) {
            if (w.length() > len && Text.withinOneEdit(q, w, len)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every query word is within one edit of a name word, or of the start of a longer name word (still typing). One
     * edit leaves at most one of the query word's characters absent from the name word, which rules out most pairs
     * before the edit distance is computed; {@code near} remembers each answer for the rest of the query.
     */
    private boolean allWordsNear(String[] query, int[] name, byte[][] near) {
        for (int k = 0; k < query.length; k++) {
            String q = query[k];
            byte[] known = near[k];
            boolean found = false;
            for (int w : name) {
                if (known[w] == 0) {
                    String word = vocabulary[w];
                    boolean isNear = Text.absent(q, vocabularyLetters[w]) <= 1
                            && (Text.withinOneEdit(q, word) || (q.length() >= FUZZY_MIN_LENGTH && nearPrefix(q, word)));
                    known[w] = isNear ? NEAR : FAR;
                }
                if (known[w] == NEAR) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }
}
