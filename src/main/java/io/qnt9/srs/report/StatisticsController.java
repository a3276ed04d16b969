package io.qnt9.srs.report;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.qnt9.srs.analytics.BenchmarkRelation;
import io.qnt9.srs.analytics.DailyReturn;
import io.qnt9.srs.analytics.Drawdown;
import io.qnt9.srs.analytics.PerformanceSummary;
import io.qnt9.srs.analytics.PriceSeries;
import io.qnt9.srs.analytics.ReturnStatistics;
import io.qnt9.srs.analytics.RollingSeries;
import io.qnt9.srs.analytics.TailRisk;
import io.qnt9.srs.marketdata.BarInterval;
import io.qnt9.srs.marketdata.DailySeries;
import io.qnt9.srs.marketdata.InsufficientDataException;
import io.qnt9.srs.marketdata.MarketData;
import io.qnt9.srs.marketdata.Symbols;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Risk/return statistics of an instrument's adjusted closes over a date range; conventions in docs/ANALYTICS.md
 * (CAGR over calendar days / 365.25, volatility = sample std × √252, Sharpe/Sortino with an annual risk-free rate
 * converted to daily, historical VaR/CVaR as positive 1-day losses, beta/correlation on common dates only).
 */
@RestController
@Tag(name = "Statistics", description = "Risk and return statistics")
class StatisticsController {

    private final MarketData marketData;

    StatisticsController(MarketData marketData) {
        this.marketData = marketData;
    }

    record DrawdownView(double depth, LocalDate peak, LocalDate trough, LocalDate recovery) {
        static DrawdownView of(Drawdown d) {
            return new DrawdownView(
                    d.depth(),
                    LocalDate.ofEpochDay(d.peakEpochDay()),
                    LocalDate.ofEpochDay(d.troughEpochDay()),
                    d.recoveryEpochDay().isPresent()
                            ? LocalDate.ofEpochDay(d.recoveryEpochDay().getAsInt())
                            : null);
        }
    }

    record Day(LocalDate date, double value) {
        static Day of(DailyReturn r) {
            return new Day(LocalDate.ofEpochDay(r.epochDay()), r.value());
        }
    }

    /** The figures of {@link PerformanceSummary} (an instrument's or a portfolio's), dates as dates. */
    record Performance(
            double totalReturn,
            double cagr,
            double annualizedVolatility,
            double sharpeRatio,
            double sortinoRatio,
            double annualizedDownsideDeviation,
            DrawdownView maxDrawdown,
            double calmarRatio,
            TailRisk valueAtRisk,
            Day bestDay,
            Day worstDay,
            double positiveDayShare) {

        static Performance of(PerformanceSummary p) {
            return new Performance(
                    p.totalReturn(),
                    p.cagr(),
                    p.annualizedVolatility(),
                    p.sharpeRatio(),
                    p.sortinoRatio(),
                    p.annualizedDownsideDeviation(),
                    DrawdownView.of(p.maxDrawdown()),
                    p.calmarRatio(),
                    p.valueAtRisk(),
                    Day.of(p.bestDay()),
                    Day.of(p.worstDay()),
                    p.positiveDayShare());
        }
    }

    record Benchmark(String symbol, int commonReturns, double beta, double correlation) {}

    record Rolling(int window, List<LocalDate> dates, List<Double> volatility, List<Double> sharpe, Series beta) {}

    record Series(List<LocalDate> dates, List<Double> values) {}

    record Returns(List<LocalDate> dates, List<Double> simple, List<Double> log) {}

    record StatisticsResponse(
            String symbol,

            @Schema(description = "The bars the figures are over; \"day\" in their names then means one bar")
            BarInterval interval,

            LocalDate start,
            LocalDate end,
            int bars,
            double riskFreeRate,
            @JsonUnwrapped Performance performance,
            Benchmark benchmark,
            String notice,
            Rolling rolling,
            Returns returns) {}

    @GetMapping("/api/v1/instruments/{symbol}/statistics")
    @Operation(
            operationId = "getStatistics",
            summary = "Risk/return statistics over a date range",
            description = "benchmark: a symbol (default SPX) or 'none'. window: rolling window in bars for"
                    + " rolling volatility, Sharpe and beta. includeReturns: add the bars' simple and log returns."
                    + " interval=weekly or monthly: every figure over weekly or monthly bars (built from the days,"
                    + " dated by their last trading day, the last one the week or month in progress up to end):"
                    + " volatility and Sharpe annualised by √52 or √12, beta and correlation of weekly or monthly"
                    + " returns, VaR and best/worst over one bar.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The statistics over the range"),
                @ApiResponse(
                        responseCode = "404",
                        description =
                                "No instrument with this symbol, or no benchmark with that symbol (unknown-instrument)"),
                @ApiResponse(
                        responseCode = "422",
                        description = "Fewer bars in the range than the statistics need (insufficient-data)")
            })
    StatisticsResponse statistics(
            @Parameter(example = "AAPL") @PathVariable String symbol,
            @Parameter(example = "2014-01-01") @RequestParam(required = false) LocalDate start,
            @Parameter(example = "2017-12-31") @RequestParam(required = false) LocalDate end,
            @Parameter(example = "SPX") @RequestParam(defaultValue = "SPX") String benchmark,
            @Parameter(description = "annual, -0.05 to 0.20", example = "0.02") @RequestParam(defaultValue = "0")
                    double riskFreeRate,
            @Parameter(description = "2 to 5000 bars") @RequestParam(defaultValue = "63") int window,
            @RequestParam(defaultValue = "false") boolean includeReturns,
            @Parameter(description = "daily (default), weekly or monthly bars") @RequestParam(defaultValue = "daily")
                    BarInterval interval) {
        IndicatorController.checkRange(start, end);
        IndicatorController.checkRiskFreeRate(riskFreeRate);
        if (window < 2 || window > 5000) {
            throw IndicatorController.invalid("window", "window must be between 2 and 5000 bars; got " + window + ".");
        }
        DailySeries s = IndicatorController.inIntervalUpTo(
                marketData.requireSeries(Symbols.require(symbol, "symbol"), "symbol"),
                IndicatorController.Prices.ADJUSTED,
                interval,
                end);
        DailySeries bench = benchmark.equalsIgnoreCase("none")
                ? null
                : IndicatorController.inIntervalUpTo(
                        marketData.requireSeries(Symbols.require(benchmark, "benchmark"), "benchmark"),
                        IndicatorController.Prices.ADJUSTED,
                        interval,
                        end);
        int periods = interval.periodsPerYear();
        PriceSeries prices = window(
                s,
                start,
                end,
                ReturnStatistics.MIN_ANNUALISED_BARS,
                "Statistics need",
                IndicatorController.unit(interval));
        PerformanceSummary p = ReturnStatistics.summarize(prices, riskFreeRate, periods);

        Benchmark relation = null;
        String notice = null;
        RollingSeries rollingBeta = null;
        if (bench != null) {
            PriceSeries benchPrices = overlapping(bench, prices);
            if (benchPrices == null) {
                notice = bench.symbol() + " has fewer than 3 dates in common with " + s.symbol()
                        + " in this range: no beta or correlation.";
            } else {
                try {
                    BenchmarkRelation r = ReturnStatistics.relativeTo(prices, benchPrices);
                    relation = new Benchmark(bench.symbol(), r.returnCount(), r.beta(), r.correlation());
                    rollingBeta = ReturnStatistics.rollingBeta(prices, benchPrices, window);
                } catch (IllegalArgumentException e) {
                    notice = bench.symbol() + " has fewer than 3 dates in common with " + s.symbol()
                            + " in this range: no beta or correlation.";
                }
            }
        }
        if (window > prices.size() - 1) {
            String empty = "window " + window + " is longer than the " + (prices.size() - 1) + " "
                    + IndicatorController.unit(interval) + " returns in the range: the rolling series have no values.";
            notice = notice == null ? empty : notice + " " + empty;
        }
        RollingSeries vol = ReturnStatistics.rollingVolatility(prices, window, periods);
        RollingSeries sharpe = ReturnStatistics.rollingSharpe(prices, window, riskFreeRate, periods);
        Rolling rolling = new Rolling(
                window,
                dates(vol.epochDays()),
                Columns.nullable(vol.values(), 0, vol.values().length),
                Columns.nullable(sharpe.values(), 0, sharpe.values().length),
                rollingBeta == null
                        ? null
                        : new Series(
                                dates(rollingBeta.epochDays()),
                                Columns.nullable(rollingBeta.values(), 0, rollingBeta.values().length)));
        Returns returns = null;
        if (includeReturns) {
            double[] simple = ReturnStatistics.simpleReturns(prices.prices());
            double[] log = ReturnStatistics.logReturns(prices.prices());
            returns = new Returns(
                    dates(Arrays.copyOfRange(prices.epochDays(), 1, prices.size())),
                    Columns.nullable(simple, 1, simple.length), // index 0 has no previous price
                    Columns.nullable(log, 1, log.length));
        }
        return new StatisticsResponse(
                s.symbol(),
                interval,
                LocalDate.ofEpochDay(p.firstEpochDay()),
                LocalDate.ofEpochDay(p.lastEpochDay()),
                prices.size(),
                riskFreeRate,
                Performance.of(p),
                relation,
                notice,
                rolling,
                returns);
    }

    /** The adjusted closes of {@code [start, end]}; 422 below {@value ReturnStatistics#MIN_ANNUALISED_BARS} bars. */
    static PriceSeries window(DailySeries s, LocalDate start, LocalDate end) {
        return window(s, start, end, ReturnStatistics.MIN_ANNUALISED_BARS, "Statistics need");
    }

    /**
     * The adjusted closes of {@code [start, end]} (either open); a 422 saying "{@code needs} at least {@code
     * required} daily bars" when the range has fewer.
     */
    static PriceSeries window(DailySeries s, LocalDate start, LocalDate end, int required, String needs) {
        return window(s, start, end, required, needs, "daily");
    }

    /** {@link #window(DailySeries, LocalDate, LocalDate, int, String)} of bars of {@code unit} ("weekly"). */
    private static PriceSeries window(
            DailySeries s, LocalDate start, LocalDate end, int required, String needs, String unit) {
        int from = start == null ? 0 : s.firstIndexOnOrAfter(start);
        int to = end == null ? s.size() : s.lastIndexOnOrBefore(end) + 1;
        if (to - from < required) {
            throw new InsufficientDataException(
                    needs + " at least " + required + " " + unit + " bars; " + s.symbol() + " has "
                            + Math.max(0, to - from) + " between " + (start == null ? "its first bar" : start)
                            + " and " + (end == null ? "its last bar" : end) + ".",
                    required,
                    Math.max(0, to - from));
        }
        return new PriceSeries(Arrays.copyOfRange(s.epochDays(), from, to), Arrays.copyOfRange(s.adjClose(), from, to));
    }

    /** The benchmark's bars over the asset's range (relativeTo aligns them on common dates). */
    private static PriceSeries overlapping(DailySeries bench, PriceSeries asset) {
        int from = bench.firstIndexOnOrAfter(LocalDate.ofEpochDay(asset.epochDays()[0]));
        int to = bench.lastIndexOnOrBefore(LocalDate.ofEpochDay(asset.epochDays()[asset.size() - 1])) + 1;
        if (to - from < 3) {
            return null;
        }
        return new PriceSeries(
                Arrays.copyOfRange(bench.epochDays(), from, to), Arrays.copyOfRange(bench.adjClose(), from, to));
    }

    private static List<LocalDate> dates(int[] epochDays) {
        List<LocalDate> out = new ArrayList<>(epochDays.length);
        for (int d : epochDays) {
            out.add(LocalDate.ofEpochDay(d));
        }
        return out;
    }
}
