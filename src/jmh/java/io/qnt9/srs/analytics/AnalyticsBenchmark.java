package io.qnt9.srs.analytics;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
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
import org.ta4j.core.indicators.EMAIndicator;
import org.ta4j.core.indicators.MACDIndicator;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.StochasticOscillatorDIndicator;
import org.ta4j.core.indicators.StochasticOscillatorKIndicator;
import org.ta4j.core.indicators.adx.ADXIndicator;
import org.ta4j.core.indicators.adx.MinusDIIndicator;
import org.ta4j.core.indicators.adx.PlusDIIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandWidthIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsLowerIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsMiddleIndicator;
import org.ta4j.core.indicators.bollinger.BollingerBandsUpperIndicator;
import org.ta4j.core.indicators.bollinger.PercentBIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceRatioIndicator;
import org.ta4j.core.indicators.helpers.CombineIndicator;
import org.ta4j.core.indicators.helpers.TransformIndicator;
import org.ta4j.core.indicators.statistics.StandardDeviationIndicator;
import org.ta4j.core.indicators.volume.OnBalanceVolumeIndicator;
import org.ta4j.core.num.Num;

/**
 * The analytics engine against ta4j 0.17 ({@code DoubleNum}, its fastest number type), computing <em>every</em> value
 * of a whole series: for each indicator a {@code *_qnt9} and a {@code *_ta4j} method, to be compared within one run.
 *
 * <ul>
 *   <li>{@code series=spx}: the bundled S&amp;P 500 daily bars ({@code data/spx.csv}, 2000-01-03 to 2020-04-17,
 *       5,105 bars, real data); {@code series=syn10y}: a SYNTHETIC 10-year series (2,520 bars of geometric Brownian
 *       motion with a fixed seed, generated in memory).
 *   <li>ta4j: the {@link BarSeries} is built once in {@link #setUp()} (that cost is not measured — fair to ta4j); every
 *       invocation creates fresh indicator instances (ta4j caches values inside an instance, so reusing one would
 *       measure a cache lookup), calls {@code getValue(i)} for every {@code i} of every output column and consumes each
 *       value into the {@link Blackhole}.
 *   <li>QNT9: the public API as the HTTP layer calls it — argument validation and output allocation included — and the
 *       result arrays are returned, so JMH consumes them (no dead-code elimination).
 *   <li>Same outputs on both sides: MACD = line, signal and histogram; Bollinger = upper, middle, lower, %B and
 *       bandwidth; stochastic = %K and %D; ADX = ADX, +DI and −DI (three ta4j indicators, as a ta4j user would write
 *       it).
 *   <li>{@code statistics}: daily simple returns, annualised volatility, Sharpe and maximum drawdown. QNT9 runs
 *       {@link ReturnStatistics#simpleReturns} and {@link ReturnStatistics#summarize} (which also computes CAGR,
 *       Sortino, VaR/CVaR, best/worst day — more work than ta4j does here); ta4j 0.17 has no Sharpe ratio, so its side
 *       is assembled from ta4j primitives: {@code ClosePriceRatioIndicator − 1} for every bar, mean and standard
 *       deviation over all returns with {@code SMAIndicator}/{@code StandardDeviationIndicator}, and
 *       {@code MaximumDrawdownCriterion} on a buy-and-hold trading record.
 *   <li>{@code dashboard}: the indicator set of a dashboard request, {@code sma:50,ema:20,rsi:14,macd,bbands}: QNT9
 *       parses the specs, wraps the columns in {@link BarColumns} (validation) and computes every column as
 *       {@code IndicatorController} does; ta4j computes the same 11 columns.
 * </ul>
 *
 * {@link #setUp()} also checks that each pair computes the same numbers (last value, after ta4j's different seeding
 * has converged), so a pair never compares different work.
 *
 * <pre>JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64 ./mvnw -B -q -Pbench test-compile exec:exec -Djmh.args="AnalyticsBenchmark -f 1 -wi 3 -i 5 -w 1s -r 1s"</pre>
 *
 * (add {@code -p series=spx} for the real series only). Results: {@code docs/PERFORMANCE.md}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AnalyticsBenchmark {

    static final String DASHBOARD = "sma:50,ema:20,rsi:14,macd,bbands";
    static final double RISK_FREE_RATE = 0.02;

    @Param({"spx", "syn10y"})
    public String series;

    int n;
    int[] days;
    double[] open;
    double[] high;
    double[] low;
    double[] close;
    long[] volume;
    BarColumns bars;
    BarSeries ta4j;

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
        } else {
            throw new IllegalArgumentException("series must be spx or syn10y, got " + series);
        }
        n = close.length;
        bars = new BarColumns(open, high, low, close, volume);
        ta4j = Ta4jSeries.doubleSeries(bars);
        verify();
    }

    /** Geometric Brownian motion, 8 % drift and 20 % volatility a year, with plausible highs, lows and volumes. */
    private void synthetic(int length) {
        SplittableRandom rnd = new SplittableRandom(20_261_125L);
        days = new int[length];
        open = new double[length];
        high = new double[length];
        low = new double[length];
        close = new double[length];
        volume = new long[length];
        LocalDate day = LocalDate.of(2015, 1, 2);
        double price = 100;
        double dt = 1.0 / 252;
        for (int i = 0; i < length; i++) {
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            days[i] = (int) day.toEpochDay();
            day = day.plusDays(1);
            double o = price;
            price *= Math.exp((0.08 - 0.02) * dt + 0.2 * Math.sqrt(dt) * gaussian(rnd));
            open[i] = o;
            close[i] = price;
            high[i] = Math.max(o, price) * (1 + 0.005 * Math.abs(gaussian(rnd)));
            low[i] = Math.min(o, price) * (1 - 0.005 * Math.abs(gaussian(rnd)));
            volume[i] = 1_000_000L + rnd.nextLong(4_000_000L);
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    // ------------------------------------------------------------ SMA(50)

    @Benchmark
    public double[] sma50_qnt9() {
        return MovingAverages.sma(close, 50);
    }

    @Benchmark
    public void sma50_ta4j(Blackhole bh) {
        consume(bh, new SMAIndicator(new ClosePriceIndicator(ta4j), 50));
    }

    // ------------------------------------------------------------ EMA(20)

    @Benchmark
    public double[] ema20_qnt9() {
        return MovingAverages.ema(close, 20);
    }

    @Benchmark
    public void ema20_ta4j(Blackhole bh) {
        consume(bh, new EMAIndicator(new ClosePriceIndicator(ta4j), 20));
    }

    // ------------------------------------------------------------ RSI(14)

    @Benchmark
    public double[] rsi14_qnt9() {
        return Momentum.rsi(close, 14);
    }

    @Benchmark
    public void rsi14_ta4j(Blackhole bh) {
        consume(bh, new RSIIndicator(new ClosePriceIndicator(ta4j), 14));
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

    private void bollingerTa4j(Blackhole bh, ClosePriceIndicator c) {
        BollingerBandsMiddleIndicator middle = new BollingerBandsMiddleIndicator(new SMAIndicator(c, 20));
        StandardDeviationIndicator sd = new StandardDeviationIndicator(c, 20);
        Num k = ta4j.numOf(2);
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

    // ------------------------------------------------------------ Stochastic(14, 3)

    @Benchmark
    public Stochastic stochastic_qnt9() {
        return Momentum.stochastic(high, low, close, 14, 3);
    }

    @Benchmark
    public void stochastic_ta4j(Blackhole bh) {
        StochasticOscillatorKIndicator k = new StochasticOscillatorKIndicator(ta4j, 14);
        consume(bh, k, new StochasticOscillatorDIndicator(k));
    }

    // ------------------------------------------------------------ ADX(14) with +DI and −DI

    @Benchmark
    public DirectionalIndex adx14_qnt9() {
        return DirectionalMovement.adx(high, low, close, 14);
    }

    @Benchmark
    public void adx14_ta4j(Blackhole bh) {
        consume(bh, new ADXIndicator(ta4j, 14), new PlusDIIndicator(ta4j, 14), new MinusDIIndicator(ta4j, 14));
    }

    // ------------------------------------------------------------ OBV

    @Benchmark
    public double[] obv_qnt9() {
        return VolumeIndicators.obv(close, volume);
    }

    @Benchmark
    public void obv_ta4j(Blackhole bh) {
        consume(bh, new OnBalanceVolumeIndicator(ta4j));
    }

    // ------------------------------------------------------------ statistics: returns, volatility, Sharpe, drawdown

    @Benchmark
    public void statistics_qnt9(Blackhole bh) {
        PriceSeries prices = new PriceSeries(days, close);
        bh.consume(ReturnStatistics.simpleReturns(close));
        bh.consume(ReturnStatistics.summarize(prices, RISK_FREE_RATE));
    }

    @Benchmark
    public void statistics_ta4j(Blackhole bh) {
        bh.consume(ta4jStatistics(bh));
    }

    /** {volatility, Sharpe, max drawdown} the ta4j way; every daily return goes into the Blackhole. */
    double[] ta4jStatistics(Blackhole bh) {
        Indicator<Num> returns = TransformIndicator.minus(new ClosePriceRatioIndicator(ta4j), 1);
        for (int i = 1; i < n; i++) {
            bh.consume(returns.getValue(i));
        }
        int count = n - 1;
        Num mean = new SMAIndicator(returns, count).getValue(n - 1);
        Num population = new StandardDeviationIndicator(returns, count).getValue(n - 1);
        Num sample = population.multipliedBy(ta4j.numOf(Math.sqrt(count / (count - 1.0))));
        Num annualise = ta4j.numOf(Math.sqrt(252));
        Num volatility = sample.multipliedBy(annualise);
        Num rfDaily = ta4j.numOf(ReturnStatistics.dailyRiskFreeRate(RISK_FREE_RATE));
        Num sharpe = mean.minus(rfDaily).dividedBy(sample).multipliedBy(annualise);
        TradingRecord buyAndHold = new BaseTradingRecord();
        buyAndHold.enter(0, ta4j.getBar(0).getClosePrice(), ta4j.numOf(1));
        buyAndHold.exit(n - 1, ta4j.getBar(n - 1).getClosePrice(), ta4j.numOf(1));
        Num drawdown = new MaximumDrawdownCriterion().calculate(ta4j, buyAndHold);
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
        ClosePriceIndicator c = new ClosePriceIndicator(ta4j);
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
        ClosePriceIndicator c = new ClosePriceIndicator(ta4j);
        same("sma", MovingAverages.sma(close, 50)[last], new SMAIndicator(c, 50).getValue(last));
        same("ema", MovingAverages.ema(close, 20)[last], new EMAIndicator(c, 20).getValue(last));
        same("rsi", Momentum.rsi(close, 14)[last], new RSIIndicator(c, 14).getValue(last));
        MACDIndicator line = new MACDIndicator(c, 12, 26);
        Macd macd = Momentum.macd(close, 12, 26, 9);
        same("macd", macd.line()[last], line.getValue(last));
        same("macd signal", macd.signal()[last], new EMAIndicator(line, 9).getValue(last));
        same("%B", Volatility.bollinger(close, 20, 2).percentB()[last], new PercentBIndicator(c, 20, 2).getValue(last));
        same("atr", Volatility.atr(high, low, close, 14)[last], new ATRIndicator(ta4j, 14).getValue(last));
        same(
                "%D",
                Momentum.stochastic(high, low, close, 14, 3).d()[last],
                new StochasticOscillatorDIndicator(new StochasticOscillatorKIndicator(ta4j, 14)).getValue(last));
        same(
                "adx",
                DirectionalMovement.adx(high, low, close, 14).adx()[last],
                new ADXIndicator(ta4j, 14).getValue(last));
        same(
                "obv",
                VolumeIndicators.obv(close, volume)[last] - volume[0],
                new OnBalanceVolumeIndicator(ta4j).getValue(last));
        PerformanceSummary summary = ReturnStatistics.summarize(new PriceSeries(days, close), RISK_FREE_RATE);
        double[] t = ta4jStatistics(new Blackhole(
                "Today's password is swordfish. I understand instantiating Blackholes directly is dangerous."));
        same("volatility", summary.annualizedVolatility(), t[0]);
        same("sharpe", summary.sharpeRatio(), t[1]);
        same("max drawdown", -summary.maxDrawdown().depth(), t[2]);
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
