package io.qnt9.srs.marketdata;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class InstrumentRepository {

    private static final String COLUMNS = "id, symbol, name, exchange, currency, isin, wkn, sector, kind";
    private static final String SELECT_ALL = "SELECT " + COLUMNS + " FROM instrument ORDER BY symbol";
    private static final String SELECT_BY_SYMBOL = "SELECT " + COLUMNS + " FROM instrument WHERE symbol = :symbol";
    private static final String INSERT = """
            INSERT INTO instrument (symbol, name, exchange, currency, isin, wkn, sector, kind)
            VALUES (:symbol, :name, :exchange, :currency, :isin, :wkn, :sector, :kind)
            RETURNING id""";
    /** The columns an import may leave out: a stored instrument keeps its value of each one the file lacks. */
    static final List<String> OPTIONAL_COLUMNS = List.of("exchange", "currency", "isin", "wkn", "sector", "kind");

    private static final String UPSERT = """
            INSERT INTO instrument (symbol, name, exchange, currency, isin, wkn, sector, kind)
            VALUES (:symbol, :name, :exchange, :currency, :isin, :wkn, :sector, :kind)
            ON CONFLICT (symbol) DO UPDATE SET name = EXCLUDED.name,
                exchange = CASE WHEN :set_exchange THEN EXCLUDED.exchange ELSE instrument.exchange END,
                currency = CASE WHEN :set_currency THEN EXCLUDED.currency ELSE instrument.currency END,
                isin = CASE WHEN :set_isin THEN EXCLUDED.isin ELSE instrument.isin END,
                wkn = CASE WHEN :set_wkn THEN EXCLUDED.wkn ELSE instrument.wkn END,
                sector = CASE WHEN :set_sector THEN EXCLUDED.sector ELSE instrument.sector END,
                kind = CASE WHEN :set_kind THEN EXCLUDED.kind ELSE instrument.kind END,
                updated_at = now()
            RETURNING id""";
    private static final String COVERAGE_ALL = """
            SELECT instrument_id, min(trade_date) AS first_date, max(trade_date) AS last_date, count(*) AS bars
            FROM daily_bar GROUP BY instrument_id""";
    private static final String COVERAGE_ONE = """
            SELECT min(trade_date) AS first_date, max(trade_date) AS last_date, count(*) AS bars
            FROM daily_bar WHERE instrument_id = :id""";

    private final JdbcClient jdbc;

    InstrumentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Row(long id, Instrument instrument) {}

    @Transactional(readOnly = true)
    List<Row> findAll() {
        return jdbc.sql(SELECT_ALL).query(InstrumentRepository::map).list();
    }

    @Transactional(readOnly = true)
    Optional<Row> findBySymbol(String symbol) {
        return jdbc.sql(SELECT_BY_SYMBOL)
                .param("symbol", symbol)
                .query(InstrumentRepository::map)
                .optional();
    }

    long insert(Instrument i) {
        return jdbc.sql(INSERT).paramSource(params(i)).query(Long.class).single();
    }

    /** Deletes the instrument; its bars go with it ({@code ON DELETE CASCADE}). */
    void delete(long id) {
        jdbc.sql("DELETE FROM instrument WHERE id = :id").param("id", id).update();
    }

    /**
     * Inserts the instrument, or updates the stored one: its name, and of the {@link #OPTIONAL_COLUMNS} those in
     * {@code columns} (the columns the imported file has; an empty cell there clears the value — the currency goes
     * back to USD). A new instrument gets the defaults for the others (currency USD, kind STOCK).
     */
    long upsert(Instrument i, Set<String> columns) {
        Map<String, Object> p = params(i);
        for (String c : OPTIONAL_COLUMNS) {
            p.put("set_" + c, columns.contains(c));
        }
        return jdbc.sql(UPSERT).params(p).query(Long.class).single();
    }

    @Transactional(readOnly = true)
    Map<Long, Coverage> coverageOfAll() {
        Map<Long, Coverage> out = new HashMap<>();
        jdbc.sql(COVERAGE_ALL).query((ResultSet rs) -> {
            out.put(rs.getLong("instrument_id"), coverage(rs));
        });
        return out;
    }

    @Transactional(readOnly = true)
    Coverage coverageOf(long id) {
        return jdbc.sql(COVERAGE_ONE)
                .param("id", id)
                .query((rs, n) -> coverage(rs))
                .single();
    }

    private static Coverage coverage(ResultSet rs) throws SQLException {
        java.sql.Date first = rs.getDate("first_date");
        java.sql.Date last = rs.getDate("last_date");
        return new Coverage(
                first == null ? null : first.toLocalDate(),
                last == null ? null : last.toLocalDate(),
                rs.getInt("bars"));
    }

    private static Map<String, Object> params(Instrument i) {
        Map<String, Object> p = new HashMap<>();
        p.put("symbol", i.symbol());
        p.put("name", i.name());
        p.put("exchange", i.exchange());
        p.put("currency", i.currency() == null ? "USD" : i.currency());
        p.put("isin", i.isin());
        p.put("wkn", i.wkn());
        p.put("sector", i.sector());
        p.put("kind", (i.kind() == null ? InstrumentKind.STOCK : i.kind()).name());
        return p;
    }

    private static Row map(ResultSet rs, int rowNum) throws SQLException {
        return new Row(
                rs.getLong("id"),
                new Instrument(
                        rs.getString("symbol"),
                        rs.getString("name"),
                        rs.getString("exchange"),
                        rs.getString("currency"),
                        rs.getString("isin"),
                        rs.getString("wkn"),
                        rs.getString("sector"),
                        InstrumentKind.valueOf(rs.getString("kind"))));
    }

    /** Date coverage of an instrument's bars; dates are null when it has none. */
    record Coverage(LocalDate firstDate, LocalDate lastDate, int bars) {
        static final Coverage NONE = new Coverage(null, null, 0);
    }
}
