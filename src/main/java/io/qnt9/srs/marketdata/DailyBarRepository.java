package io.qnt9.srs.marketdata;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
class DailyBarRepository {

    private static final String SELECT_SERIES = """
            SELECT trade_date - DATE '1970-01-01' AS epoch_day, open, high, low, close, adj_close, volume
            FROM daily_bar WHERE instrument_id = :id ORDER BY trade_date""";
    private static final String COUNT = "SELECT count(*) FROM daily_bar WHERE instrument_id = :id";
    private static final String DELETE_RANGE = """
            DELETE FROM daily_bar WHERE instrument_id = :id
            AND trade_date >= COALESCE(CAST(:start AS date), DATE '-infinity')
            AND trade_date <= COALESCE(CAST(:end AS date), DATE 'infinity')""";

    private final JdbcClient jdbc;

    DailyBarRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Rows go straight into columns; no per-bar objects. */
    @Transactional(readOnly = true)
    DailySeries load(long instrumentId, String symbol, int expectedBars) {
        DailySeries.Builder columns = new DailySeries.Builder(symbol, expectedBars);
        jdbc.sql(SELECT_SERIES).param("id", instrumentId).query(rs -> {
            columns.add(
                    rs.getInt(1),
                    rs.getDouble(2),
                    rs.getDouble(3),
                    rs.getDouble(4),
                    rs.getDouble(5),
                    rs.getDouble(6),
                    rs.getLong(7));
        });
        return columns.build();
    }

    /** Deletes the instrument's bars from {@code start} to {@code end} (inclusive; null: open); returns how many. */
    int deleteRange(long instrumentId, java.time.LocalDate start, java.time.LocalDate end) {
        return jdbc.sql(DELETE_RANGE)
                .param("id", instrumentId)
                .param("start", start)
                .param("end", end)
                .update();
    }

    @Transactional(readOnly = true)
    int count(long instrumentId) {
        return jdbc.sql(COUNT).param("id", instrumentId).query(Integer.class).single();
    }
}
