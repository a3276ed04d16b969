package io.qnt9.srs.marketdata;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import tools.jackson.databind.json.JsonMapper;

/** The adapter against a local stub serving Alpha Vantage's real response formats, including its error bodies. */
@ExtendWith(OutputCaptureExtension.class)
class AlphaVantageProviderTests {

    WireMockServer stub;

    @BeforeEach
    void start() {
        stub = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        stub.start();
    }

    @AfterEach
    void stop() {
        stub.stop();
    }

    static String body(String name) throws IOException {
        return Files.readString(Path.of("src/test/resources/alphavantage", name));
    }

    private AlphaVantageProvider provider(Duration readTimeout, boolean splits, boolean dividends) {
        return new AlphaVantageProvider(
                new ProviderProperties(
                        URI.create(stub.baseUrl() + "/"),
                        "test-key-123",
                        Duration.ofSeconds(1),
                        readTimeout,
                        3,
                        Duration.ofMillis(10),
                        splits,
                        dividends),
                JsonMapper.builder().build());
    }

    private AlphaVantageProvider provider(Duration readTimeout) {
        return provider(readTimeout, true, true);
    }

    private AlphaVantageProvider provider() {
        return provider(Duration.ofSeconds(2));
    }

    /** The daily series answers with {@code file}, the split list with {@code splitsFile}, no dividends. */
    private void answer(String file, String splitsFile) throws IOException {
        answer(file, splitsFile, "dividends-none.json");
    }

    /** The daily series answers with {@code file}, the split list with {@code splitsFile}, the dividends with … */
    private void answer(String file, String splitsFile, String dividendsFile) throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .willReturn(okJson(body(file))));
        answerSplits(splitsFile);
        answerDividends(dividendsFile);
    }

    private void answerDividends(String dividendsFile) throws IOException {
        answerDividendsWith(body(dividendsFile));
    }

    private void answerDividendsWith(String json) {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("DIVIDENDS"))
                .willReturn(okJson(json)));
    }

    private void answerSplits(String splitsFile) throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("SPLITS"))
                .willReturn(okJson(body(splitsFile))));
    }

    private void answer(String file) throws IOException {
        answer(file, "splits-none.json");
    }

    /** A refresh's calls: the split list first, then the dividends, then the bars adjusted for them. */
    private static String fetch(AlphaVantageProvider provider, String symbol, boolean full) {
        List<MarketDataProvider.Split> splits = provider.splits(symbol);
        return provider.dailyBars(symbol, full, splits, provider.dividends(symbol));
    }

    private static com.github.tomakehurst.wiremock.matching.RequestPatternBuilder daily() {
        return getRequestedFor(urlPathEqualTo("/query")).withQueryParam("function", equalTo("TIME_SERIES_DAILY"));
    }

    @Test
    void turnsTheDailySeriesIntoAscendingCsvAndSendsTheRightQuery() throws IOException {
        answer("daily-ibm-compact.json");
        String csv = fetch(provider(), "IBM", false);
        assertThat(csv)
                .isEqualTo("date,open,high,low,close,adj_close,volume\n"
                        + "2024-05-15,167.9400,168.3500,166.0000,168.2600,168.2600,4468843\n"
                        + "2024-05-16,168.2600,169.6300,167.7900,168.9700,168.9700,3492300\n"
                        + "2024-05-17,168.9700,169.6300,167.5000,169.0300,169.0300,2956727\n");
        stub.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .withQueryParam("symbol", equalTo("IBM"))
                .withQueryParam("outputsize", equalTo("compact"))
                .withQueryParam("apikey", equalTo("test-key-123")));
        stub.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("SPLITS"))
                .withQueryParam("symbol", equalTo("IBM"))
                .withQueryParam("apikey", equalTo("test-key-123")));
        stub.verify(getRequestedFor(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("DIVIDENDS"))
                .withQueryParam("symbol", equalTo("IBM"))
                .withQueryParam("apikey", equalTo("test-key-123")));
    }

    @Test
    void barsBeforeASplitAreDividedByItsFactorAndTheirVolumeMultiplied() throws IOException {
        // as traded: a 4-for-1 split effective 2024-06-06 and a 10-for-1 effective 2024-06-10 (listed newest first)
        answer("daily-splt-as-traded.json", "splits-splt.json");
        AlphaVantageProvider provider = provider();
        List<MarketDataProvider.Split> splits = provider.splits("SPLT");
        assertThat(splits)
                .extracting(s ->
                        s.effective() + " x" + s.factor().stripTrailingZeros().toPlainString())
                .containsExactly("2024-06-06 x4", "2024-06-10 x10");
        assertThat(provider.dailyBars("SPLT", false, splits, List.of()))
                .isEqualTo("date,open,high,low,close,adj_close,volume\n"
                        // before both: ÷ 40, volume × 40 (4800 / 40 = 120, 1,000,000 × 40 = 40,000,000)
                        + "2024-06-04,120,121,119,120.5,120.5,40000000\n"
                        + "2024-06-05,120.5,122.5,120,122,122,50000000\n"
                        // between them: ÷ 10 (1225.3 / 10 = 122.53), volume × 10
                        + "2024-06-06,122,123.25,121.5,122.53,122.53,50000010\n"
                        + "2024-06-07,122.53,124,121.07,123.333,123.333,43219870\n"
                        // from the last split on: as the provider sent them
                        + "2024-06-10,123.5000,125.0000,122.1000,124.4000,124.4000,45000000\n"
                        + "2024-06-11,124.4000,126.0000,123.9000,125.7500,125.7500,38000000\n");
    }

    @Test
    void fractionalAndReverseSplitsAreAppliedInDecimalsAndVolumesRoundedToAShare() throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .willReturn(okJson("""
                        {"Meta Data": {"2. Symbol": "FRAC"}, "Time Series (Daily)": {
                          "2020-01-06": {"1. open": "102.0000", "2. high": "103.0000", "3. low": "101.0000",
                                         "4. close": "102.5000", "5. volume": "100"},
                          "2020-01-03": {"1. open": "10.0000", "2. high": "10.5000", "3. low": "9.9000",
                                         "4. close": "10.2000", "5. volume": "1000"},
                          "2020-01-02": {"1. open": "15.2000", "2. high": "15.5000", "3. low": "15.1000",
                                         "4. close": "15.3000", "5. volume": "1001"}}}""")));
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("SPLITS"))
                .willReturn(okJson("""
                        {"symbol": "FRAC", "data": [
                          {"effective_date": "2020-01-03", "split_factor": "1.5000"},
                          {"effective_date": "2020-01-06", "split_factor": "0.1000"}]}""")));
        answerDividends("dividends-none.json");
        assertThat(fetch(provider(), "FRAC", true))
                .isEqualTo("date,open,high,low,close,adj_close,volume\n"
                        // 3-for-2 then 1-for-10: ÷ 0.15; 15.2 / 0.15 = 101.333… to 16 digits; 1001 × 0.15 = 150.15
                        + "2020-01-02,101.3333333333333,103.3333333333333,100.6666666666667,102,102,150\n"
                        // 1-for-10 only: ÷ 0.1, volume × 0.1
                        + "2020-01-03,100,105,99,102,102,100\n"
                        + "2020-01-06,102.0000,103.0000,101.0000,102.5000,102.5000,100\n");
    }

    @Test
    void aMissingOrUnusableSplitListIsABadResponseNeverNoSplits() throws IOException {
        answer("daily-ibm-compact.json");
        for (String splits : new String[] {
            "{\"symbol\": \"IBM\"}",
            "{\"symbol\": \"IBM\", \"data\": {\"2024-01-02\": \"2.0\"}}",
            "{\"symbol\": \"IBM\", \"data\": [{\"effective_date\": \"2024-01-02\", \"split_factor\": \"0.0000\"}]}",
            "{\"symbol\": \"IBM\", \"data\": [{\"effective_date\": \"soon\", \"split_factor\": \"2.0000\"}]}",
            "{\"symbol\": \"IBM\", \"data\": [{\"effective_date\": \"2024-01-02\", \"split_factor\": \"2\"},"
                    + " {\"effective_date\": \"2024-01-02\", \"split_factor\": \"2\"}]}"
        }) {
            stub.stubFor(get(urlPathEqualTo("/query"))
                    .withQueryParam("function", equalTo("SPLITS"))
                    .willReturn(okJson(splits)));
            assertThatThrownBy(() -> provider().splits("IBM"))
                    .as(splits)
                    .isInstanceOfSatisfying(
                            ProviderException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.BAD_RESPONSE));
        }
    }

    @Test
    void theSplitListsRateLimitIsTheProvidersRateLimit() throws IOException {
        answer("daily-ibm-compact.json", "note-call-frequency.json");
        assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED));
        stub.verify(0, daily()); // asked first, it ends the refresh before the bars are fetched
    }

    @Test
    void withSplitsOffOneRequestIsMadeAndTheBarsStayAsTraded() throws IOException {
        answer("daily-splt-as-traded.json", "splits-splt.json");
        AlphaVantageProvider provider = provider(Duration.ofSeconds(2), false, true);
        assertThat(provider.splits("SPLT")).isEmpty();
        assertThat(fetch(provider, "SPLT", false))
                .contains("2024-06-04,4800.0000,4840.0000,4760.0000,4820.0000,4820.0000,1000000\n");
        stub.verify(0, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("function", equalTo("SPLITS")));
    }

    @Test
    void theAdjustedCloseCompoundsEachDividendFromTheCloseBeforeItsExDate() throws IOException {
        answer("daily-divd-as-traded.json", "splits-none.json", "dividends-divd.json");
        AlphaVantageProvider provider = provider();
        assertThat(provider.dividends("DIVD"))
                .extracting(d -> d.exDate() + " " + d.amount().toPlainString())
                .containsExactly("2023-12-14 0.4800", "2024-09-11 0.4840", "2024-09-13 0.3005", "2024-12-12 0.5000");
        // By hand, from the closes of the fixture:
        //   ex 2024-09-11, 0.4840 / 60.50 (the close of 09-10) = 0.008 → bars before it × 0.992
        //   ex 2024-09-13, 0.3005 / 60.10 (the close of 09-12) = 0.005 → bars before it × 0.995
        //   ex 2023-12-14: no bar before it; ex 2024-12-12: after the last bar — neither adjusts a bar
        BigDecimal first = new BigDecimal("0.992");
        BigDecimal second = new BigDecimal("0.995");
        assertThat(first.multiply(second)).isEqualByComparingTo("0.98704");
        assertThat(new BigDecimal("60.00").multiply(first).multiply(second)).isEqualByComparingTo("59.2224");
        assertThat(new BigDecimal("60.50").multiply(first).multiply(second)).isEqualByComparingTo("59.71592");
        assertThat(new BigDecimal("59.80").multiply(second)).isEqualByComparingTo("59.501");
        assertThat(new BigDecimal("60.10").multiply(second)).isEqualByComparingTo("59.7995");
        assertThat(fetch(provider, "DIVD", false))
                .isEqualTo("date,open,high,low,close,adj_close,volume\n"
                        + "2024-09-09,59.8000,60.2000,59.5000,60.0000,59.2224,900000\n"
                        + "2024-09-10,60.1000,60.7000,60.0000,60.5000,59.71592,1000000\n"
                        + "2024-09-11,60.0000,60.1000,59.6000,59.8000,59.501,1500000\n"
                        + "2024-09-12,59.9000,60.3000,59.7000,60.1000,59.7995,1100000\n"
                        // after the last dividend that went ex: the close as sent
                        + "2024-09-13,60.0000,60.4000,59.9000,60.2000,60.2000,1200000\n");
    }

    @Test
    void dividendsOutsideTheFetchedBarsChangeNothing() throws IOException {
        // IBM's 2024 dividends go ex on 02-08, 05-09, 08-09 and 11-12; the three bars are 05-15 to 05-17
        answer("daily-ibm-compact.json", "splits-none.json", "dividends-ibm.json");
        AlphaVantageProvider provider = provider();
        assertThat(provider.dividends("IBM")).hasSize(4);
        assertThat(fetch(provider, "IBM", false))
                .isEqualTo("date,open,high,low,close,adj_close,volume\n"
                        + "2024-05-15,167.9400,168.3500,166.0000,168.2600,168.2600,4468843\n"
                        + "2024-05-16,168.2600,169.6300,167.7900,168.9700,168.9700,3492300\n"
                        + "2024-05-17,168.9700,169.6300,167.5000,169.0300,169.0300,2956727\n");
    }

    @Test
    void aDividendBeforeASplitIsInTheSharesOfItsDayAndAdjustedLikeTheCloseBeforeIt() throws IOException {
        // as traded: a 4-for-1 split on 2024-06-06 and a 10-for-1 on 2024-06-10; dividends as paid per share then
        answer("daily-splt-as-traded.json", "splits-splt.json", "dividends-splt.json");
        // ex 2024-06-05 (before both splits): 48.20 per share then = 48.20 / 40 = 1.205 per today's share; the close
        //   before it (06-04) 4820 / 40 = 120.5; 1.205 / 120.5 = 0.01 → × 0.99 (48.20 / 120.5 unadjusted: × 0.6)
        // ex 2024-06-07 (between them): 12.253 / 10 = 1.2253; the close of 06-06 1225.3 / 10 = 122.53 → × 0.99
        assertThat(new BigDecimal("120.5").multiply(new BigDecimal("0.99")).multiply(new BigDecimal("0.99")))
                .isEqualByComparingTo("118.10205");
        assertThat(new BigDecimal("122").multiply(new BigDecimal("0.99"))).isEqualByComparingTo("120.78");
        assertThat(new BigDecimal("122.53").multiply(new BigDecimal("0.99"))).isEqualByComparingTo("121.3047");
        assertThat(fetch(provider(), "SPLT", false))
                .isEqualTo("date,open,high,low,close,adj_close,volume\n"
                        + "2024-06-04,120,121,119,120.5,118.10205,40000000\n"
                        + "2024-06-05,120.5,122.5,120,122,120.78,50000000\n"
                        + "2024-06-06,122,123.25,121.5,122.53,121.3047,50000010\n"
                        + "2024-06-07,122.53,124,121.07,123.333,123.333,43219870\n"
                        + "2024-06-10,123.5000,125.0000,122.1000,124.4000,124.4000,45000000\n"
                        + "2024-06-11,124.4000,126.0000,123.9000,125.7500,125.7500,38000000\n");
    }

    private void answerBars(String seriesJson) {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .willReturn(okJson(
                        "{\"Meta Data\": {\"2. Symbol\": \"X\"}, \"Time Series (Daily)\": {" + seriesJson + "}}")));
    }

    private static String bar(String date, String close) {
        return "\"" + date + "\": {\"1. open\": \"" + close + "\", \"2. high\": \"" + close + "\", \"3. low\": \""
                + close + "\", \"4. close\": \"" + close + "\", \"5. volume\": \"100\"}";
    }

    @Test
    void dividendsGoingExTheSameDayAreAddedUpAndTheFactorIsKeptToSixteenDigits() throws IOException {
        answerSplits("splits-none.json");
        answerBars(String.join(
                ",", bar("2024-01-02", "31.0000"), bar("2024-01-03", "30.0000"), bar("2024-01-04", "29.9500")));
        answerDividendsWith("""
                {"symbol": "X", "data": [
                  {"ex_dividend_date": "2024-01-04", "declaration_date": "None", "record_date": "None",
                   "payment_date": "None", "amount": "0.06"},
                  {"ex_dividend_date": "2024-01-04", "declaration_date": "None", "record_date": "None",
                   "payment_date": "None", "amount": "0.04"}]}""");
        // 0.06 + 0.04 = 0.10 against the close before it, 30: × (1 − 0.1 / 30) = × 0.99666…
        //   30 × (1 − 0.1 / 30) = 30 − 0.1 = 29.9
        //   31 × (1 − 0.1 / 30) = 31 − 0.10333… = 30.89666…, to 16 significant digits 30.89666666666667
        assertThat(fetch(provider(), "X", false))
                .isEqualTo("date,open,high,low,close,adj_close,volume\n"
                        + "2024-01-02,31.0000,31.0000,31.0000,31.0000,30.89666666666667,100\n"
                        + "2024-01-03,30.0000,30.0000,30.0000,30.0000,29.9,100\n"
                        + "2024-01-04,29.9500,29.9500,29.9500,29.9500,29.9500,100\n");
    }

    @Test
    void theSameDividendListedTwiceIsCountedOnce(CapturedOutput out) throws IOException {
        answerSplits("splits-none.json");
        answerBars(String.join(
                ",", bar("2024-01-02", "31.0000"), bar("2024-01-03", "30.0000"), bar("2024-01-04", "29.9500")));
        // The regular dividend listed twice, its fields in another order the second time, beside a special one of
        // the same ex-date (another amount and declaration date): 0.06 + 0.04, as in the test above, not 0.16.
        answerDividendsWith("""
                {"symbol": "X", "data": [
                  {"ex_dividend_date": "2024-01-04", "declaration_date": "2023-12-10", "record_date": "2024-01-05",
                   "payment_date": "2024-01-20", "amount": "0.06"},
                  {"amount": "0.06", "payment_date": "2024-01-20", "record_date": "2024-01-05",
                   "declaration_date": "2023-12-10", "ex_dividend_date": "2024-01-04"},
                  {"ex_dividend_date": "2024-01-04", "declaration_date": "2023-12-18", "record_date": "2024-01-05",
                   "payment_date": "2024-01-20", "amount": "0.04"}]}""");
        AlphaVantageProvider provider = provider();
        assertThat(provider.dividends("X"))
                .extracting(d -> d.amount().toPlainString())
                .containsExactlyInAnyOrder("0.06", "0.04");
        assertThat(out.getAll()).contains("Alpha Vantage lists a dividend of X twice; counted once");
        assertThat(fetch(provider, "X", false))
                .isEqualTo("date,open,high,low,close,adj_close,volume\n"
                        + "2024-01-02,31.0000,31.0000,31.0000,31.0000,30.89666666666667,100\n"
                        + "2024-01-03,30.0000,30.0000,30.0000,30.0000,29.9,100\n"
                        + "2024-01-04,29.9500,29.9500,29.9500,29.9500,29.9500,100\n");
    }

    @Test
    void aRefreshPlansOneRequestForTheBarsAndOnePerListAskedFor() {
        assertThat(provider().requestsPerRefresh()).isEqualTo(3);
        assertThat(provider(Duration.ofSeconds(2), true, false).requestsPerRefresh())
                .isEqualTo(2);
        assertThat(provider(Duration.ofSeconds(2), false, false).requestsPerRefresh())
                .isEqualTo(1);
    }

    @Test
    void unusableDividendsAreLeftOutWithAWarningNeverAnError(CapturedOutput out) throws IOException {
        answerSplits("splits-none.json");
        answerBars(String.join(",", bar("2024-01-02", "10.0000"), bar("2024-01-03", "9.5000")));
        answerDividendsWith("""
                {"symbol": "X", "data": [
                  {"ex_dividend_date": "2024-01-03", "declaration_date": "None", "record_date": "None",
                   "payment_date": "None", "amount": "None"},
                  {"ex_dividend_date": "2024-01-03", "declaration_date": "None", "record_date": "None",
                   "payment_date": "None", "amount": "0"},
                  {"ex_dividend_date": "2024-01-03", "declaration_date": "None", "record_date": "None",
                   "payment_date": "None", "amount": "-0.5"},
                  {"ex_dividend_date": "None", "declaration_date": "None", "record_date": "None",
                   "payment_date": "None", "amount": "0.25"}]}""");
        AlphaVantageProvider provider = provider();
        assertThat(provider.dividends("X")).isEmpty();
        assertThat(out.getAll()).contains("Alpha Vantage lists a dividend of X without a usable ex-date");

        // a dividend as large as the close before it would make the adjusted closes zero: left out too
        answerDividendsWith("""
                {"symbol": "X", "data": [{"ex_dividend_date": "2024-01-03", "declaration_date": "None",
                  "record_date": "None", "payment_date": "None", "amount": "10.00"}]}""");
        assertThat(fetch(provider, "X", false))
                .isEqualTo("date,open,high,low,close,adj_close,volume\n"
                        + "2024-01-02,10.0000,10.0000,10.0000,10.0000,10.0000,100\n"
                        + "2024-01-03,9.5000,9.5000,9.5000,9.5000,9.5000,100\n");
        assertThat(out.getAll()).contains("not less than the close before it (10 on 2024-01-02); ignored");
    }

    @Test
    void aMissingOrMalformedDividendListIsABadResponseNeverNoDividends() {
        for (String dividends : new String[] {
            "{\"symbol\": \"IBM\"}",
            "{\"symbol\": \"IBM\", \"data\": {\"2024-01-02\": \"0.5\"}}",
            "{\"symbol\": \"IBM\", \"data\": [\"2024-01-02\"]}",
            "[]"
        }) {
            answerDividendsWith(dividends);
            assertThatThrownBy(() -> provider().dividends("IBM"))
                    .as(dividends)
                    .isInstanceOfSatisfying(
                            ProviderException.class,
                            e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.BAD_RESPONSE));
        }
    }

    @Test
    void theDividendListsErrorsAndLimitsAreTheProvidersOwn() throws IOException {
        for (String file : new String[] {"note-call-frequency.json", "information-daily-limit.json"}) {
            stub.resetAll();
            answer("daily-ibm-compact.json", "splits-none.json", file);
            assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                    .as(file)
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
                        assertThat(e.getStatusCode().value()).isEqualTo(503);
                        assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("60");
                    });
            // not retried, and asked before the bars, it ends the refresh before they are fetched
            stub.verify(1, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("function", equalTo("DIVIDENDS")));
            stub.verify(0, daily());
        }
        for (String file : new String[] {"error-invalid-key.json", "information-premium.json"}) {
            stub.resetAll();
            answer("daily-ibm-compact.json", "splits-none.json", file);
            assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                    .as(file)
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED_KEY);
                        assertThat(e.getMessage()).doesNotContain("test-key-123");
                    });
        }
        stub.resetAll();
        answer("daily-ibm-compact.json", "splits-none.json", "error-invalid-symbol.json");
        assertThatThrownBy(() -> fetch(provider(), "NOPE", false))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNKNOWN_SYMBOL));
    }

    @Test
    void withDividendsOffNoRequestIsMadeAndNoAdjustedCloseIsSent() throws IOException {
        answer("daily-divd-as-traded.json", "splits-none.json", "dividends-divd.json");
        AlphaVantageProvider provider = provider(Duration.ofSeconds(2), true, false);
        assertThat(provider.dividends("DIVD")).isEmpty();
        // no adj_close column, as before dividends were asked: the importer then keeps the adjustment of a bar it
        // replaces instead of setting it to the close
        assertThat(fetch(provider, "DIVD", false))
                .startsWith("date,open,high,low,close,volume\n")
                .contains("2024-09-09,59.8000,60.2000,59.5000,60.0000,900000\n")
                .contains("2024-09-12,59.9000,60.3000,59.7000,60.1000,1100000\n");
        stub.verify(0, getRequestedFor(urlPathEqualTo("/query")).withQueryParam("function", equalTo("DIVIDENDS")));
    }

    @Test
    void asksForTheFullHistoryWhenRequested() throws IOException {
        answer("daily-ibm-compact.json");
        fetch(provider(), "IBM", true);
        stub.verify(getRequestedFor(urlPathEqualTo("/query")).withQueryParam("outputsize", equalTo("full")));
    }

    @Test
    void anUnknownSymbolIsReportedAsSuch() throws IOException {
        answer("error-invalid-symbol.json");
        assertThatThrownBy(() -> fetch(provider(), "NOPE", false))
                .isInstanceOfSatisfying(ProviderException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNKNOWN_SYMBOL);
                    assertThat(e.getStatusCode().value()).isEqualTo(404);
                });
    }

    @Test
    void aRejectedKeyIsReportedWithoutEverShowingTheKey() throws IOException {
        answer("error-invalid-key.json");
        assertThatThrownBy(() -> fetch(provider(), "IBM", false)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED_KEY);
            assertThat(e.getStatusCode().value()).isEqualTo(502);
            assertThat(e.getMessage()).doesNotContain("test-key-123");
        });
    }

    @Test
    void bothRateLimitBodiesBecomeA503WithRetryAfterAndAreNotRetried() throws IOException {
        for (String file : new String[] {"note-call-frequency.json", "information-daily-limit.json"}) {
            stub.resetAll();
            answer(file);
            assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                    .as(file)
                    .isInstanceOfSatisfying(ProviderException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ProviderException.Kind.RATE_LIMITED);
                        assertThat(e.getStatusCode().value()).isEqualTo(503);
                        assertThat(e.getHeaders().getFirst("Retry-After")).isEqualTo("60");
                    });
            stub.verify(1, daily());
        }
    }

    @Test
    void aPremiumOnlyAnswerIsNotMistakenForARateLimit() throws IOException {
        answer("information-premium.json");
        assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.REJECTED_KEY));
    }

    @Test
    void serverErrorsAreRetriedWithBackoffUntilOneSucceeds() throws IOException {
        answerSplits("splits-none.json");
        answerDividends("dividends-none.json");
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503))
                .willSetStateTo("second"));
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .inScenario("flaky")
                .whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(500))
                .willSetStateTo("third"));
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .inScenario("flaky")
                .whenScenarioStateIs("third")
                .willReturn(okJson(body("daily-ibm-compact.json"))));
        AlphaVantageProvider provider = provider();
        assertThat(fetch(provider, "IBM", false)).contains("2024-05-17");
        stub.verify(3, daily());
        assertThat(provider.requestsSent())
                .as("every request sent counts against the quota, retries included: splits, dividends, bars × 3")
                .isEqualTo(5);
    }

    @Test
    void givesUpAfterTheBoundedNumberOfAttempts() {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(502)));
        assertThatThrownBy(() -> fetch(provider(), "IBM", false)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.UNAVAILABLE);
            assertThat(e.getMessage()).contains("after 3 attempts").contains("HTTP 502");
        });
        stub.verify(3, getRequestedFor(urlPathEqualTo("/query")));
    }

    @Test
    void aSlowAnswerTimesOutAndCountsAsAFailedAttempt() throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(okJson(body("daily-ibm-compact.json")).withFixedDelay(1_500)));
        assertThatThrownBy(() -> fetch(provider(Duration.ofMillis(300)), "IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.getMessage()).contains("timed out"));
    }

    @Test
    void aClientErrorOrGarbageIsABadResponse() throws IOException {
        stub.stubFor(get(urlPathEqualTo("/query")).willReturn(aResponse().withStatus(403)));
        assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class,
                        e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.BAD_RESPONSE));
        stub.resetAll();
        stub.stubFor(get(urlPathEqualTo("/query"))
                .willReturn(aResponse().withStatus(200).withBody("<html>oops")));
        assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.getMessage()).contains("not JSON"));
        stub.resetAll();
        answerSplits("splits-none.json");
        answerDividends("dividends-none.json");
        stub.stubFor(get(urlPathEqualTo("/query"))
                .withQueryParam("function", equalTo("TIME_SERIES_DAILY"))
                .willReturn(okJson("{\"Meta Data\":{}}")));
        assertThatThrownBy(() -> fetch(provider(), "IBM", false))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.getMessage()).contains("Time Series (Daily)"));
    }

    @Test
    void isOffWithoutAKey() {
        AlphaVantageProvider off = new AlphaVantageProvider(
                new ProviderProperties(
                        URI.create(stub.baseUrl()),
                        "",
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(1),
                        3,
                        Duration.ofMillis(10),
                        true,
                        true),
                JsonMapper.builder().build());
        assertThatThrownBy(() -> fetch(off, "IBM", false)).isInstanceOfSatisfying(ProviderException.class, e -> {
            assertThat(e.kind()).isEqualTo(ProviderException.Kind.DISABLED);
            assertThat(e.getMessage()).contains("ALPHAVANTAGE_API_KEY");
        });
        assertThatThrownBy(() -> off.dividends("IBM"))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.DISABLED));
        assertThatThrownBy(() -> off.dailyBars("IBM", true, List.of(), List.of()))
                .isInstanceOfSatisfying(
                        ProviderException.class, e -> assertThat(e.kind()).isEqualTo(ProviderException.Kind.DISABLED));
        assertThat(stub.getAllServeEvents()).isEmpty();
    }
}
