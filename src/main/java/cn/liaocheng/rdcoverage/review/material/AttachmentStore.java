package cn.liaocheng.rdcoverage.review.material;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.UUID;

/**
 * Where attachment bytes live. The database implementation keeps them in fixed-size chunks; an object store (S3,
 * MinIO, OSS) would implement the same four operations with a multipart upload, a ranged GET and a DELETE, keyed
 * by the attachment id. Every method runs inside the caller's transaction where the store is transactional.
 */
public interface AttachmentStore {
    /**
     * Copies {@code content} to the store under {@code id} as it is read, never holding more than a chunk, and
     * returns how many bytes it stored. The stream itself enforces any size limit (it fails the read).
     */
    long write(UUID id, InputStream content) throws IOException;

    /** Streams the bytes from {@code offset} to the end. */
    InputStream open(UUID id, long offset) throws IOException;

    default void copy(UUID id, OutputStream out) throws IOException {
        try (InputStream in = open(id, 0)) {
            in.transferTo(out);
        }
    }

    void delete(UUID id);
}
