package io.qnt9.srs.report;

import io.qnt9.srs.analytics.BenchmarkRelation;
import io.qnt9.srs.analytics.PerformanceSummary;
import io.qnt9.srs.analytics.Portfolio;
import io.qnt9.srs.analytics.PriceSeries;
import io.qnt9.srs.analytics.ReturnStatistics;
import io.qnt9.srs.marketdata.DailySeries;
import io.qnt9.srs.marketdata.InsufficientDataException;
import io.qnt9.srs.marketdata.MarketData;
import io.qnt9.srs.marketdata.Symbols;
import io.qnt9.srs.report.StatisticsController.Performance;
import io.qnt9.srs.system.Significant;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A portfolio of up to {@value #MAX_HOLDINGS} instruments with target weights, simulated on their adjusted closes
 * over the dates they all have ({@link Portfolio}), with the same statistics an instrument gets and its beta and
 * correlation against a benchmark.
 */
@RestController
@Tag(name = "Statistics")
class PortfolioController {

    static final int MAX_HOLDINGS = 20;

    private final MarketData marketData;

    PortfolioController(MarketData marketData) {
        this.marketData = marketData;
    }

    record Holding(
            String symbol,

            @Schema(description = "Target weight (the given weights divided by their sum)")
            double weight,

            @Schema(description = "The holding's own return over the portfolio's dates")
            double totalReturn,

            @Schema(description = "Its part of the portfolio's total return (they add up to it)")
            double contribution,

            @Schema(description = "Its share of the value on the last date")
            double finalWeight) {}

    @Schema(name = "PortfolioBenchmark")
    record Benchmark(
            String symbol,
            int commonReturns,
            double beta,
            double correlation,

            @Schema(description = "The benchmark's own return over the dates it shares with the portfolio")
            double totalReturn) {}

    record Values(
            List<LocalDate> dates,

            @Schema(description = "The portfolio's value, 1 on the first date")
            List<Double> values,

            @Schema(
                    description = "The benchmark's growth on the same dates, 1 on the first date both have; null where"
                            + " it has no price (and without a benchmark)")
            List<Double> benchmark) {}

    record PortfolioResponse(
            List<Holding> holdings,
            Portfolio.Rebalance rebalance,

            @Schema(description = "How many times the holdings were reset to their target weights")
            int rebalances,

            LocalDate start,
            LocalDate end,

            @Schema(description = "Dates every holding has a price in the range")
            int days,

            double riskFreeRate,
            Performance statistics,
            Benchmark benchmark,
            Values values,
            String notice) {}

    @GetMapping(value = "/api/v1/portfolio", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            operationId = "getPortfolio",
            summary =
                    "A weighted portfolio's value, statistics and beta (JSON; Accept: text/csv for the value by date)",
            description = "holdings: SYMBOL:weight,… (relative weights, divided by their sum: AAPL:60,SPX:40 is"
                    + " AAPL:0.6,SPX:0.4) or SYMBOL,… for equal weights; 1 to 20. rebalance: none (buy and hold),"
                    + " daily, monthly, quarterly or yearly (at the close of the last common date of each period)."
                    + " The value is simulated on adjusted closes over the dates every holding has, without costs.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The portfolio"),
                @ApiResponse(
                        responseCode = "400",
                        description = "Malformed holdings or weights, a symbol listed twice, more than 20 holdings, a"
                                + " bad rebalance, date or rate (invalid-parameter)"),
                @ApiResponse(responseCode = "404", description = "No instrument with one of the symbols"),
                @ApiResponse(
                        responseCode = "422",
                        description = "The holdings share too few dates in the range (insufficient-data)")
            })
    PortfolioResponse portfolio(
            @Parameter(example = "AAPL:0.6,SPX:0.4") @RequestParam String holdings,
            @Parameter(description = "none | daily | monthly | quarterly | yearly (any case)", example = "monthly")
                    @RequestParam(defaultValue = "none")
                    Portfolio.Rebalance rebalance,
            @Parameter(example = "2014-01-01") @RequestParam(required = false) LocalDate start,
            @Parameter(example = "2017-12-31") @RequestParam(required = false) LocalDate end,
            @Parameter(description = "a symbol, or 'none'", example = "SPX") @RequestParam(defaultValue = "SPX")
                    String benchmark,
            @Parameter(description = "annual, -0.05 to 0.20", example = "0.02") @RequestParam(defaultValue = "0")
                    double riskFreeRate) {
        IndicatorController.checkRange(start, end);
        IndicatorController.checkRiskFreeRate(riskFreeRate);
        Map<String, Double> weights = parse(holdings);
        List<String> symbols = List.copyOf(weights.keySet());
        double[] w = normalised(weights);
        List<PriceSeries> prices = new ArrayList<>();
        for (String symbol : symbols) {
            DailySeries s = marketData.requireSeries(symbol, "holdings");
            prices.add(StatisticsController.window(s, start, end, 2, "A portfolio needs"));
        }
        int common = Portfolio.commonDays(prices).length;
        if (common < ReturnStatistics.MIN_ANNUALISED_BARS) {
            throw new InsufficientDataException(
                    "A portfolio's statistics need at least " + ReturnStatistics.MIN_ANNUALISED_BARS
                            + " dates every holding has; " + String.join(", ", symbols) + " share " + common
                            + " in the range.",
                    ReturnStatistics.MIN_ANNUALISED_BARS,
                    common);
        }
        Portfolio.Result r = Portfolio.simulate(prices, w, rebalance);
        PriceSeries value = r.series();
        PerformanceSummary p = ReturnStatistics.summarize(value, riskFreeRate);
        List<Holding> out = new ArrayList<>();
        for (int i = 0; i < w.length; i++) {
            out.add(new Holding(
                    symbols.get(i), w[i], r.holdingReturns()[i], r.contributions()[i], r.finalWeights()[i]));
        }
        Benchmark relation = null;
        List<Double> benchmarkGrowth = null;
        String notice = null;
        if (!benchmark.equalsIgnoreCase("none")) {
            DailySeries bench = marketData.requireSeries(Symbols.require(benchmark, "benchmark"), "benchmark");
            relation = relation(bench, value);
            if (relation == null) {
                notice = bench.symbol() + " has fewer than 3 dates in common with the portfolio: no beta or"
                        + " correlation.";
            } else {
                benchmarkGrowth = growthOn(bench, r.epochDays());
            }
        }
        List<LocalDate> dates = new ArrayList<>(r.epochDays().length);
        for (int d : r.epochDays()) {
            dates.add(LocalDate.ofEpochDay(d));
        }
        return new PortfolioResponse(
                out,
                rebalance,
                r.rebalances(),
                dates.get(0),
                dates.get(dates.size() - 1),
                dates.size(),
                riskFreeRate,
                Performance.of(p),
                relation,
                new Values(dates, Arrays.stream(r.values()).boxed().toList(), benchmarkGrowth),
                notice);
    }

    /**
     * The portfolio's value by date as CSV ({@code date,value}, 1 on the first date, and the benchmark's growth in a
     * column named by its symbol unless {@code benchmark=none}), for a spreadsheet.
     */
    @GetMapping(value = "/api/v1/portfolio", produces = "text/csv")
    ResponseEntity<String> portfolioCsv(
            @RequestParam String holdings,
            @RequestParam(defaultValue = "none") Portfolio.Rebalance rebalance,
            @RequestParam(required = false) LocalDate start,
            @RequestParam(required = false) LocalDate end,
            @RequestParam(defaultValue = "SPX") String benchmark,
            @RequestParam(defaultValue = "0") double riskFreeRate) {
        PortfolioResponse p = portfolio(holdings, rebalance, start, end, benchmark, riskFreeRate);
        Values v = p.values();
        StringBuilder csv = new StringBuilder(v.dates().size() * 36).append("date,value");
        if (v.benchmark() != null) {
            csv.append(',').append(p.benchmark().symbol());
        }
        csv.append('\n');
        for (int i = 0; i < v.dates().size(); i++) {
            csv.append(v.dates().get(i))
                    .append(',')
                    .append(Significant.round(v.values().get(i)));
            if (v.benchmark() != null) {
                csv.append(',');
                if (v.benchmark().get(i) != null) {
                    csv.append(Significant.round(v.benchmark().get(i)));
                }
            }
            csv.append('\n');
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "inline; filename=\"portfolio.csv\"")
                .body(csv.toString());
    }

    /** Beta, correlation and the benchmark's own return over the dates it shares with the portfolio, or null. */
    private static Benchmark relation(DailySeries bench, PriceSeries value) {
        if (bench.size() < 3) {
            return null;
        }
        PriceSeries b = new PriceSeries(bench.epochDays(), bench.adjClose());
        int[] shared = Portfolio.commonDays(List.of(value, b));
        if (shared.length < 3) {
            return null;
        }
        BenchmarkRelation rel = ReturnStatistics.relativeTo(value, b);
        int first = bench.firstIndexOnOrAfter(LocalDate.ofEpochDay(shared[0]));
        int last = bench.lastIndexOnOrBefore(LocalDate.ofEpochDay(shared[shared.length - 1]));
        return new Benchmark(
                bench.symbol(),
                rel.returnCount(),
                rel.beta(),
                rel.correlation(),
                bench.adjClose()[last] / bench.adjClose()[first] - 1);
    }

    /**
     * The benchmark's adjusted close on each of {@code days} relative to its close on the first of them it has; null
     * where it has none (before that first date too).
     */
    private static List<Double> growthOn(DailySeries bench, int[] days) {
        int[] own = bench.epochDays();
        List<Double> out = new ArrayList<>(days.length);
        double base = Double.NaN;
        for (int d : days) {
            int j = Arrays.binarySearch(own, d);
            if (j < 0) {
                out.add(null);
                continue;
            }
            if (Double.isNaN(base)) {
                base = bench.adjClose()[j];
            }
            out.add(bench.adjClose()[j] / base);
        }
        return out;
    }

    /** The smallest share of the total a weight may have: below it a holding would not matter (or underflow). */
    static final double MIN_SHARE = 1e-9;

    /**
     * The weights divided by their sum, in the order given; 400 when they are too large to add up (beyond 1e300) or
     * one is less than a billionth of the total.
     */
    private static double[] normalised(Map<String, Double> weights) {
        double sum = 0;
        for (double x : weights.values()) {
            sum += x;
        }
        if (!Double.isFinite(sum)) {
            throw IndicatorController.invalid(
                    "holdings", "The weights are too large to add up; give them as fractions or percentages.");
        }
        double[] w = new double[weights.size()];
        int i = 0;
        for (Map.Entry<String, Double> e : weights.entrySet()) {
            w[i] = e.getValue() / sum;
            if (!(w[i] >= MIN_SHARE)) {
                throw IndicatorController.invalid(
                        "holdings",
                        "The weight of " + e.getKey() + " is less than a billionth of the total; leave " + e.getKey()
                                + " out instead.");
            }
            i++;
        }
        return w;
    }

    /**
     * SYMBOL:weight,… or SYMBOL,… (equal weights), in the order given; 400 for a malformed entry, a weight that is
     * not a number greater than 0, weights given for some holdings only, a symbol listed twice, or more than 20.
     */
    static Map<String, Double> parse(String raw) {
        String[] parts = raw.split(",", -1);
        if (parts.length > MAX_HOLDINGS) {
            throw IndicatorController.invalid(
                    "holdings", "A portfolio has 1 to " + MAX_HOLDINGS + " holdings; got " + parts.length + ".");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        int weighted = 0;
        for (String part : parts) {
            int colon = part.indexOf(':');
            String symbol = Symbols.require(colon < 0 ? part : part.substring(0, colon), "holdings");
            double weight = 1;
            if (colon >= 0) {
                weighted++;
                String text = part.substring(colon + 1).trim();
                try {
                    weight = new java.math.BigDecimal(text).doubleValue(); // a decimal: no hex, NaN or Infinity
                } catch (NumberFormatException e) {
                    weight = Double.NaN;
                }
                if (!(weight > 0) || !Double.isFinite(weight)) {
                    throw IndicatorController.invalid(
                            "holdings",
                            "The weight of " + symbol + " must be a number greater than 0; got '"
                                    + (text.length() > 20 ? text.substring(0, 20) + "…" : text) + "'.");
                }
            }
            if (out.put(symbol, weight) != null) {
                throw IndicatorController.invalid("holdings", symbol + " is listed twice.");
            }
        }
        if (weighted != 0 && weighted != out.size()) {
            throw IndicatorController.invalid(
                    "holdings",
                    "Give a weight for every holding (AAPL:0.6,SPX:0.4) or for none (equal weights); " + weighted
                            + " of " + out.size() + " have one.");
        }
        return out;
    }
}
