package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.ApiException;
import jakarta.ws.rs.core.MediaType;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What was uploaded: the format, the bytes and the charset label, from the request's Content-Type, the file part of
 * a {@code multipart/form-data} upload (read as a stream, one file part), the file name and the first bytes (an
 * xlsx is a zip, whatever it is labelled; what a Windows browser labels {@code application/vnd.ms-excel} is read by
 * its content).
 */
public final class ImportSource {
    public enum Format { CSV, TSV, JSON, NDJSON, XLSX }

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String NDJSON = "application/x-ndjson";
    public static final List<String> ACCEPTED = List.of("text/csv", "text/tab-separated-values", "text/plain",
            "application/json", NDJSON, XLSX, "application/vnd.ms-excel", "application/octet-stream", "multipart/form-data");
    private static final Pattern FILENAME = Pattern.compile("filename\\*?=\\s*(?:UTF-8''|\"?)([^\";]*)\"?", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile("[; ]name=\\s*\"?([^\";]*)\"?", Pattern.CASE_INSENSITIVE);

    public final Format format;
    public final InputStream body;
    public final String charsetLabel;
    public final String fileName;
    public final String contentType;

    private ImportSource(Format format, InputStream body, String charsetLabel, String fileName, String contentType) {
        this.format = format;
        this.body = body;
        this.charsetLabel = charsetLabel;
        this.fileName = fileName;
        this.contentType = contentType;
    }

    static ApiException unsupported(String what) {
        return new ApiException(415, "unsupported-media-type", "This content type is not accepted here",
                what + "; accepted: " + String.join(", ", ACCEPTED)
                        + " (an xlsx workbook, CSV or tab-separated text, a JSON array or NDJSON; or one file part of multipart/form-data)",
                null, Map.of("accepted", ACCEPTED));
    }

    public static ImportSource of(String contentType, InputStream body) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("The request has no Content-Type");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported("'" + contentType + "' is not a media type");
        }
        String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (base.equals("multipart/form-data")) {
            String boundary = type.getParameters().get("boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw ApiException.invalid("Content-Type", "multipart/form-data needs a boundary parameter");
            }
            return filePart(body, boundary);
        }
        return sniffed(base, type.getParameters().get(MediaType.CHARSET_PARAMETER), null, body, contentType);
    }

    private static ImportSource sniffed(String base, String charset, String fileName, InputStream raw, String label) {
        Format declared = switch (base) {
            case "text/csv", "application/csv", "text/x-csv", "text/comma-separated-values" -> Format.CSV;
            case "text/tab-separated-values" -> Format.TSV;
            case "application/json" -> Format.JSON;
            case NDJSON, "application/jsonl", "application/x-jsonlines", "application/jsonlines" -> Format.NDJSON;
            case XLSX -> Format.XLSX;
            case "text/plain", "application/vnd.ms-excel", "application/octet-stream", "application/x-www-form-urlencoded" -> null;
            default -> throw unsupported("'" + base + "' is not accepted");
        };
        if (declared == null && fileName != null) {
            String f = fileName.toLowerCase(Locale.ROOT);
            declared = f.endsWith(".xlsx") ? Format.XLSX : f.endsWith(".csv") ? Format.CSV
                    : f.endsWith(".tsv") ? Format.TSV : f.endsWith(".ndjson") || f.endsWith(".jsonl") ? Format.NDJSON
                    : f.endsWith(".json") ? Format.JSON : null;
        }
        BufferedInputStream in = new BufferedInputStream(raw, TextDecoding.PROBE);
        byte[] head;
        try {
            in.mark(TextDecoding.PROBE + 1);
            head = in.readNBytes(512);
            in.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean ole2 = head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0;
        if (ole2) {
            throw unsupported("The file is an Excel 97-2003 workbook (.xls): save it as .xlsx (Excel Workbook) or CSV");
        }
        if (zip) {
            return new ImportSource(Format.XLSX, in, null, fileName, label);
        }
        if (declared == Format.XLSX) {
            throw ApiException.invalid("body", "is not an xlsx workbook (an xlsx file is a zip archive starting with PK)");
        }
        if (declared == null) {
            declared = Format.CSV;
            for (byte b : head) {
                if (b == '[') {
                    declared = Format.JSON;
                    break;
                } else if (b == '{') {
                    declared = Format.NDJSON;
                    break;
                } else if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB
                        && (b & 0xFF) != 0xBF) {
                    break;
                }
            }
        }
        return new ImportSource(declared, in, charset, fileName, label);
    }

    /** The first file part of a multipart body (a part with a filename, or else the one named "file"), streamed. */
    private static ImportSource filePart(InputStream raw, String boundary) {
        try {
            PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(raw, 1 << 16), boundary.length() + 8);
            // the preamble, up to the first delimiter
            String line;
            do {
                line = headerLine(in);
                if (line == null) {
                    throw ApiException.invalid("body", "is multipart/form-data without any part");
                }
            } while (!line.startsWith("--" + boundary));
            while (true) {
                if (line.startsWith("--" + boundary + "--")) {
                    throw ApiException.invalid("file", "multipart/form-data holds no file part (send it as -F file=@list.csv)");
                }
                String disposition = null;
                String partType = null;
                while ((line = headerLine(in)) != null && !line.isEmpty()) {
                    String lower = line.toLowerCase(Locale.ROOT);
                    if (lower.startsWith("content-disposition:")) {
                        disposition = line.substring(line.indexOf(':') + 1).trim();
                    } else if (lower.startsWith("content-type:")) {
                        partType = line.substring(line.indexOf(':') + 1).trim();
                    }
                }
                if (line == null) {
                    throw ApiException.invalid("body", "ends inside the headers of a multipart part");
                }
                String fileName = null;
                String name = null;
                if (disposition != null) {
                    Matcher f = FILENAME.matcher(disposition);
                    if (f.find()) {
                        fileName = java.net.URLDecoder.decode(f.group(1), StandardCharsets.UTF_8);
                    }
                    Matcher n = NAME.matcher(";" + disposition);
                    if (n.find()) {
                        name = n.group(1);
                    }
                }
                PartStream part = new PartStream(in, ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
                if (fileName != null || "file".equals(name)) {
                    String base = "application/octet-stream";
                    String charset = null;
                    if (partType != null) {
                        try {
                            MediaType t = MediaType.valueOf(partType);
                            base = (t.getType() + "/" + t.getSubtype()).toLowerCase(Locale.ROOT);
                            charset = t.getParameters().get(MediaType.CHARSET_PARAMETER);
                        } catch (IllegalArgumentException e) {
                            // read by content
                        }
                    }
                    if (base.startsWith("multipart/")) {
                        throw unsupported("A nested multipart part is not accepted");
                    }
                    return sniffed(base, charset, fileName, part, "multipart/form-data; part " + base);
                }
                part.skipAll();
                line = "--" + boundary + headerLine(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1 (header bytes; UTF-8 file names are decoded after), or null at the end. */
    private static String headerLine(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int n = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, n, StandardCharsets.UTF_8);
            }
            if (b.size() > 8192) {
                throw ApiException.invalid("body", "has a multipart header line over 8 KB");
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.UTF_8);
    }

    /** A part's content: the bytes up to the next CRLF and delimiter, which it consumes. */
    static final class PartStream extends InputStream {
        private final PushbackInputStream in;
        private final byte[] delimiter;
        private final byte[] window;
        private boolean done;

        PartStream(PushbackInputStream in, byte[] delimiter) {
            this.in = in;
            this.delimiter = delimiter;
            this.window = new byte[delimiter.length];
        }

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw ApiException.invalid("body", "ends inside a multipart part (its closing boundary is missing)");
            }
            if (b == (delimiter[0] & 0xFF)) {
                window[0] = (byte) b;
                int n = 1 + in.readNBytes(window, 1, delimiter.length - 1);
                if (n == delimiter.length && Arrays.equals(window, delimiter)) {
                    done = true;
                    return -1;
                }
                in.unread(window, 1, n - 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            int i = 0;
            while (i < len) {
                int b = read();
                if (b < 0) {
                    return i == 0 ? -1 : i;
                }
                buf[off + i++] = (byte) b;
            }
            return i;
        }

        void skipAll() throws IOException {
            while (read() >= 0) {
                // discard a non-file part
            }
        }
    }
}
