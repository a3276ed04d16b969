package io.qnt9.srs.report;

import io.qnt9.srs.analytics.Backtest;
import io.qnt9.srs.analytics.BarColumns;
import io.qnt9.srs.analytics.EquityPerformance;
import io.qnt9.srs.analytics.IndicatorCatalog;
import io.qnt9.srs.analytics.IndicatorSpec;
import io.qnt9.srs.analytics.ReturnStatistics;
import io.qnt9.srs.marketdata.BarInterval;
import io.qnt9.srs.marketdata.DailySeries;
import io.qnt9.srs.marketdata.InsufficientDataException;
import io.qnt9.srs.marketdata.MarketData;
import io.qnt9.srs.marketdata.Symbols;
import io.qnt9.srs.report.IndicatorController.Prices;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Backtests a trading rule written as screener conditions — what ta4j does with a {@code Strategy} written in Java,
 * here over HTTP: {@code buy=close>sma_50&sell=close<sma_50}. The conditions are evaluated at every close from the
 * indicators computed once over the history up to {@code end}, and the signals traded by {@link Backtest} (next open,
 * costs on every entry and exit) against buying and holding over the same bars.
 */
@RestController
@Tag(name = "Recommendations")
class StrategyController {

    static final int MAX_CONDITIONS = 10;

    private final MarketData marketData;

    StrategyController(MarketData marketData) {
        this.marketData = marketData;
    }

    /**
     * @param date the day of the trade; on weekly or monthly bars, the bar's date (its last trading day)
     * @param action BUY, SELL, SHORT, COVER, COVER_AND_BUY, SELL_AND_SHORT (at the open), STOP_LOSS, TAKE_PROFIT (at
     *     the level, or at the open when the day opened beyond it)
     * @param price as quoted (the simulation trades on the request's prices; an adjusted price is converted back, on
     *     weekly or monthly bars with the adjustment of the bar's first trading day, where its open is)
     */
    record Trade(LocalDate date, String action, double price, int positionAfter) {}

    /** Growth of 1 from the first close of the window. */
    @Schema(name = "StrategyCurve")
    record Curve(List<LocalDate> dates, double[] strategy, double[] buyAndHold) {}

    record StrategyReport(
            String symbol,
            LocalDate start,
            LocalDate end,
            Prices prices,

            @Schema(description = "The bars the rule was evaluated and traded on")
            BarInterval interval,

            @Schema(description = "The buy conditions, spelled out (defaults filled in)")
            List<String> buy,

            @Schema(
                    description = "The sell conditions, spelled out; empty when the position is left as soon as the"
                            + " buy conditions stop holding")
            List<String> sell,

            double costBps,
            Backtest.Mode mode,

            @Schema(description = "The stop-loss fraction, null without one")
            Double stopLoss,

            @Schema(description = "The take-profit fraction, null without one")
            Double takeProfit,

            @Schema(description = "What opens a position again after a stop: the next signal, or only a new one")
            Backtest.AfterStop afterStop,

            double riskFreeRate,
            EquityPerformance strategy,
            EquityPerformance buyAndHold,

            @Schema(description = "Closes at which every buy condition held (and the sell conditions did not)")
            int buySignals,

            @Schema(description = "Closes at which the sell rule said sell")
            int sellSignals,

            int trades,
            int roundTrips,

            @Schema(description = "Share of closed round trips that made money; null when none was closed")
            Double hitRate,

            @Schema(description = "Share of the window's bars spent in a position")
            double exposure,

            List<Trade> tradeList,
            Curve equity) {}

    @GetMapping("/api/v1/instruments/{symbol}/strategy")
    @Operation(
            operationId = "backtestStrategy",
            summary = "Backtest a rule written as conditions: buy when they all hold, sell when the sell ones do",
            description = "buy (1 to 10, repeat the parameter) and sell (0 to 10): conditions as the screener takes"
                    + " them — left<right, <=, > or >=, or left crosses_above right / left crosses_below right (only on"
                    + " the bar of the crossing), each side a number, a bar field (open, high, low, close,"
                    + " volume), an indicator column as the indicator API names it (sma_50, rsi_14, macd_hist_12_26_9,"
                    + " bbpower_13) or a technical rating (tech_rating, tech_rating_oscillators, tech_rating_ma). At"
                    + " each close: every buy condition holds → buy; every sell condition holds → sell (without sell"
                    + " conditions: the buy conditions not all holding → sell); both → nothing. A condition with an"
                    + " undefined side (an indicator's warm-up) does not hold. Traded at the next open, costBps paid on"
                    + " every entry and exit; long_flat (a sell goes flat) or long_short (a sell goes short);"
                    + " optional stopLoss and takeProfit (fractions of the entry price) end a position inside a day at"
                    + " that level (at the open when it opens beyond it; the stop first when a day reaches both),"
                    + " after which the rule's next signal opens one again (afterStop=reenter, even the buy that"
                    + " still holds) or only a new one (afterStop=new_signal: once the signal has left that side)."
                    + " Indicators"
                    + " are computed over the history up to end, so the window starts warmed up. Compared with"
                    + " buying and holding over the same days.",
            responses = {
                @ApiResponse(responseCode = "200", description = "The strategy against buy-and-hold"),
                @ApiResponse(
                        responseCode = "400",
                        description = "A malformed or unknown condition, range or parameter (invalid-parameter)"),
                @ApiResponse(
                        responseCode = "422",
                        description = "Fewer than 20 daily bars in the window (insufficient-data)")
            })
    StrategyReport strategy(
            @Parameter(example = "AAPL") @PathVariable String symbol,
            @Parameter(description = "Buy conditions, all of which must hold", example = "close>sma_50") @RequestParam
                    List<String> buy,
            @Parameter(description = "Sell conditions, all of which must hold", example = "close<sma_50")
                    @RequestParam(required = false)
                    List<String> sell,
            @RequestParam(required = false) LocalDate start,
            @RequestParam(required = false) LocalDate end,
            @RequestParam(defaultValue = "adjusted") Prices prices,
            @Parameter(
                            description = "The bars the rule is evaluated and traded on: daily, or weekly or monthly"
                                    + " bars built from the daily ones (on adjusted prices: from adjusted days);"
                                    + " indicators count bars of that interval (sma_50 on weekly bars: 50 weeks),"
                                    + " volatility and Sharpe are annualised by √52 or √12")
                    @RequestParam(defaultValue = "daily")
                    BarInterval interval,
            @Parameter(description = "0 to 1000 basis points per unit of position traded")
                    @RequestParam(defaultValue = "5")
                    double costBps,
            @RequestParam(defaultValue = "long_flat") Backtest.Mode mode,
            @Parameter(
                            description = "Leave a position this fraction below its entry price (above, for a short),"
                                    + " e.g. 0.05; 0 to 1 exclusive")
                    @RequestParam(required = false)
                    Double stopLoss,
            @Parameter(
                            description = "Leave a position this fraction above its entry price (below, for a short),"
                                    + " e.g. 0.10; above 0, at most 10")
                    @RequestParam(required = false)
                    Double takeProfit,
            @Parameter(
                            description = "After a stop loss or take profit: reenter on the next signal for that side,"
                                    + " even one that still holds, or wait for a new_signal (one given after the"
                                    + " signal has left that side)")
                    @RequestParam(defaultValue = "reenter")
                    Backtest.AfterStop afterStop,
            @Parameter(description = "annual, -0.05 to 0.20") @RequestParam(defaultValue = "0") double riskFreeRate) {
        IndicatorController.checkRange(start, end);
        if (!(costBps >= 0 && costBps <= 1000)) {
            throw IndicatorController.invalid("costBps", "costBps must be between 0 and 1000; got " + costBps + ".");
        }
        if (!(riskFreeRate >= -0.05 && riskFreeRate <= 0.20)) {
            throw IndicatorController.invalid(
                    "riskFreeRate", "riskFreeRate must be between -0.05 and 0.20; got " + riskFreeRate + ".");
        }
        if (stopLoss != null && !(stopLoss > 0 && stopLoss < 1)) {
            throw IndicatorController.invalid(
                    "stopLoss",
                    "stopLoss is a fraction of the entry price between 0 and 1 (exclusive), e.g. 0.05; got " + stopLoss
                            + ".");
        }
        if (takeProfit != null && !(takeProfit > 0 && takeProfit <= 10)) {
            throw IndicatorController.invalid(
                    "takeProfit",
                    "takeProfit is a fraction of the entry price above 0 and at most 10, e.g. 0.1; got " + takeProfit
                            + ".");
        }
        Backtest.Stops stops = new Backtest.Stops(
                stopLoss == null ? Double.NaN : stopLoss, takeProfit == null ? Double.NaN : takeProfit, afterStop);
        List<ScreenCondition> buyRule = ScreenCondition.parseAll(buy, "buy", 1, MAX_CONDITIONS);
        List<ScreenCondition> sellRule =
                ScreenCondition.parseAll(sell == null ? List.of() : sell, "sell", 0, MAX_CONDITIONS);
        DailySeries whole = marketData.requireSeries(Symbols.require(symbol, "symbol"), "symbol");
        int dailyTo = end == null ? whole.size() - 1 : whole.lastIndexOnOrBefore(end);
        DailySeries daily = dailyTo == whole.size() - 1 ? whole : whole.slice(0, Math.max(0, dailyTo + 1));
        DailySeries s = IndicatorController.inInterval(daily, prices, interval);
        int to = s.size() - 1;
        int from = start == null ? 0 : s.firstIndexOnOrAfter(start);
        int inWindow = Math.max(0, to - from + 1);
        if (inWindow < ReturnStatistics.MIN_ANNUALISED_BARS) {
            throw new InsufficientDataException(
                    "A strategy backtest needs at least " + ReturnStatistics.MIN_ANNUALISED_BARS + " "
                            + IndicatorController.unit(interval) + " bars in its window; " + whole.symbol()
                            + " has " + inWindow + " between " + (start == null ? "its first bar" : start) + " and "
                            + (end == null ? "its last bar" : end) + " (stored: " + whole.coverage() + ").",
                    ReturnStatistics.MIN_ANNUALISED_BARS,
                    inWindow);
        }
        BarColumns bars = IndicatorController.bars(s, prices, interval);
        Map<String, double[]> columns = columns(s, bars, buyRule, sellRule);

        int[] signals = new int[s.size()];
        int buySignals = 0;
        int sellSignals = 0;
        for (int t = from; t <= to; t++) {
            boolean buyNow = all(buyRule, columns, t);
            boolean sellNow = sellRule.isEmpty() ? !buyNow : all(sellRule, columns, t);
            signals[t] = buyNow == sellNow ? 0 : buyNow ? 1 : -1;
            buySignals += signals[t] > 0 ? 1 : 0;
            sellSignals += signals[t] < 0 ? 1 : 0;
        }
        double[] close = bars.close();
        Backtest.Result result =
                Backtest.run(bars.open(), bars.high(), bars.low(), close, signals, from, to, costBps, mode, stops);

        int[] days = Arrays.copyOfRange(s.epochDays(), from, to + 1);
        double[] hold = new double[days.length];
        for (int k = 0; k < hold.length; k++) {
            hold[k] = close[from + k] / close[from];
        }
        double[] dailyAdjusted = prices == Prices.QUOTED
                ? null
                : interval == BarInterval.DAILY
                        ? close
                        : IndicatorController.bars(daily, prices).close();
        List<Trade> trades = new ArrayList<>();
        for (Backtest.Trade t : result.trades()) {
            int d = t.day();
            double price = t.price();
            if (dailyAdjusted != null) {
                // back to the quote of the bar's first trading day, where its open is (a daily bar: that day)
                int k = d == 0 ? 0 : daily.firstIndexOnOrAfter(s.date(d - 1).plusDays(1));
                price *= daily.close()[k] / dailyAdjusted[k];
            }
            trades.add(new Trade(s.date(d), t.action(), price, t.positionAfter()));
        }
        return new StrategyReport(
                s.symbol(),
                s.date(from),
                s.date(to),
                prices,
                interval,
                buyRule.stream().map(ScreenCondition::canonical).toList(),
                sellRule.stream().map(ScreenCondition::canonical).toList(),
                costBps,
                mode,
                stopLoss,
                takeProfit,
                afterStop,
                riskFreeRate,
                EquityPerformance.of(days, result.equity(), riskFreeRate, interval.periodsPerYear()),
                EquityPerformance.of(days, hold, riskFreeRate, interval.periodsPerYear()),
                buySignals,
                sellSignals,
                result.trades().size(),
                result.roundTrips(),
                Double.isNaN(result.hitRate()) ? null : result.hitRate(),
                result.exposure(),
                List.copyOf(trades),
                new Curve(Arrays.stream(days).mapToObj(LocalDate::ofEpochDay).toList(), result.equity(), hold));
    }

    /**
     * Whether every condition holds at bar {@code t} (a crossing compares it with bar {@code t − 1}); a side without a
     * value there does not hold.
     */
    private static boolean all(List<ScreenCondition> rule, Map<String, double[]> columns, int t) {
        for (ScreenCondition c : rule) {
            double left = value(c.left(), columns, t);
            double right = value(c.right(), columns, t);
            double previousLeft = t == 0 ? Double.NaN : value(c.left(), columns, t - 1);
            double previousRight = t == 0 ? Double.NaN : value(c.right(), columns, t - 1);
            if (Double.isNaN(left)
                    || Double.isNaN(right)
                    || (c.crossing() && (Double.isNaN(previousLeft) || Double.isNaN(previousRight)))
                    || !c.holds(left, right, previousLeft, previousRight)) {
                return false;
            }
        }
        return true;
    }

    private static double value(ScreenCondition.Operand o, Map<String, double[]> columns, int t) {
        return o.isNumber() ? o.number() : columns.get(o.column())[t];
    }

    /** Every column the rules name, over all the bars: bar fields, indicator columns and the ratings at every bar. */
    private static Map<String, double[]> columns(
            DailySeries s, BarColumns bars, List<ScreenCondition> buy, List<ScreenCondition> sell) {
        LinkedHashSet<IndicatorSpec> specs = new LinkedHashSet<>();
        boolean ratings = false;
        boolean volume = false;
        for (List<ScreenCondition> rule : List.of(buy, sell)) {
            for (ScreenCondition c : rule) {
                for (ScreenCondition.Operand o : List.of(c.left(), c.right())) {
                    if (o.spec() != null) {
                        specs.add(o.spec());
                    }
                    ratings |= !o.isNumber() && ScreenCondition.RATINGS.contains(o.column());
                    volume |= "volume".equals(o.column());
                }
            }
        }
        Map<String, double[]> out = ScreenCondition.columns(s, bars, specs, volume);
        if (ratings) {
            // the screener's rating names, each the catalogue's techrating column of the same meaning
            double[][] r =
                    IndicatorCatalog.parse("techrating").compute(bars).values().toArray(new double[0][]);
            for (int k = 0; k < r.length; k++) {
                out.put(ScreenCondition.RATINGS.get(k), r[k]);
            }
        }
        return out;
    }
}
