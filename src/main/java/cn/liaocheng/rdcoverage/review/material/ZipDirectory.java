package cn.liaocheng.rdcoverage.review.material;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry names of a ZIP file from its end: the end-of-central-directory record (found in the file's last bytes)
 * gives where the central directory starts and how long it is; the directory is then read as a stream. Nothing is
 * inflated, so a zip bomb costs nothing here.
 */
final class ZipDirectory {
    static final int TAIL_BYTES = 64 * 1024 + 22;
    private static final long MAX_DIRECTORY = 4L * 1024 * 1024;
    private static final int MAX_ENTRIES = 100_000;

    /** Where the directory is, from the EOCD record in {@code tail} (the file's last bytes); null if there is none. */
    record Location(long offset, long size) {
    }

    static Location locate(byte[] tail, int length, long fileSize) {
        for (int i = length - 22; i >= 0 && i >= length - TAIL_BYTES; i--) {
            if (u32(tail, i) == 0x06054b50L) {
                long size = u32(tail, i + 12);
                long offset = u32(tail, i + 16);
                if (size == 0xffffffffL || offset == 0xffffffffL || offset + size > fileSize || size > MAX_DIRECTORY) {
                    return null;   // ZIP64 or inconsistent: not a document we take
                }
                return new Location(offset, size);
            }
        }
        return null;
    }

    /** Reads {@code size} bytes of central directory from {@code in} and returns the entry names. */
    static List<String> names(InputStream in, long size) throws IOException {
        List<String> names = new ArrayList<>();
        byte[] fixed = new byte[46];
        long read = 0;
        while (read + 46 <= size && names.size() < MAX_ENTRIES) {
            if (!readFully(in, fixed, 46) || u32(fixed, 0) != 0x02014b50L) {
                return names;
            }
            int nameLength = u16(fixed, 28);
            int extra = u16(fixed, 30);
            int comment = u16(fixed, 32);
            byte[] name = new byte[nameLength];
            if (!readFully(in, name, nameLength)) {
                return names;
            }
            names.add(new String(name, StandardCharsets.UTF_8));
            in.skipNBytes(extra + comment);
            read += 46L + nameLength + extra + comment;
        }
        return names;
    }

    private static boolean readFully(InputStream in, byte[] b, int n) throws IOException {
        int off = 0;
        while (off < n) {
            int r = in.read(b, off, n - off);
            if (r < 0) {
                return false;
            }
            off += r;
        }
        return true;
    }

    private static long u32(byte[] b, int i) {
        return (b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }
}
