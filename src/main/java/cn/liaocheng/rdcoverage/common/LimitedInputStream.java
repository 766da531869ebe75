package cn.liaocheng.rdcoverage.common;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * A stream that counts the bytes read through it and fails the read that takes the count over {@code max} bytes,
 * with the failure its subclass gives ({@link #exceeded}); nothing beyond the limit reaches the reader. Used for
 * request bodies of unannounced length ({@link BodyLimits}, 413) and for attachment uploads.
 */
public abstract class LimitedInputStream extends FilterInputStream {
    private final long max;
    private long count;

    protected LimitedInputStream(InputStream in, long max) {
        super(in);
        this.max = max;
    }

    /** The failure of a read past the limit: thrown (an IOException, or an unchecked one), never returned normally. */
    protected abstract IOException exceeded(long max);

    @Override
    public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        count(Math.max(n, 0));
        return n;
    }

    private void count(int n) throws IOException {
        count += n;
        if (count > max) {
            throw exceeded(max);
        }
    }
}
