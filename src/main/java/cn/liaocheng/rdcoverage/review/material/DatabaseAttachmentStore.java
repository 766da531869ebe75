package cn.liaocheng.rdcoverage.review.material;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Attachment bytes in the database, in rows of {@value #CHUNK} bytes ({@code attachment_chunk}). Chunks rather than
 * one LONGBLOB: the MySQL connector materialises a whole BLOB parameter or column value in memory, and MariaDB's
 * default max_allowed_packet (16 MB) is below the 20 MB a file may have; a chunk is written with setBinaryStream
 * and read back with getBinaryStream one at a time, so at most one chunk of a file is in memory. Uses the
 * transaction's connection (Agroal hands the JTA transaction's connection out again).
 */
@ApplicationScoped
public class DatabaseAttachmentStore implements AttachmentStore {
    static final int CHUNK = 256 * 1024;

    @Inject AgroalDataSource dataSource;

    @Override
    public long write(UUID id, InputStream content) throws IOException {
        byte[] chunk = new byte[CHUNK];
        long total = 0;
        int seq = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("insert into attachment_chunk (attachment_id, seq, data) values (?, ?, ?)")) {
            while (true) {
                int n = content.readNBytes(chunk, 0, CHUNK);
                if (n <= 0) {
                    break;
                }
                insert.setString(1, id.toString());
                insert.setInt(2, seq++);
                insert.setBinaryStream(3, new ByteArrayInputStream(chunk, 0, n), n);
                insert.executeUpdate();
                total += n;
                if (n < CHUNK) {
                    break;
                }
            }
        } catch (SQLException e) {
            throw new IOException("storing attachment " + id + " failed", e);
        }
        return total;
    }

    @Override
    public InputStream open(UUID id, long offset) {
        return new ChunkStream(id, offset);
    }

    /** The bytes of chunk {@code seq} of the attachment, or null when it has no such chunk. */
    private byte[] readChunk(UUID id, int seq) throws IOException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement q = c.prepareStatement("select data from attachment_chunk where attachment_id = ? and seq = ?")) {
            q.setString(1, id.toString());
            q.setInt(2, seq);
            try (ResultSet rs = q.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                try (InputStream data = rs.getBinaryStream(1)) {
                    return data.readAllBytes();
                }
            }
        } catch (SQLException e) {
            throw new IOException("reading attachment " + id + " failed", e);
        }
    }

    /** Reads an attachment from a byte offset on, one chunk in memory at a time, each chunk on its own query. */
    private final class ChunkStream extends InputStream {
        private final UUID id;
        private int seq;
        private byte[] current;
        private int pos;
        private boolean done;

        ChunkStream(UUID id, long offset) {
            this.id = id;
            this.seq = (int) (offset / CHUNK);
            this.pos = (int) (offset % CHUNK);
        }

        /** True when {@code current} holds an unread byte at {@code pos}, loading the next chunk if needed. */
        private boolean load() throws IOException {
            if (done) {
                return false;
            }
            if (current != null && pos < current.length) {
                return true;
            }
            if (current != null) {
                pos = 0;
            }
            byte[] next = readChunk(id, seq++);
            if (next == null) {
                done = true;
                return false;
            }
            current = next;
            return pos < current.length || load();
        }

        @Override
        public int read() throws IOException {
            if (!load()) {
                return -1;
            }
            return current[pos++] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!load()) {
                return -1;
            }
            int n = Math.min(len, current.length - pos);
            System.arraycopy(current, pos, b, off, n);
            pos += n;
            return n;
        }
    }

    @Override
    public void delete(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement d = c.prepareStatement("delete from attachment_chunk where attachment_id = ?")) {
            d.setString(1, id.toString());
            d.executeUpdate();
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("deleting attachment " + id + " failed", e));
        }
    }
}
