package io.qnt9.srs.report;

import io.qnt9.srs.analytics.BenchmarkRelation;
import io.qnt9.srs.analytics.Macd;
import io.qnt9.srs.analytics.Momentum;
import io.qnt9.srs.analytics.MovingAverages;
import io.qnt9.srs.analytics.PerformanceSummary;
import io.qnt9.srs.analytics.PriceSeries;
import io.qnt9.srs.analytics.ReturnStatistics;
import io.qnt9.srs.marketdata.DailySeries;
import io.qnt9.srs.marketdata.Instrument;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * One page about an instrument, as of its latest bar: price and day change, 52-week range, the last week of bars,
 * key indicators and the past year's key statistics.
 */
@RestController
@Tag(name = "Statistics")
class ReportController {

    static final String BENCHMARK = "SPX";
    static final int LAST_BARS = 7;

    private final MarketData marketData;

    ReportController(MarketData marketData) {
        this.marketData = marketData;
    }

    @Schema(name = "ReportBar")
    record Bar(LocalDate date, double open, double high, double low, double close, long volume) {}

    record KeyIndicators(
            Double sma50, Double sma200, Double rsi14, Double macd, Double macdSignal, Double macdHistogram) {}

    /** Over the year up to the last bar; beta against {@code benchmark} on common dates (null without overlap). */
    record KeyStatistics(
            LocalDate start,
            LocalDate end,
            double return1y,
            double volatility1y,
            double maxDrawdown1y,
            Double beta1y,
            String benchmark) {}

    record Report(
            String symbol,
            String name,
            String exchange,
            String currency,
            LocalDate asOf,
            double lastPrice,
            Double change,
            Double changePercent,
            double high52w,
            double low52w,
            List<Bar> lastBars,
            KeyIndicators indicators,
            KeyStatistics statistics) {}

    @GetMapping("/api/v1/instruments/{symbol}/report")
    @Operation(
            operationId = "getReport",
            summary = "Price, 52-week range, last 7 bars, key indicators and key statistics",
            responses = {
                @ApiResponse(responseCode = "200", description = "The report"),
                @ApiResponse(
                        responseCode = "422",
                        description = "Too little history for the report (insufficient-data)")
            })
    Report report(@Parameter(example = "AAPL") @PathVariable String symbol) {
        String sym = Symbols.require(symbol, "symbol");
        Instrument instrument = marketData.requireListing(sym, "symbol").instrument();
        DailySeries s = marketData.requireSeries(sym, "symbol");
        if (s.size() < 2) {
            throw new InsufficientDataException(
                    "A report needs at least 2 daily bars; " + s.symbol() + " has " + s.size() + ".", 2, s.size());
        }
        int last = s.size() - 1;
        LocalDate asOf = s.date(last);
        int yearStart = s.firstIndexOnOrAfter(asOf.minusYears(1));
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        for (int i = yearStart; i <= last; i++) {
            hi = Math.max(hi, s.high()[i]);
            lo = Math.min(lo, s.low()[i]);
        }
        List<Bar> bars = new ArrayList<>();
        for (int i = Math.max(0, s.size() - LAST_BARS); i <= last; i++) {
            bars.add(new Bar(s.date(i), s.open()[i], s.high()[i], s.low()[i], s.close()[i], s.volume()[i]));
        }
        return new Report(
                s.symbol(),
                instrument.name(),
                instrument.exchange(),
                instrument.currency(),
                asOf,
                s.close()[last],
                s.dayChange(last),
                s.dayReturn(last) * 100,
                hi,
                lo,
                bars,
                indicators(s.adjClose()),
                statistics(s, yearStart, last));
    }

    private static KeyIndicators indicators(double[] p) {
        int last = p.length - 1;
        Double sma50 = p.length >= 50 ? Columns.nullable(MovingAverages.sma(p, 50)[last]) : null;
        Double sma200 = p.length >= 200 ? Columns.nullable(MovingAverages.sma(p, 200)[last]) : null;
        Double rsi = p.length > 14 ? Columns.nullable(Momentum.rsi(p, 14)[last]) : null;
        Macd m = p.length > Momentum.macdWarmup(Momentum.MACD_FAST, Momentum.MACD_SLOW, Momentum.MACD_SIGNAL)
                ? Momentum.macd(p)
                : null;
        return new KeyIndicators(
                sma50,
                sma200,
                rsi,
                m == null ? null : Columns.nullable(m.line()[last]),
                m == null ? null : Columns.nullable(m.signal()[last]),
                m == null ? null : Columns.nullable(m.histogram()[last]));
    }

    private KeyStatistics statistics(DailySeries s, int from, int last) {
        if (last - from < 1) {
            return null;
        }
        PriceSeries year = new PriceSeries(
                Arrays.copyOfRange(s.epochDays(), from, last + 1), Arrays.copyOfRange(s.adjClose(), from, last + 1));
        PerformanceSummary p = ReturnStatistics.summarize(year, 0);
        Double beta = null;
        String benchmark = null;
        if (!s.symbol().equals(BENCHMARK)) {
            DailySeries bench = marketData.series(BENCHMARK).orElse(null);
            if (bench != null) {
                int bFrom = bench.firstIndexOnOrAfter(s.date(from));
                int bTo = bench.lastIndexOnOrBefore(s.date(last)) + 1;
                if (bTo - bFrom >= 3) {
                    try {
                        BenchmarkRelation r = ReturnStatistics.relativeTo(
                                year,
                                new PriceSeries(
                                        Arrays.copyOfRange(bench.epochDays(), bFrom, bTo),
                                        Arrays.copyOfRange(bench.adjClose(), bFrom, bTo)));
                        beta = r.beta();
                        benchmark = BENCHMARK;
                    } catch (IllegalArgumentException notEnoughCommonDates) {
                        // no beta: the benchmark barely overlaps this year
                    }
                }
            }
        }
        return new KeyStatistics(
                s.date(from),
                s.date(last),
                p.totalReturn(),
                p.annualizedVolatility(),
                p.maxDrawdown().depth(),
                beta,
                benchmark);
    }
}
