package io.qnt9.srs.report;

import io.qnt9.srs.analytics.PriceSeries;
import io.qnt9.srs.analytics.ReturnStatistics;
import io.qnt9.srs.marketdata.DailySeries;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The correlation matrix of up to {@value #MAX_SYMBOLS} instruments: for each pair, the Pearson correlation of their
 * daily simple returns on adjusted closes, over the dates both have in the range — exactly the correlation the
 * statistics endpoint reports against a benchmark ({@link ReturnStatistics#relativeTo}), for every pair at once.
 */
@RestController
@Tag(name = "Statistics")
class CorrelationController {

    static final int MAX_SYMBOLS = 20;
    /** Three common dates give two returns, the fewest a correlation can be computed from. */
    static final int MIN_COMMON_DATES = 3;

    private final MarketData marketData;

    CorrelationController(MarketData marketData) {
        this.marketData = marketData;
    }

    record Coverage(String symbol, LocalDate first, LocalDate last, int bars) {}

    record CorrelationResponse(
            List<String> symbols,
            LocalDate start,
            LocalDate end,

            @Schema(
                    description = "matrix[i][j]: correlation of the daily simple returns of symbols[i] and symbols[j]"
                            + " (adjusted closes) between consecutive dates both have; 1 on the diagonal (0 for a"
                            + " constant series); null for a pair with fewer than 3 common dates")
            List<List<Double>> matrix,

            @Schema(description = "commonReturns[i][j]: how many daily returns matrix[i][j] is computed from")
            List<List<Integer>> commonReturns,

            @Schema(description = "Each instrument's bars in the range")
            List<Coverage> coverage,

            @Schema(description = "Set when some pairs have no correlation (too few common dates)")
            String notice) {}

    @GetMapping("/api/v1/correlations")
    @Operation(
            operationId = "getCorrelations",
            summary = "Correlation matrix of daily returns",
            description = "symbols: 2 to 20 comma-separated symbols. Each pair is correlated on the dates both"
                    + " instruments have in [start, end] (pairwise, like pandas' DataFrame.corr on returns of aligned"
                    + " prices).",
            responses = {
                @ApiResponse(responseCode = "200", description = "The matrix"),
                @ApiResponse(
                        responseCode = "400",
                        description = "Fewer than 2 or more than 20 symbols, one listed twice, or a bad date"
                                + " (invalid-parameter)"),
                @ApiResponse(responseCode = "404", description = "No instrument with one of the symbols"),
                @ApiResponse(
                        responseCode = "422",
                        description = "An instrument has fewer than 3 bars in the range (insufficient-data)")
            })
    CorrelationResponse correlations(
            @Parameter(example = "AAPL,SPX") @RequestParam String symbols,
            @Parameter(example = "2014-01-01") @RequestParam(required = false) LocalDate start,
            @Parameter(example = "2017-12-31") @RequestParam(required = false) LocalDate end) {
        IndicatorController.checkRange(start, end);
        List<String> names = Symbols.requireList(symbols, "symbols", 2, MAX_SYMBOLS);
        int n = names.size();
        PriceSeries[] prices = new PriceSeries[n];
        List<Coverage> coverage = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            DailySeries s = marketData.requireSeries(names.get(i), "symbols");
            prices[i] = StatisticsController.window(s, start, end, MIN_COMMON_DATES, "A correlation needs");
            coverage.add(new Coverage(
                    s.symbol(),
                    LocalDate.ofEpochDay(prices[i].epochDays()[0]),
                    LocalDate.ofEpochDay(prices[i].epochDays()[prices[i].size() - 1]),
                    prices[i].size()));
        }
        Double[][] matrix = new Double[n][n];
        Integer[][] counts = new Integer[n][n];
        List<String> apart = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                try {
                    var r = ReturnStatistics.relativeTo(prices[i], prices[j]);
                    matrix[i][j] = matrix[j][i] = r.correlation();
                    counts[i][j] = counts[j][i] = r.returnCount();
                } catch (IllegalArgumentException fewerThanThreeCommonDates) {
                    counts[i][j] = counts[j][i] = 0;
                    apart.add(names.get(i) + "/" + names.get(j));
                }
            }
        }
        String notice = apart.isEmpty()
                ? null
                : "No correlation for " + String.join(", ", apart) + ": fewer than " + MIN_COMMON_DATES
                        + " common dates in the range.";
        return new CorrelationResponse(names, start, end, rows(matrix), rows(counts), coverage, notice);
    }

    private static <T> List<List<T>> rows(T[][] cells) {
        List<List<T>> out = new ArrayList<>(cells.length);
        for (T[] row : cells) {
            out.add(Arrays.asList(row));
        }
        return out;
    }
}
