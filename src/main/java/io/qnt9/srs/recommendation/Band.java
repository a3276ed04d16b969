package io.qnt9.srs.recommendation;

/** The five recommendation bands, from the most bearish to the most bullish. */
public enum Band {
    STRONG_SELL,
    SELL,
    HOLD,
    BUY,
    STRONG_BUY
}
