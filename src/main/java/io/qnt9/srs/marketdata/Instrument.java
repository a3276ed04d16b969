package io.qnt9.srs.marketdata;

/**
 * Reference data of one instrument. Optional fields are null when unknown.
 *
 * @param symbol upper-case ticker, unique
 * @param isin 12-character ISIN with a valid check digit
 * @param wkn 6-character German securities identification number
 */
public record Instrument(
        String symbol,
        String name,
        String exchange,
        String currency,
        String isin,
        String wkn,
        String sector,
        InstrumentKind kind) {}
