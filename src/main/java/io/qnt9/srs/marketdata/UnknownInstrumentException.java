package io.qnt9.srs.marketdata;

import io.qnt9.srs.system.ApiException;
import org.springframework.http.HttpStatus;

/** 404: no instrument with this symbol. */
public class UnknownInstrumentException extends ApiException {

    public UnknownInstrumentException(String symbol, String parameter) {
        super(
                HttpStatus.NOT_FOUND,
                "unknown-instrument",
                "Unknown instrument",
                "No instrument with symbol '" + abbreviate(symbol) + "'. GET /api/v1/instruments lists the"
                        + " available ones; /api/v1/search finds them by name.");
        with("parameter", parameter);
        with("symbol", abbreviate(symbol));
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 20 ? s.substring(0, 20) + "…" : s;
    }
}
