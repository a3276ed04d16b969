package io.qnt9.srs.analytics;

import io.qnt9.srs.bench.Synthetic;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.ta4j.core.BarSeries;
import org.ta4j.core.BaseTradingRecord;
import org.ta4j.core.Indicator;
import org.ta4j.core.TradingRecord;
import org.ta4j.core.criteria.MaximumDrawdownCriterion;
import org.ta4j.core.indicators.ATRIndicator;
import org.ta4j.core.indicators.CCIIndicator;
import org.ta4j.core.indicators.DoubleEMAIndicator;
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.LWMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.ROCIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.TripleEMAIndicator;
import org.ta4j.core.indicators.WilliamsRIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelLowerIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelMiddleIndicator;
import org.ta4j.core.indicators.donchian.DonchianChannelUpperIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceRatioIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.indicators.helpers.PreviousValueIndicator;
import org.ta4j.core.indicators.helpers.TransformIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.indicators.volume.VWAPIndicator;
import org.ta4j.core.num.Num;

/**
 * The analytics engine against ta4j 0.17, computing <em>every</em> value of a whole series: for each indicator a
 * {@code *_qnt9}, a {@code *_ta4j} ({@code DoubleNum}, ta4j's fastest number type) and a {@code *_ta4jDecimal} method
 * (ta4j's default {@code DecimalNum}), to be compared within one run.
 *
 * <ul>
 *   <li>{@code series=syn10y}: a SYNTHETIC 10-year series (2,520 bars of geometric Brownian motion with a fixed seed,
 *       generated in memory); {@code series=syn40y}: the same generator for 40 years (10,080 bars) — the two sizes of
 *       the tracker issue; {@code series=spx} (not run by default, {@code -p series=spx}): the bundled S&amp;P 500
 *       daily bars ({@code data/spx.csv}, 2000-01-03 to 2020-04-17, 5,105 bars, real data).
 *   <li>ta4j: the {@link BarSeries} (one with {@code DoubleNum}, one with {@code DecimalNum}) is built once in
 *       {@link #setUp()} (that cost is not measured — fair to ta4j); every invocation creates fresh indicator instances
 *       (ta4j caches values inside an instance, so reusing one would measure a cache lookup), calls {@code getValue(i)}
 *       for every {@code i} of every output column and consumes each value into the {@link Blackhole}. The
 *       {@code DecimalNum} methods run fewer iterations (they are 10–100× slower).
 *   <li>QNT9: the public API as the HTTP layer calls it — argument validation and output allocation included — and the
 *       result arrays are returned, so JMH consumes them (no dead-code elimination).
 *   <li>Same outputs on both sides: MACD = line, signal and histogram; Bollinger = upper, middle, lower, %B and
 *       bandwidth; stochastic = %K and %D; ADX = ADX, +DI and −DI (three ta4j indicators, as a ta4j user would write
 *       it); Donchian = upper, middle, lower; momentum = close − close 10 bars earlier ({@code CombineIndicator} and
 *       {@code PreviousValueIndicator}, ta4j has no momentum indicator); historical volatility = ta4j's
 *       {@code StandardDeviationIndicator} over {@code log(ClosePriceRatioIndicator)}, rescaled to the sample standard
 *       deviation and annualised with {@code TransformIndicator.multiply}.
 *   <li>{@code statistics}: daily simple returns (every bar), annualised volatility, Sharpe and maximum drawdown. ta4j
 *       0.17 has no Sharpe ratio, so its side is assembled from ta4j primitives: {@code ClosePriceRatioIndicator − 1}
 *       for every bar, mean and standard deviation over all returns with {@code SMAIndicator}/{@code
 *       StandardDeviationIndicator}, and {@code MaximumDrawdownCriterion} on a buy-and-hold trading record. Two QNT9
 *       rows: {@code statistics_qnt9} computes exactly that, like for like, through the engine functions that do it
 *       ({@link ReturnStatistics#simpleReturns}, {@code ReturnStatistics.volatilityAndSharpe} and {@code
 *       ReturnStatistics.maxDrawdown}, package-private, the same bits as {@code summarize}); {@code
 *       statistics_qnt9FullSummary} (called {@code statistics_qnt9} until the like-for-like row was added) is the
 *       public API as the statistics endpoint calls it: {@link PriceSeries} (validation), {@link
 *       ReturnStatistics#simpleReturns} and {@link ReturnStatistics#summarize}, which also computes CAGR, Sortino,
 *       VaR/CVaR, best/worst day and the positive share — more work than the ta4j side.
 *   <li>{@code *_qnt9Out} ({@code mom10}, {@code obv}): ADDITIONAL rows beside the allocating {@code *_qnt9} ones, not
 *       instead of them — the caller-supplied output overload (TA-Lib style {@code out} parameter, as {@code
 *       IndicatorSpec.computeInto} in the universe scan uses it) writing into one column that every invocation reuses
 *       (so it stays in the cache); validation included, no allocation.
 *   <li>{@code dashboard}: the indicator set of a dashboard request, {@code sma:50,ema:20,rsi:14,macd,bbands}: QNT9
 *       parses the specs, wraps the columns in {@link BarColumns} (validation) and computes every column as
 *       {@code IndicatorController} does; ta4j computes the same 11 columns.
 * </ul>
 *
 * {@link #setUp()} also checks that each pair computes the same numbers (last value, after ta4j's different seeding
 * has converged), so a pair never compares different work.
 *
 * <pre>JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -Pbench test-compile exec:exec -Djmh.args="AnalyticsBenchmark -f 1"</pre>
 *
 * (the iteration counts come from the annotations: 2 × 1 s warm-up and 3 × 1 s measurement, 1 + 2 for
 * {@code DecimalNum}; {@code -wi}/{@code -i} on the command line would override both). Results:
 * {@code docs/PERFORMANCE.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
// A heap of fixed size, every page touched at start: a fresh VM's first pass over a large young generation otherwise
// pays the kernel's page faults inside the measurement (allocating rows up to 10× slower, docs/PERFORMANCE.md).
@Fork(
        value = 1,
        jvmArgs = {"-Xms2g", "-Xmx2g", "-XX:+AlwaysPreTouch"})
public class AnalyticsBenchmark {

    static final String DASHBOARD = "sma:50,ema:20,rsi:14,macd,bbands";
    static final double RISK_FREE_RATE = 0.02;

    @Param({"syn10y", "syn40y"})
    public String series;

    int n;
    int[] days;
    double[] open;
    double[] high;
    double[] low;
    double[] close;
    long[] volume;
    BarColumns bars;
    /** The caller-owned output column of the {@code *_qnt9Out} rows. */
    double[] out;

    BarSeries ta4j;
    BarSeries ta4jDecimal;

    @Setup
    public void setUp() {
        if (series.equals("spx")) {
            BundledCsv csv = BundledCsv.load("spx.csv");
            days = csv.epochDays();
            open = csv.open();
            high = csv.high();
            low = csv.low();
            close = csv.close();
            volume = csv.volume();
        } else if (series.equals("syn10y")) {
            synthetic(2_520);
        } else if (series.equals("syn40y")) {
            synthetic(10_080);
        } else {
            throw new IllegalArgumentException("series must be spx, syn10y or syn40y, got " + series);
        }
        n = close.length;
        out = new double[n];
        bars = new BarColumns(open, high, low, close, volume);
        ta4j = Ta4jSeries.doubleSeries(bars);
        ta4jDecimal = Ta4jSeries.decimalSeries(bars);
        verify();
    }

    /** {@link Synthetic#gbmBars}, on weekdays from 1985-01-02. */
    private void synthetic(int length) {
        BarColumns bars = Synthetic.gbmBars(length);
        open = bars.open();
        high = bars.high();
        low = bars.low();
        close = bars.close();
        volume = bars.volume();
        days = new int[length];
        LocalDate day = LocalDate.of(1985, 1, 2);
        for (int i = 0; i < length; i++) {
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            days[i] = (int) day.toEpochDay();
            day = day.plusDays(1);
        }
    }

    // ------------------------------------------------------------ SMA(50)

    @Benchmark
    public double[] sma50_qnt9() {
        return MovingAverages.sma(close, 50);
    }

    @Benchmark
    public void sma50_ta4j(Blackhole bh) {
        sma50(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void sma50_ta4jDecimal(Blackhole bh) {
        sma50(bh, ta4jDecimal);
    }

    private void sma50(Blackhole bh, BarSeries s) {
        consume(bh, new SMAIndicator(new ClosePriceIndicator(s), 50));
    }

    // ------------------------------------------------------------ EMA(20)

    @Benchmark
    public double[] ema20_qnt9() {
        return MovingAverages.ema(close, 20);
    }

    @Benchmark
    public void ema20_ta4j(Blackhole bh) {
        ema20(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void ema20_ta4jDecimal(Blackhole bh) {
        ema20(bh, ta4jDecimal);
    }

    private void ema20(Blackhole bh, BarSeries s) {
        consume(bh, new EMAIndicator(new ClosePriceIndicator(s), 20));
    }

    // ------------------------------------------------------------ WMA(20)

    @Benchmark
    public double[] wma20_qnt9() {
        return MovingAverages.wma(close, 20);
    }

    @Benchmark
    public void wma20_ta4j(Blackhole bh) {
        wma20(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void wma20_ta4jDecimal(Blackhole bh) {
        wma20(bh, ta4jDecimal);
    }

    private void wma20(Blackhole bh, BarSeries s) {
        consume(bh, new LWMAIndicator(new ClosePriceIndicator(s), 20));
    }

    // ------------------------------------------------------------ DEMA(20)

    @Benchmark
    public double[] dema20_qnt9() {
        return MovingAverages.dema(close, 20);
    }

    @Benchmark
    public void dema20_ta4j(Blackhole bh) {
        dema20(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void dema20_ta4jDecimal(Blackhole bh) {
        dema20(bh, ta4jDecimal);
    }

    private void dema20(Blackhole bh, BarSeries s) {
        consume(bh, new DoubleEMAIndicator(new ClosePriceIndicator(s), 20));
    }

    // ------------------------------------------------------------ TEMA(20)

    @Benchmark
    public double[] tema20_qnt9() {
        return MovingAverages.tema(close, 20);
    }

    @Benchmark
    public void tema20_ta4j(Blackhole bh) {
        tema20(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void tema20_ta4jDecimal(Blackhole bh) {
        tema20(bh, ta4jDecimal);
    }

    private void tema20(Blackhole bh, BarSeries s) {
        consume(bh, new TripleEMAIndicator(new ClosePriceIndicator(s), 20));
    }

    // ------------------------------------------------------------ RSI(14)

    @Benchmark
    public double[] rsi14_qnt9() {
        return Momentum.rsi(close, 14);
    }

    @Benchmark
    public void rsi14_ta4j(Blackhole bh) {
        rsi14(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void rsi14_ta4jDecimal(Blackhole bh) {
        rsi14(bh, ta4jDecimal);
    }

    private void rsi14(Blackhole bh, BarSeries s) {
        consume(bh, new RSIIndicator(new ClosePriceIndicator(s), 14));
    }

    // ------------------------------------------------------------ MACD(12, 26, 9)

    @Benchmark
    public Macd macd_qnt9() {
        return Momentum.macd(close, 12, 26, 9);
    }

    @Benchmark
    public void macd_ta4j(Blackhole bh) {
        macdTa4j(bh, new ClosePriceIndicator(ta4j));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void macd_ta4jDecimal(Blackhole bh) {
        macdTa4j(bh, new ClosePriceIndicator(ta4jDecimal));
    }

    private void macdTa4j(Blackhole bh, ClosePriceIndicator c) {
        MACDIndicator line = new MACDIndicator(c, 12, 26);
        EMAIndicator signal = new EMAIndicator(line, 9);
        consume(bh, line, signal, CombineIndicator.minus(line, signal));
    }

    // ------------------------------------------------------------ Bollinger(20, 2)

    @Benchmark
    public BollingerBands bollinger_qnt9() {
        return Volatility.bollinger(close, 20, 2);
    }

    @Benchmark
    public void bollinger_ta4j(Blackhole bh) {
        bollingerTa4j(bh, new ClosePriceIndicator(ta4j));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void bollinger_ta4jDecimal(Blackhole bh) {
        bollingerTa4j(bh, new ClosePriceIndicator(ta4jDecimal));
    }

    private void bollingerTa4j(Blackhole bh, ClosePriceIndicator c) {
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(c, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(c, 20);
        Num k = c.getBarSeries().numOf(2);
        BollingerBandsUpperIndicator upper = new BollingerBandsUpperIndicator(middle, sd, k);
        BollingerBandsLowerIndicator lower = new BollingerBandsLowerIndicator(middle, sd, k);
        consume(
                bh,
                upper,
                middle,
                lower,
                new PercentBIndicator(c, 20, 2),
                new BollingerBandWidthIndicator(upper, middle, lower));
    }

    // ------------------------------------------------------------ ATR(14)

    @Benchmark
    public double[] atr14_qnt9() {
        return Volatility.atr(high, low, close, 14);
    }

    @Benchmark
    public void atr14_ta4j(Blackhole bh) {
        consume(bh, new ATRIndicator(ta4j, 14));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void atr14_ta4jDecimal(Blackhole bh) {
        consume(bh, new ATRIndicator(ta4jDecimal, 14));
    }

    // ------------------------------------------------------------ Stochastic(14, 3)

    @Benchmark
    public Stochastic stochastic_qnt9() {
        return Momentum.stochastic(high, low, close, 14, 3);
    }

    @Benchmark
    public void stochastic_ta4j(Blackhole bh) {
        stochastic(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void stochastic_ta4jDecimal(Blackhole bh) {
        stochastic(bh, ta4jDecimal);
    }

    private void stochastic(Blackhole bh, BarSeries s) {
        StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(s, 14);
        consume(bh, k, new StochasticOscillatorDIndicator(k));
    }

    // ------------------------------------------------------------ Williams %R(14)

    @Benchmark
    public double[] willr14_qnt9() {
        return Momentum.williamsR(high, low, close, 14);
    }

    @Benchmark
    public void willr14_ta4j(Blackhole bh) {
        consume(bh, new WilliamsRIndicator(ta4j, 14));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void willr14_ta4jDecimal(Blackhole bh) {
        consume(bh, new WilliamsRIndicator(ta4jDecimal, 14));
    }

    // ------------------------------------------------------------ CCI(20)

    @Benchmark
    public double[] cci20_qnt9() {
        return Momentum.cci(high, low, close, 20);
    }

    @Benchmark
    public void cci20_ta4j(Blackhole bh) {
        consume(bh, new CCIIndicator(ta4j, 20));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void cci20_ta4jDecimal(Blackhole bh) {
        consume(bh, new CCIIndicator(ta4jDecimal, 20));
    }

    // ------------------------------------------------------------ ROC(10), momentum(10)

    @Benchmark
    public double[] roc10_qnt9() {
        return Momentum.roc(close, 10);
    }

    @Benchmark
    public void roc10_ta4j(Blackhole bh) {
        consume(bh, new ROCIndicator(new ClosePriceIndicator(ta4j), 10));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void roc10_ta4jDecimal(Blackhole bh) {
        consume(bh, new ROCIndicator(new ClosePriceIndicator(ta4jDecimal), 10));
    }

    @Benchmark
    public double[] mom10_qnt9() {
        return Momentum.momentum(close, 10);
    }

    /**
     * ADDITIONAL row, not the public allocating call: the caller-supplied output overload (TA-Lib style {@code out},
     * as {@code IndicatorSpec.computeInto} in the universe scan uses it) writing into one column reused by every
     * invocation; argument validation included, no allocation.
     */
    @Benchmark
    public double[] mom10_qnt9Out() {
        return Momentum.momentum(close, 10, out);
    }

    @Benchmark
    public void mom10_ta4j(Blackhole bh) {
        mom10(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void mom10_ta4jDecimal(Blackhole bh) {
        mom10(bh, ta4jDecimal);
    }

    private void mom10(Blackhole bh, BarSeries s) {
        ClosePriceIndicator c = new ClosePriceIndicator(s);
        consume(bh, CombineIndicator.minus(c, new PreviousValueIndicator(c, 10)));
    }

    // ------------------------------------------------------------ ADX(14) with +DI and −DI

    @Benchmark
    public DirectionalIndex adx14_qnt9() {
        return DirectionalMovement.adx(high, low, close, 14);
    }

    @Benchmark
    public void adx14_ta4j(Blackhole bh) {
        adx14(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void adx14_ta4jDecimal(Blackhole bh) {
        adx14(bh, ta4jDecimal);
    }

    private void adx14(Blackhole bh, BarSeries s) {
        consume(bh, new ADXIndicator(s, 14), new PlusDIIndicator(s, 14), new MinusDIIndicator(s, 14));
    }

    // ------------------------------------------------------------ Donchian(20)

    @Benchmark
    public DonchianChannel donchian20_qnt9() {
        return Volatility.donchian(high, low, 20);
    }

    @Benchmark
    public void donchian20_ta4j(Blackhole bh) {
        donchian20(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void donchian20_ta4jDecimal(Blackhole bh) {
        donchian20(bh, ta4jDecimal);
    }

    private void donchian20(Blackhole bh, BarSeries s) {
        consume(
                bh,
                new DonchianChannelUpperIndicator(s, 20),
                new DonchianChannelMiddleIndicator(s, 20),
                new DonchianChannelLowerIndicator(s, 20));
    }

    // ------------------------------------------------------------ historical volatility(20)

    @Benchmark
    public double[] hv20_qnt9() {
        return Volatility.historicalVolatility(close, 20);
    }

    @Benchmark
    public void hv20_ta4j(Blackhole bh) {
        consume(bh, hv20(ta4j));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void hv20_ta4jDecimal(Blackhole bh) {
        consume(bh, hv20(ta4jDecimal));
    }

    private static Indicator<Num> hv20(BarSeries s) {
        Indicator<Num> logReturns = TransformIndicator.log(new ClosePriceRatioIndicator(s));
        Indicator<Num> population = new StandardDeviationIndicator(logReturns, 20);
        return TransformIndicator.multiply(population, Math.sqrt(20.0 / 19.0) * Math.sqrt(252));
    }

    // ------------------------------------------------------------ OBV

    @Benchmark
    public double[] obv_qnt9() {
        return VolumeIndicators.obv(close, volume);
    }

    /** ADDITIONAL row, caller-supplied output: see {@link #mom10_qnt9Out()}. */
    @Benchmark
    public double[] obv_qnt9Out() {
        return VolumeIndicators.obv(close, volume, out);
    }

    @Benchmark
    public void obv_ta4j(Blackhole bh) {
        consume(bh, new OnBalanceVolumeIndicator(ta4j));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void obv_ta4jDecimal(Blackhole bh) {
        consume(bh, new OnBalanceVolumeIndicator(ta4jDecimal));
    }

    // ------------------------------------------------------------ VWAP(20)

    @Benchmark
    public double[] vwap20_qnt9() {
        return VolumeIndicators.vwap(high, low, close, volume, 20);
    }

    @Benchmark
    public void vwap20_ta4j(Blackhole bh) {
        consume(bh, new VWAPIndicator(ta4j, 20));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void vwap20_ta4jDecimal(Blackhole bh) {
        consume(bh, new VWAPIndicator(ta4jDecimal, 20));
    }

    // ------------------------------------------------------------ statistics: returns, volatility, Sharpe, drawdown

    /**
     * Like for like with the ta4j side: the daily simple-returns column, annualised volatility, Sharpe and the maximum
     * drawdown, through the engine functions that compute them (the same figures, bit for bit, as {@code summarize}).
     */
    @Benchmark
    public void statistics_qnt9(Blackhole bh) {
        double[] returns = ReturnStatistics.simpleReturns(close);
        bh.consume(returns);
        bh.consume(ReturnStatistics.volatilityAndSharpe(returns, RISK_FREE_RATE));
        bh.consume(ReturnStatistics.maxDrawdown(close, days));
    }

    /**
     * More work than the ta4j side: the public API as the statistics endpoint calls it — {@code PriceSeries}
     * (validation of dates and prices), the returns column and the full {@code summarize} (also CAGR, Sortino,
     * VaR/CVaR, best/worst day, positive share). Called {@code statistics_qnt9} before the like-for-like row existed.
     */
    @Benchmark
    public void statistics_qnt9FullSummary(Blackhole bh) {
        PriceSeries prices = new PriceSeries(days, close);
        bh.consume(ReturnStatistics.simpleReturns(close));
        bh.consume(ReturnStatistics.summarize(prices, RISK_FREE_RATE));
    }

    @Benchmark
    public void statistics_ta4j(Blackhole bh) {
        bh.consume(ta4jStatistics(bh, ta4j));
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void statistics_ta4jDecimal(Blackhole bh) {
        bh.consume(ta4jStatistics(bh, ta4jDecimal));
    }

    /** {volatility, Sharpe, max drawdown} the ta4j way; every daily return goes into the Blackhole. */
    double[] ta4jStatistics(Blackhole bh, BarSeries s) {
        Indicator<Num> returns = TransformIndicator.minus(new ClosePriceRatioIndicator(s), 1);
        for (int i = 1; i < n; i++) {
            bh.consume(returns.getValue(i));
        }
        int count = n - 1;
        Num mean = new SMAIndicator(returns, count).getValue(n - 1);
        Num population = new StandardDeviationIndicator(returns, count).getValue(n - 1);
        Num sample = population.multipliedBy(s.numOf(Math.sqrt(count / (count - 1.0))));
        Num annualise = s.numOf(Math.sqrt(252));
        Num volatility = sample.multipliedBy(annualise);
        Num rfDaily = s.numOf(ReturnStatistics.dailyRiskFreeRate(RISK_FREE_RATE));
        Num sharpe = mean.minus(rfDaily).dividedBy(sample).multipliedBy(annualise);
        TradingRecord buyAndHold = new BaseTradingRecord();
        buyAndHold.enter(0, s.getBar(0).getClosePrice(), s.numOf(1));
        buyAndHold.exit(n - 1, s.getBar(n - 1).getClosePrice(), s.numOf(1));
        Num drawdown = new MaximumDrawdownCriterion().calculate(s, buyAndHold);
        return new double[] {volatility.doubleValue(), sharpe.doubleValue(), drawdown.doubleValue()};
    }

    // ------------------------------------------------------------ whole dashboard request

    @Benchmark
    public void dashboard_qnt9(Blackhole bh) {
        List<IndicatorSpec> specs = IndicatorCatalog.parseAll(DASHBOARD);
        BarColumns columns = new BarColumns(open, high, low, close, volume);
        for (IndicatorSpec spec : specs) {
            bh.consume(spec.compute(columns));
        }
    }

    @Benchmark
    public void dashboard_ta4j(Blackhole bh) {
        dashboard(bh, ta4j);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 2)
    public void dashboard_ta4jDecimal(Blackhole bh) {
        dashboard(bh, ta4jDecimal);
    }

    private void dashboard(Blackhole bh, BarSeries s) {
        ClosePriceIndicator c = new ClosePriceIndicator(s);
        consume(bh, new SMAIndicator(c, 50), new EMAIndicator(c, 20), new RSIIndicator(c, 14));
        macdTa4j(bh, c);
        bollingerTa4j(bh, c);
    }

    // ------------------------------------------------------------ helpers

    /** Every value of every column, bar by bar (as a chart or a strategy reads them). */
    @SafeVarargs
    private void consume(Blackhole bh, Indicator<Num>... columns) {
        for (Indicator<Num> column : columns) {
            for (int i = 0; i < n; i++) {
                bh.consume(column.getValue(i));
            }
        }
    }

    /** Each pair must compute the same thing: compare the last values (ta4j's seeding has long converged there). */
    private void verify() {
        int last = n - 1;
        for (BarSeries s : new BarSeries[] {ta4j, ta4jDecimal}) {
            ClosePriceIndicator c = new ClosePriceIndicator(s);
            same("sma", MovingAverages.sma(close, 50)[last], new SMAIndicator(c, 50).getValue(last));
            same("ema", MovingAverages.ema(close, 20)[last], new EMAIndicator(c, 20).getValue(last));
            same("wma", MovingAverages.wma(close, 20)[last], new LWMAIndicator(c, 20).getValue(last));
            same("dema", MovingAverages.dema(close, 20)[last], new DoubleEMAIndicator(c, 20).getValue(last));
            same("tema", MovingAverages.tema(close, 20)[last], new TripleEMAIndicator(c, 20).getValue(last));
            same("rsi", Momentum.rsi(close, 14)[last], new RSIIndicator(c, 14).getValue(last));
            MACDIndicator line = new MACDIndicator(c, 12, 26);
            Macd macd = Momentum.macd(close, 12, 26, 9);
            same("macd", macd.line()[last], line.getValue(last));
            same("macd signal", macd.signal()[last], new EMAIndicator(line, 9).getValue(last));
            same(
                    "%B",
                    Volatility.bollinger(close, 20, 2).percentB()[last],
                    new PercentBIndicator(c, 20, 2).getValue(last));
            same("atr", Volatility.atr(high, low, close, 14)[last], new ATRIndicator(s, 14).getValue(last));
            same(
                    "%D",
                    Momentum.stochastic(high, low, close, 14, 3).d()[last],
                    new StochasticOscillatorDIndicator(new StochasticOscillatorKIndicator(s, 14)).getValue(last));
            same("willr", Momentum.williamsR(high, low, close, 14)[last], new WilliamsRIndicator(s, 14).getValue(last));
            same("cci", Momentum.cci(high, low, close, 20)[last], new CCIIndicator(s, 20).getValue(last));
            same("roc", Momentum.roc(close, 10)[last], new ROCIndicator(c, 10).getValue(last));
            same(
                    "mom",
                    Momentum.momentum(close, 10)[last],
                    CombineIndicator.minus(c, new PreviousValueIndicator(c, 10)).getValue(last));
            same(
                    "adx",
                    DirectionalMovement.adx(high, low, close, 14).adx()[last],
                    new ADXIndicator(s, 14).getValue(last));
            same(
                    "donchian",
                    Volatility.donchian(high, low, 20).middle()[last],
                    new DonchianChannelMiddleIndicator(s, 20).getValue(last));
            same("hv", Volatility.historicalVolatility(close, 20)[last], hv20(s).getValue(last));
            same(
                    "obv",
                    VolumeIndicators.obv(close, volume)[last] - volume[0],
                    new OnBalanceVolumeIndicator(s).getValue(last));
            same(
                    "vwap",
                    VolumeIndicators.vwap(high, low, close, volume, 20)[last],
                    new VWAPIndicator(s, 20).getValue(last));
            PerformanceSummary summary = ReturnStatistics.summarize(new PriceSeries(days, close), RISK_FREE_RATE);
            double[] t = ta4jStatistics(
                    new Blackhole(
                            "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."),
                    s);
            same("volatility", summary.annualizedVolatility(), t[0]);
            same("sharpe", summary.sharpeRatio(), t[1]);
            same("max drawdown", -summary.maxDrawdown().depth(), t[2]);
            double[] core = ReturnStatistics.volatilityAndSharpe(ReturnStatistics.simpleReturns(close), RISK_FREE_RATE);
            same("volatility (like for like)", core[0], t[0]);
            same("sharpe (like for like)", core[1], t[1]);
            same(
                    "max drawdown (like for like)",
                    -ReturnStatistics.maxDrawdown(close, days).depth(),
                    t[2]);
        }
        if (!Arrays.equals(Momentum.momentum(close, 10, new double[n]), Momentum.momentum(close, 10))
                || !Arrays.equals(
                        VolumeIndicators.obv(close, volume, new double[n]), VolumeIndicators.obv(close, volume))) {
            throw new IllegalStateException("the out overloads must compute what the allocating ones do");
        }
        Map<String, double[]> dashboard = IndicatorCatalog.parse("bbands").compute(bars);
        same(
                "dashboard bbands",
                dashboard.get("bb_upper_20_2")[last],
                Volatility.bollinger(close, 20, 2).upper()[last]);
    }

    private static void same(String what, double ours, Num theirs) {
        same(what, ours, theirs.doubleValue());
    }

    private static void same(String what, double ours, double theirs) {
        if (!(Math.abs(ours - theirs) <= 1e-6 * Math.max(1, Math.abs(theirs)))) {
            throw new IllegalStateException(what + ": QNT9 " + ours + " but ta4j " + theirs);
        }
    }
}
