package io.gantry.rest.bundle.internal.resources.filter;

import io.gantry.rest.bundle.internal.problem.PayloadTooLargeException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Counts the bytes read from a request body and fails once more than the limit has come: a
 * chunked body declares no length up front, so only counting can stop it.
 */
final class LimitedInputStream extends FilterInputStream {
    private final long limit;
    private long count;

    LimitedInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        // a reset would make the count wrong
        return false;
    }

    private void counted(long n) {
        count += n;
        if (count > limit) {
            throw new PayloadTooLargeException(limit);
        }
    }
}
