package io.qnt9.srs.marketdata;

import io.qnt9.srs.system.ApiException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.http.HttpStatus;

/** Fails with 413 as soon as more than {@code limit} bytes have been read, so an upload is never buffered whole. */
final class LimitedInputStream extends FilterInputStream {

    private final long limit;
    private long read;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    static ApiException tooLarge(long limit) {
        return new ApiException(
                        HttpStatus.CONTENT_TOO_LARGE,
                        "payload-too-large",
                        "Payload too large",
                        "Uploads are limited to " + limit + " bytes (" + (limit >> 20)
                                + " MiB); split the file. Nothing was imported.")
                .with("limitBytes", limit);
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            count(1);
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            count(n);
        }
        return n;
    }

    private void count(long n) {
        read += n;
        if (read > limit) {
            throw tooLarge(limit);
        }
    }
}
