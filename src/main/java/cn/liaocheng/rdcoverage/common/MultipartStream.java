package cn.liaocheng.rdcoverage.common;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A multipart/form-data body read part by part as it arrives (RFC 7578), each part's content an InputStream that
 * ends at the next boundary. Only a window of {@value #WINDOW} bytes is held, whatever the size of a part. The one
 * multipart reader of the service: the enterprise import's file part and the application materials.
 *
 * <p><b>Why not Quarkus REST's own multipart support</b> ({@code @RestForm FileUpload}; checked against Quarkus
 * 3.33.2, issue 17). It keeps file parts out of the heap too, but it cannot give both endpoints their guarantees:
 * <ul>
 *     <li>It reads the <em>whole</em> body before the resource method runs ({@code FormBodyHandler} with
 *     {@code MultiPartParserDefinition}): every file part is written to a temporary file in
 *     {@code quarkus.http.body.uploads-directory}, small fields are held up to
 *     {@code quarkus.http.limits.max-form-attribute-size}. The import could then start parsing only after the last
 *     byte has been written to disk: a second full write and read of files of up to 256 MB, a temporary file of
 *     that size per concurrent import on the pod's {@code /tmp} emptyDir (ephemeral storage the pod is charged for),
 *     and the end of "rows are parsed and written while the body arrives, at most three chunks held"
 *     (bench/README.md, import.sh).</li>
 *     <li>The only limit it applies while reading is {@code quarkus.http.limits.max-body-size}, one value for every
 *     endpoint (Quarkus hands REST the body size, the form-attribute size and the parameter count; the parser's
 *     per-file limit, {@code setMaxIndividualFileSize}, is not set from any configuration). It has to be the
 *     import's 256M, so a chunked attachment upload (no Content-Length) would be written to disk up to 256 MB
 *     before the 20 MB rule ({@code rd.attachments.max-size}) could answer 413; here the part's stream fails at
 *     the 20 MB + 1st byte. (A Content-Length over the limit is refused before anything is read, by
 *     {@code BodyLimits} and {@code AttachmentResource}; with FileUpload the latter's check would have to move into
 *     a request filter, which Quarkus REST runs before the form read unless it is declared {@code withFormRead}.
 *     That covers announced lengths only.)</li>
 * </ul>
 * Using it for the attachments alone would keep this class for the import and lose the early 413 for chunked
 * uploads, so both stay on this reader. Revisit when Quarkus REST can hand a resource method a file part as a
 * stream, or limit a part's size per endpoint.
 */
public final class MultipartStream {
    private static final int WINDOW = 64 * 1024;
    private static final int MAX_HEADER_BYTES = 16 * 1024;

    private final InputStream in;
    private final byte[] delimiter;   // CRLF -- boundary
    private final byte[] buf = new byte[WINDOW];
    private int pos;
    private int limit;
    private boolean eof;
    private boolean finished;
    private PartStream current;

    /** One part: its form field name, the client's file name (if any) and its content. */
    public record Part(String name, String fileName, String contentType, InputStream content) {
        public String text(int maxBytes) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] b = new byte[1024];
            int n;
            while ((n = content.read(b)) > 0) {
                out.write(b, 0, n);
                if (out.size() > maxBytes) {
                    throw ApiException.invalid(name, FieldMessage.of("must be at most " + maxBytes + " bytes", "field.TOO_LONG.bytes", maxBytes));
                }
            }
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    public MultipartStream(InputStream in, String boundary) {
        this.in = in;
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    /**
     * The boundary parameter of a multipart/form-data content type, or a problem: 415 (with {@code how} as detail)
     * when it is not multipart/form-data, 400 naming Content-Type when the boundary is missing or too long.
     */
    public static String boundary(String contentType, String how) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            throw new ApiException(415, "unsupported-media-type", "Unsupported media type", how, null, null);
        }
        for (String param : contentType.split(";")) {
            String p = param.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
                String b = p.substring("boundary=".length()).trim();
                if (b.startsWith("\"") && b.endsWith("\"") && b.length() >= 2) {
                    b = b.substring(1, b.length() - 1);
                }
                if (!b.isEmpty() && b.length() <= 70) {
                    return b;
                }
            }
        }
        throw ApiException.invalid("Content-Type", FieldMessage.of("multipart/form-data needs a boundary parameter of 1 to 70 characters",
                "field.INVALID.boundary"));
    }

    /** The next part, or null after the last; the previous part's content is skipped if it was not read to its end. */
    public Part next() throws IOException {
        if (finished) {
            return null;
        }
        if (current == null) {
            skipPreamble();
        } else {
            current.skipRest();
        }
        if (finished) {
            return null;
        }
        // after a delimiter: "--" ends the body, CRLF starts a part
        fill(2);
        if (limit - pos >= 2 && buf[pos] == '-' && buf[pos + 1] == '-') {
            finished = true;
            return null;
        }
        skipLineEnd();
        Map<String, String> headers = readHeaders();
        String disposition = headers.getOrDefault("content-disposition", "");
        String name = param(disposition, "name");
        String fileName = fileName(disposition);
        current = new PartStream();
        return new Part(name, fileName, headers.get("content-type"), current);
    }

    private void skipPreamble() throws IOException {
        // the first boundary may come without the leading CRLF
        byte[] first = java.util.Arrays.copyOfRange(delimiter, 2, delimiter.length);
        fill(first.length);
        if (startsWith(first)) {
            pos += first.length;
            return;
        }
        current = new PartStream();
        current.skipRest();
    }

    private boolean startsWith(byte[] prefix) {
        if (limit - pos < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (buf[pos + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void skipLineEnd() throws IOException {
        // transport padding (spaces or tabs) may precede the CRLF
        while (true) {
            fill(1);
            if (pos >= limit) {
                throw malformed("the body ends inside a boundary line");
            }
            byte b = buf[pos++];
            if (b == '\n') {
                return;
            }
            if (b != '\r' && b != ' ' && b != '\t') {
                throw malformed("unexpected bytes after a boundary");
            }
        }
    }

    private Map<String, String> readHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            fill(1);
            if (pos >= limit) {
                throw malformed("the body ends inside the headers of a part");
            }
            byte b = buf[pos++];
            if (++total > MAX_HEADER_BYTES) {
                throw malformed("the headers of a part are too long");
            }
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                if (text.endsWith("\r")) {
                    text = text.substring(0, text.length() - 1);
                }
                line.reset();
                if (text.isEmpty()) {
                    return headers;
                }
                int colon = text.indexOf(':');
                if (colon > 0) {
                    headers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim());
                }
            } else {
                line.write(b);
            }
        }
    }

    /** filename* (RFC 5987, UTF-8) wins over filename; browsers send UTF-8 in the plain parameter too. */
    static String fileName(String disposition) {
        String extended = param(disposition, "filename*");
        if (extended != null) {
            int quote = extended.indexOf("''");
            if (quote >= 0) {
                try {
                    return java.net.URLDecoder.decode(extended.substring(quote + 2).replace("+", "%2B"), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException ignored) {
                    // fall back to filename
                }
            }
        }
        String plain = param(disposition, "filename");
        if (plain == null) {
            return null;
        }
        int slash = Math.max(plain.lastIndexOf('/'), plain.lastIndexOf('\\'));
        return plain.substring(slash + 1);
    }

    static String param(String header, String name) {
        int i = 0;
        String lower = header.toLowerCase(Locale.ROOT);
        while (true) {
            int at = lower.indexOf(name.toLowerCase(Locale.ROOT) + "=", i);
            if (at < 0) {
                return null;
            }
            boolean boundaryBefore = at == 0 || lower.charAt(at - 1) == ';' || lower.charAt(at - 1) == ' ';
            i = at + name.length() + 1;
            if (!boundaryBefore) {
                continue;
            }
            if (i < header.length() && header.charAt(i) == '"') {
                StringBuilder sb = new StringBuilder();
                for (int j = i + 1; j < header.length(); j++) {
                    char c = header.charAt(j);
                    if (c == '\\' && j + 1 < header.length()) {
                        sb.append(header.charAt(++j));
                    } else if (c == '"') {
                        return sb.toString();
                    } else {
                        sb.append(c);
                    }
                }
                return sb.toString();
            }
            int end = header.indexOf(';', i);
            return header.substring(i, end < 0 ? header.length() : end).trim();
        }
    }

    /** Makes at least {@code n} bytes available after pos unless the body ends first. */
    private void fill(int n) throws IOException {
        if (limit - pos >= n || eof) {
            return;
        }
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        while (limit < n && !eof) {
            int r = in.read(buf, limit, buf.length - limit);
            if (r < 0) {
                eof = true;
            } else {
                limit += r;
            }
        }
    }

    private static ApiException malformed(String why) {
        return ApiException.invalid("body", FieldMessage.of("is not a readable multipart/form-data body: " + why, "field.INVALID.multipart", why));
    }

    /** The content of the current part: ends where the delimiter starts. */
    private final class PartStream extends InputStream {
        private boolean ended;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] out, int off, int len) throws IOException {
            if (ended) {
                return -1;
            }
            if (len == 0) {
                return 0;
            }
            fill(Math.min(buf.length, delimiter.length + 1));
            int found = indexOfDelimiter();
            int available;
            if (found == pos) {
                pos += delimiter.length;
                ended = true;
                return -1;
            } else if (found > 0) {
                available = found - pos;
            } else {
                if (eof && limit - pos < delimiter.length) {
                    throw malformed("the body ends without its closing boundary");
                }
                // keep a possible start of the delimiter in the window
                available = limit - pos - (delimiter.length - 1);
                if (available <= 0) {
                    fill(limit - pos + 1);
                    return read(out, off, len);
                }
            }
            int n = Math.min(len, available);
            System.arraycopy(buf, pos, out, off, n);
            pos += n;
            return n;
        }

        private int indexOfDelimiter() {
            byte first = delimiter[0];
            outer:
            for (int i = pos; i <= limit - delimiter.length; i++) {
                if (buf[i] != first) {
                    continue;
                }
                for (int j = 1; j < delimiter.length; j++) {
                    if (buf[i + j] != delimiter[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        void skipRest() throws IOException {
            byte[] sink = new byte[8192];
            while (read(sink, 0, sink.length) >= 0) {
                // skip
            }
        }
    }
}
