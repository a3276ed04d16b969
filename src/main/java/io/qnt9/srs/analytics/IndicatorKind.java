package io.qnt9.srs.analytics;

import static io.qnt9.srs.analytics.ParameterDefinition.period;

import java.util.List;

/**
 * The indicators the catalog knows: spec name, parameters with defaults, warm-up, column names and computation. Each
 * constant delegates to the documented function; only the catalog wiring lives here.
 */
enum IndicatorKind {
    SMA("sma", "Simple moving average of the close", List.of(period("period", 20))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        int warmup(double[] p) {
            return MovingAverages.smaWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            MovingAverages.computeSma(bars.close(), i(p, 0), out[0]);
        }
    },
    EMA("ema", "Exponential moving average of the close (SMA-seeded)", List.of(period("period", 20))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        int warmup(double[] p) {
            return MovingAverages.emaWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            MovingAverages.computeEma(bars.close(), i(p, 0), out[0]);
        }
    },
    WMA("wma", "Linearly weighted moving average of the close", List.of(period("period", 20))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        int warmup(double[] p) {
            return MovingAverages.wmaWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            MovingAverages.computeWma(bars.close(), i(p, 0), out[0]);
        }
    },
    DEMA("dema", "Double exponential moving average of the close", List.of(period("period", 20))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        int warmup(double[] p) {
            return MovingAverages.demaWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            MovingAverages.computeMultipleEma(bars.close(), i(p, 0), out[0], false);
        }
    },
    TEMA("tema", "Triple exponential moving average of the close", List.of(period("period", 20))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        int warmup(double[] p) {
            return MovingAverages.temaWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            MovingAverages.computeMultipleEma(bars.close(), i(p, 0), out[0], true);
        }
    },
    RSI("rsi", "Relative strength index (Wilder)", List.of(period("period", 14))) {
        @Override
        int warmup(double[] p) {
            return Momentum.rsiWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Momentum.computeRsi(bars.close(), i(p, 0), out[0]);
        }
    },
    MACD(
            "macd",
            "MACD line, signal and histogram (TA-Lib seeding)",
            List.of(
                    period("fast", Momentum.MACD_FAST),
                    period("slow", Momentum.MACD_SLOW),
                    period("signal", Momentum.MACD_SIGNAL))) {
        @Override
        List<String> columnPrefixes() {
            return List.of("macd", "macd_signal", "macd_hist");
        }

        @Override
        String validate(double[] p) {
            return i(p, 0) < i(p, 1)
                    ? null
                    : "macd parameter 'fast' (" + i(p, 0) + ") must be less than 'slow' (" + i(p, 1) + ")";
        }

        @Override
        int warmup(double[] p) {
            return Momentum.macdWarmup(i(p, 0), i(p, 1), i(p, 2));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Momentum.computeMacd(bars.close(), i(p, 0), i(p, 1), i(p, 2), new Macd(out[0], out[1], out[2]));
        }
    },
    BBANDS(
            "bbands",
            "Bollinger Bands: upper, middle, lower, %B and bandwidth",
            List.of(period("period", 20), new ParameterDefinition("k", 2, 0.1, 10, false))) {
        @Override
        boolean onPriceScale(String prefix) {
            return !prefix.startsWith("bb_percent") && !prefix.equals("bb_bandwidth");
        }

        @Override
        List<String> columnPrefixes() {
            return List.of("bb_upper", "bb_middle", "bb_lower", "bb_percent_b", "bb_bandwidth");
        }

        @Override
        int warmup(double[] p) {
            return Volatility.bollingerWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Volatility.computeBollinger(
                    bars.close(), i(p, 0), p[1], new BollingerBands(out[0], out[1], out[2], out[3], out[4]));
        }
    },
    STOCH("stoch", "Fast stochastic oscillator %K and %D", List.of(period("k", 14), period("d", 3))) {
        @Override
        List<String> columnPrefixes() {
            return List.of("stoch_k", "stoch_d");
        }

        @Override
        int warmup(double[] p) {
            return Momentum.stochasticDWarmup(i(p, 0), i(p, 1));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Momentum.computeStochastic(
                    bars.high(), bars.low(), bars.close(), i(p, 0), i(p, 1), new Stochastic(out[0], out[1]));
        }
    },
    STOCHFULL(
            "stochfull",
            "Full stochastic: fast %K smoothed, and %D of it (TradingView stochFull; 14:3:3 is the slow stochastic)",
            List.of(period("k", 14), period("smooth", 3), period("d", 3))) {
        @Override
        List<String> columnPrefixes() {
            return List.of("stochfull_k", "stochfull_d");
        }

        @Override
        int warmup(double[] p) {
            return Momentum.stochasticFullWarmup(i(p, 0), i(p, 1), i(p, 2));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Momentum.computeStochasticFull(
                    bars.high(), bars.low(), bars.close(), i(p, 0), i(p, 1), i(p, 2), new Stochastic(out[0], out[1]));
        }
    },
    ATR("atr", "Average true range (Wilder)", List.of(period("period", 14))) {
        @Override
        int warmup(double[] p) {
            return Volatility.atrWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Volatility.computeAtr(bars.high(), bars.low(), bars.close(), i(p, 0), out[0]);
        }
    },
    ADX("adx", "Average directional index with +DI and -DI", List.of(period("period", 14))) {
        @Override
        List<String> columnPrefixes() {
            return List.of("adx", "plus_di", "minus_di");
        }

        @Override
        int warmup(double[] p) {
            return DirectionalMovement.adxWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            DirectionalMovement.computeAdx(
                    bars.high(), bars.low(), bars.close(), i(p, 0), new DirectionalIndex(out[0], out[1], out[2]));
        }
    },
    OBV("obv", "On-balance volume", List.of()) {
        @Override
        int warmup(double[] p) {
            return VolumeIndicators.obvWarmup();
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            VolumeIndicators.computeObv(bars.close(), bars.volume(), out[0]);
        }
    },
    VWAP("vwap", "Rolling volume-weighted average of the typical price", List.of(period("period", 20))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        int warmup(double[] p) {
            return VolumeIndicators.vwapWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            VolumeIndicators.computeVwap(bars.high(), bars.low(), bars.close(), bars.volume(), i(p, 0), out[0]);
        }
    },
    ROC("roc", "Rate of change of the close, in percent", List.of(period("period", 10))) {
        @Override
        int warmup(double[] p) {
            return Momentum.rocWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Momentum.computeRoc(bars.close(), i(p, 0), out[0]);
        }
    },
    MOM("mom", "Momentum: close minus the close period bars earlier", List.of(period("period", 10))) {
        @Override
        int warmup(double[] p) {
            return Momentum.momentumWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Momentum.computeMomentum(bars.close(), i(p, 0), out[0]);
        }
    },
    DONCHIAN("donchian", "Donchian channel: upper, middle, lower", List.of(period("period", 20))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        List<String> columnPrefixes() {
            return List.of("donchian_upper", "donchian_middle", "donchian_lower");
        }

        @Override
        int warmup(double[] p) {
            return Volatility.donchianWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Volatility.computeDonchian(bars.high(), bars.low(), i(p, 0), new DonchianChannel(out[0], out[1], out[2]));
        }
    },
    HV("hv", "Annualised historical volatility of log returns", List.of(period("period", 20, 2))) {
        @Override
        int warmup(double[] p) {
            return Volatility.historicalVolatilityWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Arguments.positive("close", bars.close());
            Volatility.computeHistoricalVolatility(bars.close(), i(p, 0), out[0]);
        }
    },
    WILLR("willr", "Williams %R", List.of(period("period", 14))) {
        @Override
        int warmup(double[] p) {
            return Momentum.williamsRWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Momentum.computeWilliamsR(bars.high(), bars.low(), bars.close(), i(p, 0), out[0], new double[bars.size()]);
        }
    },
    CCI("cci", "Commodity channel index", List.of(period("period", 20))) {
        @Override
        int warmup(double[] p) {
            return Momentum.cciWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Momentum.computeCci(bars.high(), bars.low(), bars.close(), i(p, 0), out[0]);
        }
    },
    CCI_CLOSE(
            "cci_close",
            "Commodity channel index of the close instead of the typical price (TradingView's technical ratings)",
            List.of(period("period", 20))) {
        @Override
        int warmup(double[] p) {
            return Momentum.cciWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Momentum.computeCciOf(bars.close(), i(p, 0), out[0]);
        }
    },
    MFI("mfi", "Money flow index (typical price × volume)", List.of(period("period", 14))) {
        @Override
        int warmup(double[] p) {
            return Oscillators.mfiWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Oscillators.computeMfi(bars.high(), bars.low(), bars.close(), bars.volume(), i(p, 0), out[0]);
        }
    },
    STOCHRSI(
            "stochrsi",
            "Stochastic RSI %K and %D (TradingView)",
            List.of(period("rsi", 14), period("stoch", 14), period("k", 3), period("d", 3))) {
        @Override
        List<String> columnPrefixes() {
            return List.of("stochrsi_k", "stochrsi_d");
        }

        @Override
        int warmup(double[] p) {
            return Oscillators.stochRsiWarmup(i(p, 0), i(p, 1), i(p, 2), i(p, 3));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Oscillators.computeStochRsi(
                    bars.close(),
                    i(p, 0),
                    i(p, 1),
                    i(p, 2),
                    i(p, 3),
                    new StochRsi(out[0], out[1]),
                    new double[bars.size()]);
        }
    },
    PPO(
            "ppo",
            "Percentage price oscillator: line, signal and histogram, in percent (EMAs, TA-Lib seeding)",
            List.of(
                    period("fast", Oscillators.PPO_FAST),
                    period("slow", Oscillators.PPO_SLOW),
                    period("signal", Oscillators.PPO_SIGNAL))) {
        @Override
        List<String> columnPrefixes() {
            return List.of("ppo", "ppo_signal", "ppo_hist");
        }

        @Override
        String validate(double[] p) {
            return i(p, 0) < i(p, 1)
                    ? null
                    : "ppo parameter 'fast' (" + i(p, 0) + ") must be less than 'slow' (" + i(p, 1) + ")";
        }

        @Override
        int warmup(double[] p) {
            return Oscillators.ppoWarmup(i(p, 0), i(p, 1), i(p, 2));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Oscillators.computePpo(bars.close(), i(p, 0), i(p, 1), i(p, 2), new Ppo(out[0], out[1], out[2]));
        }
    },
    AO(
            "ao",
            "Awesome oscillator: SMA of the median price, fast minus slow",
            List.of(period("fast", 5), period("slow", 34))) {
        @Override
        String validate(double[] p) {
            return i(p, 0) < i(p, 1)
                    ? null
                    : "ao parameter 'fast' (" + i(p, 0) + ") must be less than 'slow' (" + i(p, 1) + ")";
        }

        @Override
        int warmup(double[] p) {
            return Oscillators.awesomeOscillatorWarmup(i(p, 0), i(p, 1));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Oscillators.computeAwesomeOscillator(bars.high(), bars.low(), i(p, 0), i(p, 1), out[0]);
        }
    },
    BBPOWER(
            "bbpower",
            "Bull Bear Power (Elder ray): high and low minus the EMA of the close, and their sum",
            List.of(period("period", 13))) {
        @Override
        List<String> columnPrefixes() {
            return List.of("bbpower", "bull_power", "bear_power");
        }

        @Override
        int warmup(double[] p) {
            return Oscillators.bullBearPowerWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Oscillators.computeBullBearPower(
                    bars.high(), bars.low(), bars.close(), i(p, 0), new BullBearPower(out[0], out[1], out[2]));
        }
    },
    CMO("cmo", "Chande momentum oscillator (sums of gains and losses)", List.of(period("period", 14))) {
        @Override
        int warmup(double[] p) {
            return Oscillators.cmoWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Oscillators.computeCmo(bars.close(), i(p, 0), out[0]);
        }
    },
    ULTOSC("ultosc", "Ultimate oscillator", List.of(period("short", 7), period("medium", 14), period("long", 28))) {
        @Override
        String validate(double[] p) {
            if (i(p, 0) > i(p, 1)) {
                return "ultosc parameter 'short' (" + i(p, 0) + ") must not exceed 'medium' (" + i(p, 1) + ")";
            }
            if (i(p, 1) > i(p, 2)) {
                return "ultosc parameter 'medium' (" + i(p, 1) + ") must not exceed 'long' (" + i(p, 2) + ")";
            }
            return null;
        }

        @Override
        int warmup(double[] p) {
            return Oscillators.ultimateOscillatorWarmup(i(p, 0), i(p, 1), i(p, 2));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Oscillators.computeUltimateOscillator(
                    bars.high(), bars.low(), bars.close(), i(p, 0), i(p, 1), i(p, 2), out[0]);
        }
    },
    TRIX("trix", "TRIX: 1-bar rate of change of a triple EMA of the close, in percent", List.of(period("period", 30))) {
        @Override
        int warmup(double[] p) {
            return Oscillators.trixWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Oscillators.computeTrix(bars.close(), i(p, 0), out[0]);
        }
    },
    HMA("hma", "Hull moving average of the close", List.of(period("period", 20, 2))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        int warmup(double[] p) {
            return AdaptiveAverages.hmaWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            AdaptiveAverages.computeHma(bars.close(), i(p, 0), out[0]);
        }
    },
    KAMA("kama", "Kaufman adaptive moving average of the close (fast 2, slow 30)", List.of(period("period", 10))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        int warmup(double[] p) {
            return AdaptiveAverages.kamaWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            AdaptiveAverages.computeKama(bars.close(), i(p, 0), out[0]);
        }
    },
    ZLEMA("zlema", "Zero-lag exponential moving average of the close", List.of(period("period", 20))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        int warmup(double[] p) {
            return AdaptiveAverages.zlemaWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            AdaptiveAverages.computeZlema(bars.close(), i(p, 0), out[0]);
        }
    },
    VWMA("vwma", "Volume-weighted moving average of the close", List.of(period("period", 20))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        int warmup(double[] p) {
            return AdaptiveAverages.vwmaWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            AdaptiveAverages.computeVwma(bars.close(), bars.volume(), i(p, 0), out[0]);
        }
    },
    AD("ad", "Chaikin accumulation/distribution line", List.of()) {
        @Override
        int warmup(double[] p) {
            return MoneyFlow.adWarmup();
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            MoneyFlow.computeAd(bars.high(), bars.low(), bars.close(), bars.volume(), out[0]);
        }
    },
    CMF("cmf", "Chaikin money flow", List.of(period("period", 20))) {
        @Override
        int warmup(double[] p) {
            return MoneyFlow.cmfWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            MoneyFlow.computeCmf(bars.high(), bars.low(), bars.close(), bars.volume(), i(p, 0), out[0]);
        }
    },
    ADOSC(
            "adosc",
            "Chaikin A/D oscillator (TA-Lib seeding)",
            List.of(period("fast", MoneyFlow.ADOSC_FAST), period("slow", MoneyFlow.ADOSC_SLOW))) {
        @Override
        String validate(double[] p) {
            return i(p, 0) < i(p, 1)
                    ? null
                    : "adosc parameter 'fast' (" + i(p, 0) + ") must be less than 'slow' (" + i(p, 1) + ")";
        }

        @Override
        int warmup(double[] p) {
            return MoneyFlow.adoscWarmup(i(p, 0), i(p, 1));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            MoneyFlow.computeAdosc(bars.high(), bars.low(), bars.close(), bars.volume(), i(p, 0), i(p, 1), out[0]);
        }
    },
    PSAR(
            "psar",
            "Parabolic SAR (Wilder, TA-Lib seeding)",
            List.of(
                    new ParameterDefinition("acceleration", Trend.PSAR_ACCELERATION, 0.001, 1, false),
                    new ParameterDefinition("maximum", Trend.PSAR_MAXIMUM, 0.001, 1, false))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        String validate(double[] p) {
            return p[0] <= p[1]
                    ? null
                    : "psar parameter 'acceleration' (" + IndicatorSpec.format(p[0]) + ") must not exceed 'maximum' ("
                            + IndicatorSpec.format(p[1]) + ")";
        }

        @Override
        int warmup(double[] p) {
            return Trend.psarWarmup();
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Trend.computePsar(bars.high(), bars.low(), p[0], p[1], out[0]);
        }
    },
    AROON("aroon", "Aroon up, down and oscillator", List.of(period("period", 14))) {
        @Override
        List<String> columnPrefixes() {
            return List.of("aroon_up", "aroon_down", "aroon_osc");
        }

        @Override
        int warmup(double[] p) {
            return Trend.aroonWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Trend.computeAroon(bars.high(), bars.low(), i(p, 0), new Aroon(out[0], out[1], out[2]));
        }
    },
    KELTNER(
            "keltner",
            "Keltner channels: EMA of the close ± multiplier × ATR",
            List.of(
                    period("period", 20),
                    period("atr", 10),
                    new ParameterDefinition("multiplier", 2, 0.1, 10, false))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        List<String> columnPrefixes() {
            return List.of("keltner_upper", "keltner_middle", "keltner_lower");
        }

        @Override
        int warmup(double[] p) {
            return Trend.keltnerWarmup(i(p, 0), i(p, 1));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Trend.computeKeltner(
                    bars.high(),
                    bars.low(),
                    bars.close(),
                    i(p, 0),
                    i(p, 1),
                    p[2],
                    new KeltnerChannel(out[0], out[1], out[2]));
        }
    },
    SUPERTREND(
            "supertrend",
            "SuperTrend line and direction (+1 up, -1 down)",
            List.of(period("period", 10), new ParameterDefinition("multiplier", 3, 0.1, 10, false))) {
        @Override
        boolean onPriceScale(String prefix) {
            return prefix.equals("supertrend");
        }

        @Override
        List<String> columnPrefixes() {
            return List.of("supertrend", "supertrend_direction");
        }

        @Override
        int warmup(double[] p) {
            return Trend.superTrendWarmup(i(p, 0));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Trend.computeSuperTrend(
                    bars.high(), bars.low(), bars.close(), i(p, 0), p[1], new SuperTrend(out[0], out[1]));
        }
    },
    ICHIMOKU(
            "ichimoku",
            "Ichimoku tenkan, kijun and senkou spans A and B (displaced by kijun − 1, no chikou)",
            List.of(period("tenkan", 9), period("kijun", 26), period("senkou", 52))) {
        @Override
        boolean onPriceScale(String prefix) {
            return true;
        }

        @Override
        List<String> columnPrefixes() {
            return List.of("ichimoku_tenkan", "ichimoku_kijun", "ichimoku_senkou_a", "ichimoku_senkou_b");
        }

        @Override
        int warmup(double[] p) {
            return Trend.ichimokuWarmup(i(p, 0), i(p, 1), i(p, 2));
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            Trend.computeIchimoku(
                    bars.high(), bars.low(), i(p, 0), i(p, 1), i(p, 2), new Ichimoku(out[0], out[1], out[2], out[3]));
        }
    },
    TECHRATING(
            "techrating",
            "Technical rating at every bar, −1 (all sell) … +1 (all buy): overall, oscillators and moving averages, as"
                    + " /technicals rates the last bar (TradingView's TechnicalRating rules)",
            List.of()) {
        @Override
        List<String> columnPrefixes() {
            return List.of("techrating", "techrating_oscillators", "techrating_ma");
        }

        @Override
        int warmup(double[] p) {
            return TechnicalRating.historyWarmup();
        }

        @Override
        void compute(BarColumns bars, double[] p, double[][] out) {
            TechnicalRating.computeHistory(bars, out[0], out[1], out[2]);
        }
    };

    private final String specName;
    private final String description;
    private final List<ParameterDefinition> parameters;

    IndicatorKind(String specName, String description, List<ParameterDefinition> parameters) {
        this.specName = specName;
        this.description = description;
        this.parameters = parameters;
    }

    String specName() {
        return specName;
    }

    String description() {
        return description;
    }

    List<ParameterDefinition> parameters() {
        return parameters;
    }

    /** One prefix per output column; the parameters are appended with underscores. */
    List<String> columnPrefixes() {
        return List.of(specName);
    }

    /**
     * Whether the column of this prefix is in price units (a moving average, a band, a channel), so that a chart draws
     * it over the candles; other columns (oscillators, volumes, ratios) need a scale of their own.
     */
    boolean onPriceScale(String prefix) {
        return false;
    }

    /** Checks across parameters; returns a message naming the first parameter at fault, or null when valid. */
    String validate(double[] p) {
        return null;
    }

    abstract int warmup(double[] p);

    /** Writes every column; {@code out[c]} has the length of the bars. Inputs are already validated. */
    abstract void compute(BarColumns bars, double[] p, double[][] out);

    static int i(double[] p, int index) {
        return (int) p[index];
    }
}
