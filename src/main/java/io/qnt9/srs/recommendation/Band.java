package io.qnt9.srs.recommendation;

/** The five recommendation bands, from the most bearish to the most bullish. */
public enum Band {
    STRONG_SELL,
    SELL,
    HOLD,
    BUY,
    STRONG_BUY;

    /** The band as a trading signal: +1 buy (BUY, STRONG_BUY), −1 sell (SELL, STRONG_SELL), 0 hold. */
    int signal() {
        return Integer.signum(ordinal() - HOLD.ordinal());
    }
}
