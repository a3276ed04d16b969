package io.qnt9.srs.marketdata;

import java.sql.SQLException;
import org.postgresql.copy.CopyIn;

/**
 * Collects rows in PostgreSQL's COPY text format and streams them to the server in 256 KiB chunks, so an import
 * of any size holds only one chunk in memory. Everything written is ASCII (validated numbers, dates, symbols).
 */
final class CopyBuffer {

    private static final int CAPACITY = 256 * 1024;

    /** Where the chunks go: the server's COPY stream, or a test's buffer. */
    interface Target {
        void write(byte[] bytes, int length) throws SQLException;

        long end() throws SQLException;

        void cancel() throws SQLException;
    }

    private final Target target;
    private final byte[] buf = new byte[CAPACITY];
    private int len;

    CopyBuffer(Target target) {
        this.target = target;
    }

    static CopyBuffer to(CopyIn copy) {
        return new CopyBuffer(new Target() {
            @Override
            public void write(byte[] bytes, int length) throws SQLException {
                copy.writeToCopy(bytes, 0, length);
            }

            @Override
            public long end() throws SQLException {
                return copy.endCopy();
            }

            @Override
            public void cancel() throws SQLException {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
    }

    CopyBuffer append(String s) {
        return append(s, 0, s.length());
    }

    CopyBuffer append(String s, int from, int to) {
        if (len + (to - from) + 32 > CAPACITY) {
            flush();
        }
        for (int i = from; i < to; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    CopyBuffer append(long v) {
        return append(Long.toString(v));
    }

    CopyBuffer tab() {
        buf[len++] = '\t';
        return this;
    }

    CopyBuffer newline() {
        buf[len++] = '\n';
        return this;
    }

    void flush() {
        if (len == 0) {
            return;
        }
        try {
            target.write(buf, len);
        } catch (SQLException e) {
            throw new IllegalStateException("COPY to the database failed: " + e.getMessage(), e);
        }
        len = 0;
    }

    long finish() {
        flush();
        try {
            return target.end();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY to the database failed: " + e.getMessage(), e);
        }
    }

    void cancel() {
        try {
            target.cancel();
        } catch (SQLException ignored) {
            // the transaction is rolled back anyway
        }
    }
}
