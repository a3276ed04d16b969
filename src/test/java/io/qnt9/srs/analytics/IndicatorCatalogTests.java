package io.qnt9.srs.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IndicatorCatalogTests {

    private static final BundledCsv AAPL = BundledCsv.load("aapl.csv");

    @Test
    void knowsEveryIndicatorByName() {
        assertThat(IndicatorCatalog.names())
                .containsExactly(
                        "sma",
                        "ema",
                        "wma",
                        "dema",
                        "tema",
                        "rsi",
                        "macd",
                        "bbands",
                        "stoch",
                        "stochfull",
                        "atr",
                        "adx",
                        "obv",
                        "vwap",
                        "roc",
                        "mom",
                        "donchian",
                        "hv",
                        "willr",
                        "cci",
                        "cci_close",
                        "mfi",
                        "stochrsi",
                        "ppo",
                        "ao",
                        "bbpower",
                        "cmo",
                        "ultosc",
                        "trix",
                        "hma",
                        "kama",
                        "zlema",
                        "vwma",
                        "ad",
                        "cmf",
                        "adosc",
                        "psar",
                        "aroon",
                        "keltner",
                        "supertrend",
                        "ichimoku",
                        "techrating");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sma:50       | sma:50              | 49 | sma_50",
                "SMA          | sma:20              | 19 | sma_20",
                "ema:20       | ema:20              | 19 | ema_20",
                "wma:10       | wma:10              | 9  | wma_10",
                "dema:10      | dema:10             | 18 | dema_10",
                "tema:10      | tema:10             | 27 | tema_10",
                "rsi:14       | rsi:14              | 14 | rsi_14",
                "rsi          | rsi:14              | 14 | rsi_14",
                "macd         | macd:12:26:9        | 33 | macd_12_26_9 macd_signal_12_26_9 macd_hist_12_26_9",
                "macd:5       | macd:5:26:9         | 33 | macd_5_26_9 macd_signal_5_26_9 macd_hist_5_26_9",
                "macd:12:26:9 | macd:12:26:9        | 33 | macd_12_26_9 macd_signal_12_26_9 macd_hist_12_26_9",
                "bbands:20:2  | bbands:20:2         | 19 | bb_upper_20_2 bb_middle_20_2 bb_lower_20_2 bb_percent_b_20_2 bb_bandwidth_20_2",
                "bbands:10:2.50 | bbands:10:2.5     | 9  | bb_upper_10_2.5 bb_middle_10_2.5 bb_lower_10_2.5 bb_percent_b_10_2.5 bb_bandwidth_10_2.5",
                "stoch:14:3   | stoch:14:3          | 15 | stoch_k_14_3 stoch_d_14_3",
                "atr:14       | atr:14              | 14 | atr_14",
                "adx:14       | adx:14              | 27 | adx_14 plus_di_14 minus_di_14",
                "obv          | obv                 | 0  | obv",
                "vwap:20      | vwap:20             | 19 | vwap_20",
                "roc:10       | roc:10              | 10 | roc_10",
                "mom          | mom:10              | 10 | mom_10",
                "donchian:20  | donchian:20         | 19 | donchian_upper_20 donchian_middle_20 donchian_lower_20",
                "hv:20        | hv:20               | 20 | hv_20",
                "willr:14     | willr:14            | 13 | willr_14",
                "' cci : 20 ' | cci:20              | 19 | cci_20",
            })
    void parsesSpecsWithDefaultsWarmUpsAndColumnNames(String spec, String canonical, int warmup, String columns) {
        IndicatorSpec parsed = IndicatorCatalog.parse(spec);
        assertThat(parsed.canonical()).isEqualTo(canonical);
        assertThat(parsed.toString()).isEqualTo(canonical);
        assertThat(parsed.warmup()).isEqualTo(warmup);
        assertThat(parsed.columns()).containsExactly(columns.split(" "));
    }

    @Test
    void unknownNamesListTheValidOnes() {
        assertThatThrownBy(() -> IndicatorCatalog.parse("foo:3"))
                .isInstanceOfSatisfying(InvalidIndicatorSpecException.class, e -> {
                    assertThat(e.parameter()).isEmpty();
                    assertThat(e.spec()).isEqualTo("foo:3");
                })
                .hasMessage(
                        "unknown indicator 'foo'; valid names: sma, ema, wma, dema, tema, rsi, macd, bbands, "
                                + "stoch, stochfull, atr, adx, obv, vwap, roc, mom, donchian, hv, willr, cci, cci_close, mfi, stochrsi, ppo, ao, "
                                + "bbpower, cmo, ultosc, "
                                + "trix, hma, kama, zlema, vwma, ad, cmf, adosc, psar, aroon, keltner, supertrend, ichimoku, techrating");
        assertThatThrownBy(() -> IndicatorCatalog.parse(" "))
                .isInstanceOf(InvalidIndicatorSpecException.class)
                .hasMessageStartingWith("indicator spec must not be empty; valid names: sma, ema");
        assertThatThrownBy(() -> IndicatorCatalog.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "sma:0        | period | sma parameter 'period' must be an integer between 1 and 5000, got 0",
                "sma:5001     | period | sma parameter 'period' must be an integer between 1 and 5000, got 5001",
                "sma:-3       | period | sma parameter 'period' must be an integer between 1 and 5000, got '-3'",
                "sma:abc      | period | sma parameter 'period' must be an integer between 1 and 5000, got 'abc'",
                "sma:20.5     | period | sma parameter 'period' must be an integer between 1 and 5000, got '20.5'",
                "sma:         | period | sma parameter 'period' must be an integer between 1 and 5000, got nothing",
                "sma:99999999999 | period | sma parameter 'period' must be an integer between 1 and 5000, got '99999999999'",
                "macd:12:0:9  | slow   | macd parameter 'slow' must be an integer between 1 and 5000, got 0",
                "macd:26:12   | fast   | macd parameter 'fast' (26) must be less than 'slow' (12)",
                "bbands:20:0  | k      | bbands parameter 'k' must be a number between 0.1 and 10, got 0",
                "bbands:20:11 | k      | bbands parameter 'k' must be a number between 0.1 and 10, got 11",
                "bbands:20:NaN | k     | bbands parameter 'k' must be a number between 0.1 and 10, got 'NaN'",
                "bbands:20:1e1 | k     | bbands parameter 'k' must be a number between 0.1 and 10, got '1e1'",
                "hv:1         | period | hv parameter 'period' must be an integer between 2 and 5000, got 1",
                "stoch:14:0   | d      | stoch parameter 'd' must be an integer between 1 and 5000, got 0",
            })
    void badParametersNameTheParameterAndItsRange(String spec, String parameter, String message) {
        assertThatThrownBy(() -> IndicatorCatalog.parse(spec))
                .isInstanceOfSatisfying(
                        InvalidIndicatorSpecException.class,
                        e -> assertThat(e.parameter()).isEqualTo(parameter))
                .hasMessage(message);
    }

    @Test
    void tooManyParametersAreRejectedWithTheParameterList() {
        assertThatThrownBy(() -> IndicatorCatalog.parse("sma:5:6"))
                .isInstanceOf(InvalidIndicatorSpecException.class)
                .hasMessage("sma takes at most 1 parameter (period), got 2 in 'sma:5:6'");
        assertThatThrownBy(() -> IndicatorCatalog.parse("macd:1:2:3:4"))
                .hasMessage("macd takes at most 3 parameters (fast, slow, signal), got 4 in 'macd:1:2:3:4'");
        assertThatThrownBy(() -> IndicatorCatalog.parse("obv:3"))
                .hasMessage("obv takes at most 0 parameters, got 1 in 'obv:3'");
    }

    @Test
    void parsesCommaSeparatedListsKeepingOrderAndDroppingDuplicates() {
        List<IndicatorSpec> specs = IndicatorCatalog.parseAll("sma:50, ema:20,rsi,sma:50,RSI:14");
        assertThat(specs).extracting(IndicatorSpec::canonical).containsExactly("sma:50", "ema:20", "rsi:14");
        assertThat(IndicatorCatalog.parse("rsi")).isEqualTo(IndicatorCatalog.parse("rsi:14"));
        assertThat(IndicatorCatalog.parse("rsi").hashCode())
                .isEqualTo(IndicatorCatalog.parse("rsi:14").hashCode());
        assertThatThrownBy(() -> IndicatorCatalog.parseAll(""))
                .hasMessageStartingWith("indicator list must not be empty");
        assertThatThrownBy(() -> IndicatorCatalog.parseAll("sma:5,bogus"))
                .hasMessageStartingWith("unknown indicator 'bogus'");
    }

    @Test
    void definitionsDescribeParametersDefaultsAndRanges() {
        IndicatorDefinition macd = IndicatorCatalog.definitions().stream()
                .filter(d -> d.name().equals("macd"))
                .findFirst()
                .orElseThrow();
        assertThat(macd.example()).isEqualTo("macd:12:26:9");
        assertThat(macd.parameters()).extracting(ParameterDefinition::name).containsExactly("fast", "slow", "signal");
        assertThat(macd.parameters().get(0).range()).isEqualTo("an integer between 1 and 5000");
        assertThat(IndicatorCatalog.definitions())
                .hasSize(IndicatorCatalog.names().size());
        assertThat(IndicatorCatalog.parse("bbands").parameters()).containsExactly(20, 2);
    }

    @Test
    void computesTheSameColumnsAsTheDocumentedFunctions() {
        BarColumns bars = AAPL.bars();
        double[] close = bars.close();
        Map<String, double[]> macd = IndicatorCatalog.parse("macd").compute(bars);
        Macd direct = Momentum.macd(close, 12, 26, 9);
        assertThat(macd.keySet()).containsExactly("macd_12_26_9", "macd_signal_12_26_9", "macd_hist_12_26_9");
        assertThat(macd.get("macd_12_26_9")).containsExactly(direct.line());
        assertThat(macd.get("macd_signal_12_26_9")).containsExactly(direct.signal());
        assertThat(macd.get("macd_hist_12_26_9")).containsExactly(direct.histogram());

        Map<String, double[]> bb = IndicatorCatalog.parse("bbands:20:2").compute(bars);
        BollingerBands bands = Volatility.bollinger(close, 20, 2);
        assertThat(bb.get("bb_percent_b_20_2")).containsExactly(bands.percentB());
        assertThat(bb.get("bb_bandwidth_20_2")).containsExactly(bands.bandwidth());

        assertThat(IndicatorCatalog.parse("sma:50").compute(bars).get("sma_50"))
                .containsExactly(MovingAverages.sma(close, 50));
        assertThat(IndicatorCatalog.parse("willr").compute(bars).get("willr_14"))
                .containsExactly(Momentum.williamsR(bars.high(), bars.low(), close, 14));
        assertThat(IndicatorCatalog.parse("obv").compute(bars).get("obv"))
                .containsExactly(VolumeIndicators.obv(close, bars.volume()));
    }

    @Test
    void computeIntoWritesTheCallersArraysAndChecksThem() {
        BarColumns bars = AAPL.bars();
        IndicatorSpec stoch = IndicatorCatalog.parse("stoch");
        double[][] out = new double[2][bars.size()];
        stoch.computeInto(bars, out);
        assertThat(out[1]).containsExactly(stoch.compute(bars).get("stoch_d_14_3"));
        assertThatThrownBy(() -> stoch.computeInto(bars, new double[1][bars.size()]))
                .hasMessage("stoch:14:3 has 2 columns, got 1 output arrays");
        assertThatThrownBy(() -> stoch.computeInto(bars, new double[2][3]))
                .hasMessage("out column must have length " + bars.size() + ", got 3");
    }

    @Test
    void historicalVolatilityNeedsPositiveCloses() {
        BarColumns bars = new BarColumns(
                new double[] {1, 1, 1},
                new double[] {1, 1, 1},
                new double[] {0, 0, 0},
                new double[] {1, 0, 1},
                new long[3]);
        assertThatThrownBy(() -> IndicatorCatalog.parse("hv:2").compute(bars))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("close[1] is 0.0: values must be finite and greater than 0");
    }
}
