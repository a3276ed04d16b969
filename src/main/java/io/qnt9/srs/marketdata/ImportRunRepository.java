package io.qnt9.srs.marketdata;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ImportRunRepository {

    private static final String INSERT = """
            INSERT INTO import_run (kind, source, requested_by, symbols, mode, started_at, finished_at,
                rows_received, rows_written, rows_skipped, outcome, message, checksum)
            VALUES (:kind, :source, :requestedBy, :symbols, :mode, :startedAt, :finishedAt,
                :received, :written, :skipped, :outcome, :message, :checksum)
            RETURNING id""";
    private static final String LAST_SUCCESS_CHECKSUM = """
            SELECT checksum FROM import_run WHERE source = :source AND outcome = 'SUCCEEDED'
            ORDER BY id DESC LIMIT 1""";

    private final JdbcClient jdbc;

    ImportRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Outcome {
        SUCCEEDED,
        REJECTED,
        FAILED
    }

    record Run(
            String kind,
            String source,
            String requestedBy,
            String symbols,
            String mode,
            Instant startedAt,
            Instant finishedAt,
            int received,
            int written,
            int skipped,
            Outcome outcome,
            String message,
            String checksum) {}

    long record(Run r) {
        return jdbc.sql(INSERT)
                .param("kind", r.kind())
                .param("source", truncate(r.source(), 200))
                .param("requestedBy", truncate(r.requestedBy(), 200))
                .param("symbols", truncate(r.symbols(), 400))
                .param("mode", r.mode())
                .param("startedAt", Timestamp.from(r.startedAt()))
                .param("finishedAt", Timestamp.from(r.finishedAt()))
                .param("received", r.received())
                .param("written", r.written())
                .param("skipped", r.skipped())
                .param("outcome", r.outcome().name())
                .param("message", truncate(r.message(), 2000))
                .param("checksum", r.checksum())
                .query(Long.class)
                .single();
    }

    Optional<String> lastSuccessfulChecksum(String source) {
        return jdbc.sql(LAST_SUCCESS_CHECKSUM)
                .param("source", source)
                .query(String.class)
                .optional();
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
