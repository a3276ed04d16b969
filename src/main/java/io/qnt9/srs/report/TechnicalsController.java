package io.qnt9.srs.report;

import io.qnt9.srs.analytics.Backtest;
import io.qnt9.srs.analytics.BarColumns;
import io.qnt9.srs.analytics.PerformanceSummary;
import io.qnt9.srs.analytics.PriceSeries;
import io.qnt9.srs.analytics.ReturnStatistics;
import io.qnt9.srs.analytics.TechnicalRating;
import io.qnt9.srs.marketdata.BarInterval;
import io.qnt9.srs.marketdata.DailySeries;
import io.qnt9.srs.marketdata.InsufficientDataException;
import io.qnt9.srs.marketdata.MarketData;
import io.qnt9.srs.marketdata.Symbols;
import io.qnt9.srs.report.IndicatorController.Prices;
import io.qnt9.srs.system.ApiException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The technical rating of an instrument's last bar (or its last bar on or before {@code asOf}): 26 indicators' votes
 * in two groups, as {@link TechnicalRating} defines them, with the rating's track record on the instrument.
 */
@RestController
@Tag(name = "Indicators")
class TechnicalsController {

    /** The fewest bars with which any component votes: the 10-bar averages. */
    static final int MIN_BARS = 10;

    /** The cost of the track record's trades, as the recommendation's backtest charges by default. */
    static final double COST_BPS = 5;

    /** Ratings kept: the most recently used, per symbol, prices and bar. */
    static final int CACHED = 512;

    private final MarketData marketData;
    /**
     * Answers by symbol, prices and rated bar, each with the series it was computed from: valid while the market-data
     * cache hands out that same series (an import replaces it). A rating reads 26 indicators over the whole history,
     * and its calibration the rating at every bar, so a dashboard's repeated asks are worth keeping.
     */
    private final Map<String, Cached> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > CACHED;
        }
    };

    /** The source is held weakly: a kept answer must not keep a replaced or evicted series in memory. */
    private record Cached(java.lang.ref.WeakReference<DailySeries> source, Technicals technicals) {}

    TechnicalsController(MarketData marketData) {
        this.marketData = marketData;
    }

    record Technicals(
            String symbol,
            BarInterval interval,

            @Schema(description = "The bar rated (a weekly or monthly bar is dated by its last trading day)")
            LocalDate date,

            Prices prices,

            @Schema(description = "Mean of the two groups' ratings, −1 (all sell) … +1 (all buy)")
            Double rating,

            TechnicalRating.Verdict verdict,
            int buy,
            int neutral,
            int sell,
            TechnicalRating.Group oscillators,
            TechnicalRating.Group movingAverages,

            @Schema(
                    description = "The rating's track record on this instrument up to the rated bar: for each"
                            + " verdict, on how many bars it was given and the average and median return"
                            + " over the next 5, 20 and 60 bars")
            List<TechnicalRating.CalibrationRow> calibration,

            @Schema(
                    description = "Trading on the rating before the rated bar: long from the next bar's open after a"
                            + " BUY or STRONG_BUY, flat after a SELL or STRONG_SELL, NEUTRAL keeps the position; "
                            + "5 bps per trade; against buying and holding over the same bars. Null with fewer"
                            + " than 3 rated bars")
            RatingBacktest backtest) {}

    /**
     * @param start the first rated bar (flat, equity 1)
     * @param end the rated bar
     * @param costBps per unit of position traded
     * @param exposure share of bars after the first spent long
     * @param hitRate share of closed round trips that made money; null when none was closed
     */
    record RatingBacktest(
            LocalDate start,
            LocalDate end,
            double costBps,
            Outcome strategy,
            Outcome buyAndHold,
            int trades,
            int roundTrips,
            Double hitRate,
            double exposure) {}

    /**
     * @param totalReturn growth of 1 minus 1
     * @param cagr per year of 365.25 calendar days
     * @param maxDrawdown deepest fall from a peak, a negative fraction
     */
    record Outcome(double totalReturn, double cagr, double maxDrawdown) {}

    /** The most symbols one {@code /api/v1/technicals} call rates. */
    static final int MAX_SYMBOLS = 50;

    /**
     * A group's tally without its components.
     *
     * @param rating the mean vote, null when no component could vote
     */
    record GroupSummary(
            Double rating, TechnicalRating.Verdict verdict, int buy, int neutral, int sell, int unavailable) {

        static GroupSummary of(TechnicalRating.Group g) {
            return new GroupSummary(g.rating(), g.verdict(), g.buy(), g.neutral(), g.sell(), g.unavailable());
        }
    }

    /** One instrument's rating without the components and the track record (those are in the one-symbol answer). */
    record Summary(
            String symbol,
            LocalDate date,
            Double rating,
            TechnicalRating.Verdict verdict,
            int buy,
            int neutral,
            int sell,
            GroupSummary oscillators,
            GroupSummary movingAverages) {}

    /** A symbol that could not be rated, with the problem its own request would have answered. */
    record Failure(String symbol, int status, String type, String detail) {}

    record TechnicalsList(
            BarInterval interval,
            Prices prices,
            LocalDate asOf,
            int count,
            List<Summary> items,

            @Schema(description = "Symbols not rated: unknown (404) or with too little history (422)")
            List<Failure> errors) {}

    @GetMapping("/api/v1/technicals")
    @Operation(
            operationId = "getTechnicalsOfMany",
            summary = "Technical ratings of up to " + MAX_SYMBOLS + " instruments at once",
            description = "The summary of each one's rating (overall and per group, no components and no track"
                    + " record: ask /api/v1/instruments/{symbol}/technicals for those), in the order given. A symbol"
                    + " that is unknown or has too little history is listed under 'errors' with the problem its own"
                    + " request would answer, instead of failing the call; a malformed list is a 400.",
            responses = {@ApiResponse(responseCode = "200", description = "The ratings, and the symbols not rated")})
    TechnicalsList technicalsOfMany(
            @Parameter(description = "1 to " + MAX_SYMBOLS + " comma-separated symbols", example = "AAPL,MSFT,GOOG")
                    @RequestParam
                    String symbols,
            @Parameter(description = "Rate each one's last bar on or before this date (default: its last bar)")
                    @RequestParam(required = false)
                    LocalDate asOf,
            @RequestParam(defaultValue = "adjusted") Prices prices,
            @RequestParam(defaultValue = "daily") BarInterval interval) {
        List<Summary> items = new java.util.ArrayList<>();
        List<Failure> errors = new java.util.ArrayList<>();
        for (String symbol : Symbols.requireList(symbols, "symbols", 1, MAX_SYMBOLS)) {
            try {
                Technicals t = technicals(symbol, asOf, prices, interval);
                items.add(new Summary(
                        t.symbol(),
                        t.date(),
                        t.rating(),
                        t.verdict(),
                        t.buy(),
                        t.neutral(),
                        t.sell(),
                        GroupSummary.of(t.oscillators()),
                        GroupSummary.of(t.movingAverages())));
            } catch (ApiException e) {
                String type = e.getBody().getType() == null
                        ? null
                        : e.getBody().getType().toString();
                errors.add(new Failure(
                        symbol, e.getStatusCode().value(), type, e.getBody().getDetail()));
            }
        }
        return new TechnicalsList(interval, prices, asOf, items.size(), List.copyOf(items), List.copyOf(errors));
    }

    @GetMapping("/api/v1/instruments/{symbol}/technicals")
    @Operation(
            operationId = "getTechnicals",
            summary = "Technical rating: 11 oscillators and 15 moving averages vote buy, neutral or sell",
            description = "Each component's rule and the values it read are in the answer; a group's rating is the mean"
                    + " vote (buy +1, neutral 0, sell −1), the overall rating the mean of the two groups'; verdicts:"
                    + " STRONG_SELL < −0.5 ≤ SELL < −0.1 ≤ NEUTRAL ≤ 0.1 < BUY ≤ 0.5 < STRONG_BUY. A component"
                    + " without enough history does not vote (unavailable). Rules: those of TradingView's published"
                    + " TechnicalRating library (v3), each stated in the answer and in docs/ANALYTICS.md. prices=adjusted"
                    + " (default, as the report and the recommendation) or quoted. interval=weekly or monthly rates"
                    + " the bars of ISO weeks or calendar months built from the daily bars (the last one may be"
                    + " incomplete: it ends at the last daily bar), as the bars endpoint builds them. calibration:"
                    + " how the rating did on this instrument before, by verdict; backtest: trading on it (long/flat,"
                    + " next bar's open, 5 bps) against buying and holding.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The rating with every component"),
                @ApiResponse(
                        responseCode = "422",
                        description = "Fewer than " + MIN_BARS + " bars of the interval up to asOf (insufficient-data)")
            })
    Technicals technicals(
            @Parameter(example = "AAPL") @PathVariable String symbol,
            @Parameter(
                            description = "Rate the last bar on or before this date (default: the last bar)",
                            example = "2016-06-30")
                    @RequestParam(required = false)
                    LocalDate asOf,
            @RequestParam(defaultValue = "adjusted") Prices prices,
            @RequestParam(defaultValue = "daily") BarInterval interval) {
        String sym = Symbols.require(symbol, "symbol");
        DailySeries whole = marketData.requireSeries(sym, "symbol");
        DailySeries s = asOf == null ? whole : whole.asOf(asOf);
        String key = s.isEmpty() ? null : sym + ' ' + prices + ' ' + interval + ' ' + s.date(s.size() - 1);
        if (key != null) {
            synchronized (cache) {
                Cached hit = cache.get(key);
                if (hit != null && hit.source().get() == whole) {
                    return hit.technicals(); // kept answers passed the check below
                }
            }
        }
        // the bars rated: a weekly or monthly bar built from days adjusted first (IndicatorController.inInterval)
        DailySeries rated = IndicatorController.inInterval(s, prices, interval);
        int bars = rated.size();
        if (bars < MIN_BARS) {
            String unit = IndicatorController.unit(interval);
            throw new InsufficientDataException(
                    "A technical rating needs at least " + MIN_BARS + " " + unit + " bars (the 10-bar averages); " + sym
                            + " has " + bars + (asOf == null ? "" : " up to " + asOf) + ".",
                    MIN_BARS,
                    bars);
        }
        Technicals answer = rate(sym, rated, prices, interval);
        synchronized (cache) {
            cache.put(key, new Cached(new java.lang.ref.WeakReference<>(whole), answer));
        }
        return answer;
    }

    private static Technicals rate(String sym, DailySeries s, Prices prices, BarInterval interval) {
        BarColumns bars = IndicatorController.bars(s, prices, interval);
        TechnicalRating.RatedHistory rated = TechnicalRating.rateWithHistory(bars);
        TechnicalRating.Rating r = rated.last();
        double[] history = rated.history();
        return new Technicals(
                sym,
                interval,
                s.date(s.size() - 1),
                prices,
                r.rating(),
                r.verdict(),
                r.buy(),
                r.neutral(),
                r.sell(),
                r.oscillators(),
                r.movingAverages(),
                TechnicalRating.calibration(history, bars.close()),
                backtest(s.epochDays(), bars, history));
    }

    /** The track record as a trade: from the first rated bar to the last, null with fewer than 3 rated bars. */
    private static RatingBacktest backtest(int[] days, BarColumns bars, double[] history) {
        int from = 0;
        while (from < history.length && Double.isNaN(history[from])) {
            from++;
        }
        int to = history.length - 1;
        if (to - from + 1 < 3) {
            return null;
        }
        double[] close = bars.close();
        Backtest.Result result = Backtest.run(
                bars.open(), close, TechnicalRating.signals(history), from, to, COST_BPS, Backtest.Mode.LONG_FLAT);
        int[] window = java.util.Arrays.copyOfRange(days, from, to + 1);
        double[] hold = java.util.Arrays.copyOfRange(close, from, to + 1);
        return new RatingBacktest(
                LocalDate.ofEpochDay(days[from]),
                LocalDate.ofEpochDay(days[to]),
                COST_BPS,
                outcome(window, result.equity()),
                outcome(window, hold),
                result.trades().size(),
                result.roundTrips(),
                Double.isNaN(result.hitRate()) ? null : result.hitRate(),
                result.exposure());
    }

    private static Outcome outcome(int[] days, double[] values) {
        PerformanceSummary p = ReturnStatistics.summarize(new PriceSeries(days, values), 0);
        return new Outcome(p.totalReturn(), p.cagr(), p.maxDrawdown().depth());
    }
}
