package io.qnt9.srs.watchlist;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** The {@code watchlist} and {@code watchlist_item} tables. Every statement is scoped to the owner. */
@Repository
class WatchlistRepository {

    private static final int OWNER_LOCK_NAMESPACE = 7_190_020;
    private static final String LOCK_OWNER =
            "SELECT pg_advisory_xact_lock(" + OWNER_LOCK_NAMESPACE + ", CAST(:owner AS integer))";
    private static final String COUNT_LISTS = "SELECT count(*) FROM watchlist WHERE owner_id = :owner";
    private static final String INSERT_LIST = """
            INSERT INTO watchlist (owner_id, name, created_at, updated_at) VALUES (:owner, :name, :now, :now)
            RETURNING id, name, created_at, updated_at, 0 AS items""";
    private static final String SUMMARIES = """
            SELECT w.id, w.name, w.created_at, w.updated_at,
                   (SELECT count(*) FROM watchlist_item i WHERE i.watchlist_id = w.id) AS items
            FROM watchlist w WHERE w.owner_id = :owner ORDER BY lower(w.name), w.id""";
    private static final String FIND_LIST = """
            SELECT w.id, w.name, w.created_at, w.updated_at,
                   (SELECT count(*) FROM watchlist_item i WHERE i.watchlist_id = w.id) AS items
            FROM watchlist w WHERE w.owner_id = :owner AND w.id = :id""";
    private static final String LOCK_LIST = """
            SELECT id, name, created_at, updated_at, 0 AS items
            FROM watchlist WHERE owner_id = :owner AND id = :id FOR UPDATE""";
    private static final String RENAME = """
            UPDATE watchlist SET name = :name, updated_at = :now WHERE owner_id = :owner AND id = :id""";
    private static final String DELETE_LIST = "DELETE FROM watchlist WHERE owner_id = :owner AND id = :id";
    private static final String TOUCH = "UPDATE watchlist SET updated_at = :now WHERE id = :id";
    private static final String ITEMS = """
            SELECT symbol, note, target_price, added_at FROM watchlist_item WHERE watchlist_id = :list
            ORDER BY added_at, symbol""";
    private static final String ITEM = """
            SELECT symbol, note, target_price, added_at FROM watchlist_item WHERE watchlist_id = :list AND symbol = :symbol""";
    private static final String COUNT_ITEMS = "SELECT count(*) FROM watchlist_item WHERE watchlist_id = :list";
    private static final String INSERT_ITEM = """
            INSERT INTO watchlist_item (watchlist_id, symbol, note, target_price, added_at)
            VALUES (:list, :symbol, :note, :target, :now)""";
    private static final String UPDATE_ITEM = """
            UPDATE watchlist_item SET note = :note, target_price = :target WHERE watchlist_id = :list AND symbol = :symbol""";
    private static final String DELETE_ITEM =
            "DELETE FROM watchlist_item WHERE watchlist_id = :list AND symbol = :symbol";

    private final JdbcClient jdbc;

    WatchlistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record ListRow(long id, String name, Instant createdAt, Instant updatedAt, int items) {}

    record ItemRow(String symbol, String note, BigDecimal targetPrice, Instant addedAt) {}

    /** Serialises an owner's list creations until the transaction ends (so the limit holds under concurrency). */
    void lockOwner(long owner) {
        jdbc.sql(LOCK_OWNER).param("owner", owner).query().singleRow();
    }

    int countLists(long owner) {
        return jdbc.sql(COUNT_LISTS).param("owner", owner).query(Integer.class).single();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the owner has a list of that name. */
    ListRow insertList(long owner, String name, Instant now) {
        return jdbc.sql(INSERT_LIST)
                .param("owner", owner)
                .param("name", name)
                .param("now", Timestamp.from(now))
                .query(WatchlistRepository::list)
                .single();
    }

    @Transactional(readOnly = true)
    List<ListRow> summaries(long owner) {
        return jdbc.sql(SUMMARIES)
                .param("owner", owner)
                .query(WatchlistRepository::list)
                .list();
    }

    Optional<ListRow> find(long owner, long id) {
        return jdbc.sql(FIND_LIST)
                .param("owner", owner)
                .param("id", id)
                .query(WatchlistRepository::list)
                .optional();
    }

    Optional<ListRow> lock(long owner, long id) {
        return jdbc.sql(LOCK_LIST)
                .param("owner", owner)
                .param("id", id)
                .query(WatchlistRepository::list)
                .optional();
    }

    boolean rename(long owner, long id, String name, Instant now) {
        return jdbc.sql(RENAME)
                        .param("owner", owner)
                        .param("id", id)
                        .param("name", name)
                        .param("now", Timestamp.from(now))
                        .update()
                > 0;
    }

    boolean delete(long owner, long id) {
        return jdbc.sql(DELETE_LIST).param("owner", owner).param("id", id).update() > 0;
    }

    void touch(long id, Instant now) {
        jdbc.sql(TOUCH).param("id", id).param("now", Timestamp.from(now)).update();
    }

    List<ItemRow> items(long list) {
        return jdbc.sql(ITEMS)
                .param("list", list)
                .query(WatchlistRepository::item)
                .list();
    }

    Optional<ItemRow> item(long list, String symbol) {
        return jdbc.sql(ITEM)
                .param("list", list)
                .param("symbol", symbol)
                .query(WatchlistRepository::item)
                .optional();
    }

    int countItems(long list) {
        return jdbc.sql(COUNT_ITEMS).param("list", list).query(Integer.class).single();
    }

    /** Throws {@link org.springframework.dao.DuplicateKeyException} when the symbol is already on the list. */
    void insertItem(long list, String symbol, String note, BigDecimal target, Instant now) {
        jdbc.sql(INSERT_ITEM)
                .param("list", list)
                .param("symbol", symbol)
                .param("note", note)
                .param("target", target)
                .param("now", Timestamp.from(now))
                .update();
    }

    boolean updateItem(long list, String symbol, String note, BigDecimal target) {
        return jdbc.sql(UPDATE_ITEM)
                        .param("list", list)
                        .param("symbol", symbol)
                        .param("note", note)
                        .param("target", target)
                        .update()
                > 0;
    }

    boolean deleteItem(long list, String symbol) {
        return jdbc.sql(DELETE_ITEM).param("list", list).param("symbol", symbol).update() > 0;
    }

    private static ListRow list(ResultSet rs, int n) throws SQLException {
        return new ListRow(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getInt("items"));
    }

    private static ItemRow item(ResultSet rs, int n) throws SQLException {
        BigDecimal target = rs.getBigDecimal("target_price");
        return new ItemRow(
                rs.getString("symbol"),
                rs.getString("note"),
                target == null ? null : target.stripTrailingZeros(),
                rs.getTimestamp("added_at").toInstant());
    }
}
