package io.qnt9.srs.marketdata;

import java.time.LocalDate;

/** An instrument with the date coverage of its stored bars (dates null when it has none). */
public record InstrumentListing(Instrument instrument, LocalDate firstDate, LocalDate lastDate, int bars) {}
