package io.qnt9.srs.marketdata;

public enum InstrumentKind {
    STOCK,
    INDEX,
    ETF
}
