package io.qnt9.srs.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.qnt9.srs.marketdata.Instrument;
import io.qnt9.srs.marketdata.InstrumentKind;
import io.qnt9.srs.search.SearchIndex.MatchType;
import io.qnt9.srs.search.SearchIndex.QueryType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchIndexTests {

    static Instrument stock(String symbol, String name, String isin, String wkn) {
        return new Instrument(symbol, name, "NASDAQ", "USD", isin, wkn, null, InstrumentKind.STOCK);
    }

    static final SearchIndex INDEX = new SearchIndex(
            List.of(
                    stock("AAPL", "Apple Inc.", "US0378331005", "865985"),
                    stock("APLE", "Apple Hospitality REIT Inc.", null, null),
                    stock("AAP", "Advance Auto Parts Inc.", null, null),
                    stock("MSFT", "Microsoft Corporation", "US5949181045", "870747"),
                    stock("SAP", "SAP SE ADR", null, null),
                    stock("SAP.DE", "SAP SE", "DE0007164600", "716460"),
                    stock("NESN.SW", "Nestlé S.A.", "CH0038863350", "A0Q4DC"),
                    stock("GOOG", "Google Inc. Class A (now Alphabet Inc.)", "US38259P5089", "A0B7FY"),
                    new Instrument(
                            "SPX",
                            "S&P 500 Index",
                            "S&P DJI",
                            "USD",
                            "US78378X1072",
                            "A0AET0",
                            null,
                            InstrumentKind.INDEX)),
            1);

    private static List<String> symbols(String query) {
        return INDEX.search(query, 10).hits().stream()
                .map(h -> h.instrument().symbol())
                .toList();
    }

    private static SearchIndex.Hit first(String query) {
        return INDEX.search(query, 10).hits().get(0);
    }

    @Test
    void anExactSymbolComesFirstThenLongerSymbolsStartingWithIt() {
        assertThat(symbols("aap")).startsWith("AAP", "AAPL");
        assertThat(first("aap").matchType()).isEqualTo(MatchType.SYMBOL_EXACT);
        assertThat(INDEX.search("aap", 10).hits().get(1).matchType()).isEqualTo(MatchType.SYMBOL_PREFIX);
        assertThat(first("AAPL").score()).isEqualTo(1000);
    }

    @Test
    void wordsSplitOrRunTogetherDifferentlyFromTheNameStillFindIt() {
        assertThat(symbols("micro soft")).containsExactly("MSFT");
        assertThat(first("micro soft").matchType()).isEqualTo(MatchType.NAME_CONTAINS);
        assertThat(first("micro soft").score()).isEqualTo(250);
        // "S&P 500 Index" has the words s, p, 500, index
        assertThat(symbols("sp500")).containsExactly("SPX");
        assertThat(symbols("sp 500")).containsExactly("SPX");
        assertThat(symbols("nestlesa")).containsExactly("NESN.SW");
        SearchIndex jpm = new SearchIndex(List.of(stock("JPM", "JP Morgan Chase & Co.", null, null)), 1);
        assertThat(jpm.search("jpmorgan", 10).hits())
                .extracting(h -> h.instrument().symbol())
                .containsExactly("JPM");
        // Short queries do not match across word boundaries ("lein" is inside "appleinc").
        assertThat(symbols("lein")).isEmpty();
        // A plain contained name still scores as before.
        assertThat(first("icrosoft").score()).isEqualTo(300);
    }

    @Test
    void symbolMatchesOutrankNameMatches() {
        // "sap": SAP (exact) > SAP.DE (symbol prefix) > names containing "sap" would come after
        assertThat(symbols("sap")).containsExactly("SAP", "SAP.DE");
        List<SearchIndex.Hit> hits = INDEX.search("sap", 10).hits();
        assertThat(hits.get(0).score()).isGreaterThan(hits.get(1).score());
    }

    @Test
    void findsByIsinAndWkn() {
        SearchIndex.Result isin = INDEX.search("us0378331005", 10);
        assertThat(isin.queryType()).isEqualTo(QueryType.ISIN);
        assertThat(isin.hits().get(0).instrument().symbol()).isEqualTo("AAPL");
        assertThat(isin.hits().get(0).matchType()).isEqualTo(MatchType.ISIN);
        SearchIndex.Result wkn = INDEX.search("716460", 10);
        assertThat(wkn.queryType()).isEqualTo(QueryType.WKN);
        assertThat(wkn.hits().get(0).instrument().symbol()).isEqualTo("SAP.DE");
        assertThat(first("a0q4dc").instrument().symbol()).isEqualTo("NESN.SW");
    }

    @Test
    void anIsinWithAWrongCheckDigitIsSearchedAsTextAndFlagged() {
        SearchIndex.Result r = INDEX.search("US0378331006", 10);
        assertThat(r.queryType()).isEqualTo(QueryType.TEXT);
        assertThat(r.isinCheckDigitInvalid()).isTrue();
        assertThat(r.hits()).isEmpty();
    }

    @Test
    void namePrefixesRankAboveNameWordsAboveContainsAboveTypos() {
        assertThat(first("apple").matchType()).isEqualTo(MatchType.NAME_PREFIX);
        assertThat(symbols("apple")).containsExactly("AAPL", "APLE"); // tie at 500: shorter name first
        assertThat(first("corp").matchType()).isEqualTo(MatchType.NAME_WORD);
        assertThat(first("soft").matchType()).isEqualTo(MatchType.NAME_CONTAINS);
        assertThat(first("microsfot").matchType()).isEqualTo(MatchType.NAME_FUZZY);
        assertThat(first("microsfot").instrument().symbol()).isEqualTo("MSFT");
    }

    @Test
    void toleratesOneTypoInNamesIncludingWhileStillTyping() {
        assertThat(symbols("appel")).containsExactly("AAPL", "APLE");
        assertThat(symbols("gogle")).containsExactly("GOOG");
        assertThat(symbols("micrsof")).containsExactly("MSFT");
        assertThat(symbols("axxle")).as("two typos").isEmpty();
    }

    @Test
    void ignoresCaseAndAccents() {
        assertThat(symbols("nestle")).containsExactly("NESN.SW");
        assertThat(symbols("NESTLÉ")).containsExactly("NESN.SW");
        assertThat(symbols("ALPHABET")).containsExactly("GOOG");
    }

    @Test
    void everyWordOfAMultiWordQueryMustMatch() {
        assertThat(symbols("hospitality apple")).containsExactly("APLE");
        assertThat(first("apple hosp").matchType()).isEqualTo(MatchType.NAME_PREFIX);
        assertThat(symbols("s&p 500")).containsExactly("SPX");
    }

    @Test
    void respectsTheLimit() {
        assertThat(INDEX.search("inc", 2).hits()).hasSize(2);
        assertThat(INDEX.search("inc", 10).hits()).hasSizeGreaterThan(2);
    }

    @Test
    void classifiesQueries() {
        assertThat(SearchIndex.classify("DE0007164600")).isEqualTo(QueryType.ISIN);
        assertThat(SearchIndex.classify("A0B7FY")).isEqualTo(QueryType.WKN);
        assertThat(SearchIndex.classify("msft")).isEqualTo(QueryType.SYMBOL);
        assertThat(SearchIndex.classify("brk.b")).isEqualTo(QueryType.SYMBOL);
        assertThat(SearchIndex.classify("microsoft corp")).isEqualTo(QueryType.TEXT);
        assertThat(SearchIndex.classify("NVIDIA"))
                .as("six letters, no digit: not a WKN")
                .isEqualTo(QueryType.SYMBOL);
    }
}
