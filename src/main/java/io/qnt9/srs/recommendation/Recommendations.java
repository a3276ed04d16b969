package io.qnt9.srs.recommendation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.qnt9.srs.analytics.Backtest;
import io.qnt9.srs.analytics.EquityPerformance;
import io.qnt9.srs.analytics.ReturnStatistics;
import io.qnt9.srs.marketdata.DailySeries;
import io.qnt9.srs.marketdata.InstrumentListing;
import io.qnt9.srs.marketdata.InsufficientDataException;
import io.qnt9.srs.marketdata.MarketData;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** Recommendations, their backtest, and the ranked universe. The module's API for other modules. */
@Service
public class Recommendations {

    private final MarketData marketData;
    private final ModelSettings settings;
    private final Counter served;
    private volatile Ranking ranking;
    private static final ThreadLocal<FactorModel.Scratch> SCRATCH = ThreadLocal.withInitial(FactorModel.Scratch::new);

    Recommendations(MarketData marketData, ModelSettings settings, MeterRegistry meters) {
        this.marketData = marketData;
        this.settings = settings;
        this.served = Counter.builder("qnt9.recommendations.served")
                .description("Recommendations returned by the API (single, ranking items, watchlists)")
                .register(meters);
    }

    ModelSettings settings() {
        return settings;
    }

    /** The current band of an instrument (its latest bar), from the ranking cache; empty if it is not rated. */
    public Optional<Band> currentBand(String symbol) {
        Ranking.Item item = ranking().bySymbol().get(symbol);
        if (item == null) {
            return Optional.empty();
        }
        served.increment();
        return Optional.of(item.band());
    }

    /** The recommendation as of {@code asOf} (null = the latest bar), using only bars up to that day. */
    public Recommendation recommend(String symbol, LocalDate asOf) {
        DailySeries s = marketData.requireSeries(symbol, "symbol");
        int i = asOf == null ? s.size() - 1 : s.lastIndexOnOrBefore(asOf);
        if (i + 1 < settings.minBars()) {
            throw tooFewBars(s, i + 1, asOf);
        }
        // The model sees only the bars up to the day: no look-ahead by construction.
        DailySeries known = i == s.size() - 1 ? s : s.slice(0, i + 1);
        Recommendation r = new FactorModel(settings, known, benchmark()).recommend(i);
        if (r == null) {
            throw tooFewBars(s, i + 1, asOf);
        }
        served.increment();
        return r;
    }

    private DailySeries benchmark() {
        return marketData.series(settings.benchmark()).orElse(null);
    }

    private InsufficientDataException tooFewBars(DailySeries s, int available, LocalDate asOf) {
        return new InsufficientDataException(
                "A recommendation needs at least " + settings.minBars() + " daily bars; " + s.symbol() + " has "
                        + Math.max(0, available) + (asOf == null ? "" : " up to " + asOf) + ".",
                settings.minBars(),
                Math.max(0, available));
    }

    // ---------------------------------------------------------------- backtest

    record BacktestRequest(
            String symbol, LocalDate start, LocalDate end, double costBps, Backtest.Mode mode, double riskFreeRate) {}

    BacktestReport backtest(BacktestRequest req) {
        DailySeries s = marketData.requireSeries(req.symbol(), "symbol");
        DailySeries bench = benchmark();
        FactorModel model = new FactorModel(settings, s, bench);
        int n = s.size();
        int firstScorable = settings.minBars() - 1;
        int from = Math.max(firstScorable, req.start() == null ? 0 : s.firstIndexOnOrAfter(req.start()));
        int to = req.end() == null ? n - 1 : s.lastIndexOnOrBefore(req.end());
        if (to < settings.minBars()) {
            throw new InsufficientDataException(
                    "A backtest needs at least " + (settings.minBars() + 1) + " daily bars up to its end; "
                            + s.symbol() + " has " + Math.max(0, to + 1) + " up to "
                            + (req.end() == null ? "its last bar" : req.end()) + ".",
                    settings.minBars() + 1,
                    Math.max(0, to + 1));
        }
        int inWindow = Math.max(0, to - from + 1);
        if (inWindow < ReturnStatistics.MIN_ANNUALISED_BARS) {
            String found = inWindow == 0
                    ? "none between " + req.start() + " and " + (req.end() == null ? "its last bar" : req.end())
                            + " (stored: " + s.coverage() + ")"
                    : inWindow + " from " + s.date(from) + " to " + s.date(to);
            throw new InsufficientDataException(
                    "A backtest needs at least " + ReturnStatistics.MIN_ANNUALISED_BARS
                            + " daily bars in its window to report annualised figures; " + s.symbol() + " has "
                            + found + ". Start earlier or end later.",
                    ReturnStatistics.MIN_ANNUALISED_BARS,
                    inWindow);
        }
        Band[] bands = new Band[n];
        double[] scores = new double[n];
        Arrays.fill(scores, Double.NaN);
        for (int i = from; i <= to; i++) {
            FactorModel.Scored sc = model.score(i);
            if (sc != null) {
                bands[i] = sc.band();
                scores[i] = sc.score();
            }
        }
        double[] close = s.adjClose();
        double[] open = adjustedOpens(s);
        int[] signals = new int[n];
        for (int i = from; i <= to; i++) {
            signals[i] = bands[i] == null ? 0 : bands[i].signal();
        }
        Backtest.Result result = Backtest.run(open, close, signals, from, to, req.costBps(), req.mode());

        int[] days = Arrays.copyOfRange(s.epochDays(), from, to + 1);
        double[] hold = new double[days.length];
        for (int k = 0; k < hold.length; k++) {
            hold[k] = close[from + k] / close[from];
        }
        double[] benchCurve = benchmarkCurve(bench, days);
        List<BacktestReport.TradeView> trades = new ArrayList<>();
        for (Backtest.Trade t : result.trades()) {
            trades.add(new BacktestReport.TradeView(
                    s.date(t.day()), t.action(), s.open()[t.day()], t.positionAfter(), bands[t.day() - 1]));
        }
        return new BacktestReport(
                s.symbol(),
                s.date(from),
                s.date(to),
                settings.version(),
                req.costBps(),
                req.mode(),
                req.riskFreeRate(),
                performance(days, result.equity(), req.riskFreeRate()),
                performance(days, hold, req.riskFreeRate()),
                bench == null || benchCurve == null ? null : bench.symbol(),
                benchCurve == null ? null : performance(days, benchCurve, req.riskFreeRate()),
                result.trades().size(),
                result.roundTrips(),
                Double.isNaN(result.hitRate()) ? null : result.hitRate(),
                result.exposure(),
                trades,
                new BacktestReport.Curve(
                        Arrays.stream(days).mapToObj(LocalDate::ofEpochDay).toList(),
                        result.equity(),
                        hold,
                        benchCurve),
                Calibration.table(close, bands, from, to));
    }

    /** Opens on the same dividend/split adjustment as the adjusted closes: open × adjClose / close. */
    static double[] adjustedOpens(DailySeries s) {
        double[] out = new double[s.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = s.open()[i] * s.adjClose()[i] / s.close()[i];
        }
        return out;
    }

    /** The benchmark normalised to 1 on the first date, carried to each date; null when it does not cover it. */
    static double[] benchmarkCurve(DailySeries bench, int[] days) {
        if (bench == null || bench.isEmpty()) {
            return null;
        }
        int b0 = bench.lastIndexOnOrBefore(LocalDate.ofEpochDay(days[0]));
        int bn = bench.lastIndexOnOrBefore(LocalDate.ofEpochDay(days[days.length - 1]));
        if (b0 < 0
                || days[0] - bench.epochDays()[b0] > FactorModel.MAX_BENCHMARK_STALENESS_DAYS
                || days[days.length - 1] - bench.epochDays()[bn] > FactorModel.MAX_BENCHMARK_STALENESS_DAYS) {
            return null;
        }
        double[] b = bench.adjClose();
        double[] curve = new double[days.length];
        int j = b0;
        for (int k = 0; k < days.length; k++) {
            while (j + 1 < b.length && bench.epochDays()[j + 1] <= days[k]) {
                j++;
            }
            curve[k] = b[j] / b[b0];
        }
        return curve;
    }

    private static EquityPerformance performance(int[] days, double[] equity, double rf) {
        return days.length < 2 ? null : EquityPerformance.of(days, equity, rf);
    }

    // ---------------------------------------------------------------- ranking

    Ranking ranking() {
        long version = marketData.version();
        Ranking r = ranking;
        if (r == null || r.version() != version) {
            synchronized (this) {
                r = ranking;
                if (r == null || r.version() != version) {
                    r = computeRanking(version);
                    ranking = r;
                }
            }
        }
        return r;
    }

    private Ranking computeRanking(long version) {
        long t0 = System.nanoTime();
        DailySeries bench = benchmark();
        List<InstrumentListing> listings = marketData.instruments();
        List<Ranking.Item> items = listings.parallelStream()
                .map(l -> rate(l, bench))
                .filter(java.util.Objects::nonNull)
                .toList();
        Map<String, Ranking.Item> bySymbol = new HashMap<>();
        items.forEach(it -> bySymbol.put(it.symbol(), it));
        return new Ranking(
                version, items, bySymbol, listings.size() - items.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    private Ranking.Item rate(InstrumentListing listing, DailySeries bench) {
        if (listing.bars() < settings.minBars()) {
            return null;
        }
        DailySeries s = marketData.series(listing.instrument().symbol()).orElse(null);
        if (s == null || s.size() < settings.minBars()) {
            return null;
        }
        int last = s.size() - 1;
        FactorModel.Scored sc = new FactorModel(settings, s, bench, SCRATCH.get()).score(last);
        if (sc == null) {
            return null;
        }
        double change = s.dayReturn(last);
        return new Ranking.Item(
                listing.instrument().symbol(),
                listing.instrument().name(),
                listing.instrument().sector(),
                listing.instrument().kind(),
                s.date(last),
                sc.band(),
                sc.score(),
                sc.confidence(),
                s.close()[last],
                Double.isNaN(change) ? null : change);
    }

    void countServed(int n) {
        served.increment(n);
    }
}
