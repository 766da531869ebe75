package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.MultipartStream;
import jakarta.ws.rs.core.MediaType;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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

    /**
     * 415 listing the accepted media types; {@code zhCase} names the Chinese detail
     * ({@code detail.unsupported-media-type.<case>}), whose arguments are {@code args} followed by the accepted list.
     */
    static ApiException unsupported(String what, String zhCase, Object... args) {
        Object[] zhArgs = java.util.Arrays.copyOf(args, args.length + 1);
        zhArgs[args.length] = String.join(", ", ACCEPTED);
        return new ApiException(415, "unsupported-media-type", "This content type is not accepted here",
                what + "; accepted: " + String.join(", ", ACCEPTED)
                        + " (an xlsx workbook, CSV or tab-separated text, a JSON array or NDJSON; or one file part of multipart/form-data)",
                null, Map.of("accepted", ACCEPTED)).zh("detail.unsupported-media-type." + zhCase, zhArgs);
    }

    public static ImportSource of(String contentType, InputStream body) {
        if (contentType == null || contentType.isBlank()) {
            throw unsupported("The request has no Content-Type", "none");
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            throw unsupported("'" + contentType + "' is not a media type", "not-a-type", contentType);
        }
        String base = (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT);
        if (base.equals("multipart/form-data")) {
            String boundary = type.getParameters().get("boundary");
            if (boundary == null || boundary.isEmpty()) {
                throw ApiException.invalid("Content-Type", FieldMessage.of("multipart/form-data needs a boundary parameter", "field.INVALID.boundary"));
            }
            return filePart(body, boundary);
        }
        return sniffed(base, type.getParameters().get(MediaType.CHARSET_PARAMETER), null, body, contentType);
    }

    private static ImportSource sniffed(String base, String charset, String fileName, InputStream raw, String label) {
        Format declared = declared(base);
        if (declared == null && fileName != null) {
            declared = byExtension(fileName.toLowerCase(Locale.ROOT));
        }
        BufferedInputStream in = new BufferedInputStream(raw, TextDecoding.PROBE);
        byte[] head = head(in);
        boolean zip = head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        boolean ole2 = head.length >= 8 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0;
        if (ole2) {
            throw unsupported("The file is an Excel 97-2003 workbook (.xls): save it as .xlsx (Excel Workbook) or CSV", "xls");
        }
        if (zip) {
            return new ImportSource(Format.XLSX, in, null, fileName, label);
        }
        if (declared == Format.XLSX) {
            throw ApiException.invalid("body", FieldMessage.of("is not an xlsx workbook (an xlsx file is a zip archive starting with PK)", "field.INVALID_FORMAT.xlsx"));
        }
        return new ImportSource(declared == null ? byContent(head) : declared, in, charset, fileName, label);
    }

    /** The format a media type names; null for the labels that say nothing (read by file name or content); 415 otherwise. */
    private static Format declared(String base) {
        return switch (base) {
            case "text/csv", "application/csv", "text/x-csv", "text/comma-separated-values" -> Format.CSV;
            case "text/tab-separated-values" -> Format.TSV;
            case "application/json" -> Format.JSON;
            case NDJSON, "application/jsonl", "application/x-jsonlines", "application/jsonlines" -> Format.NDJSON;
            case XLSX -> Format.XLSX;
            case "text/plain", "application/vnd.ms-excel", "application/octet-stream", "application/x-www-form-urlencoded" -> null;
            default -> throw unsupported("'" + base + "' is not accepted", "not-accepted", base);
        };
    }

    /** The format a (lower-case) file name's extension names, or null. */
    private static Format byExtension(String f) {
        return f.endsWith(".xlsx") ? Format.XLSX : f.endsWith(".csv") ? Format.CSV
                : f.endsWith(".tsv") ? Format.TSV : f.endsWith(".ndjson") || f.endsWith(".jsonl") ? Format.NDJSON
                : f.endsWith(".json") ? Format.JSON : null;
    }

    /** The first 512 bytes, the stream reset to its start. */
    private static byte[] head(BufferedInputStream in) {
        try {
            in.mark(TextDecoding.PROBE + 1);
            byte[] head = in.readNBytes(512);
            in.reset();
            return head;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** By the first character that is not blank or a UTF-8 BOM byte: '[' JSON, '{' NDJSON, anything else CSV. */
    private static Format byContent(byte[] head) {
        for (byte b : head) {
            if (b == '[') {
                return Format.JSON;
            } else if (b == '{') {
                return Format.NDJSON;
            } else if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && (b & 0xFF) != 0xEF && (b & 0xFF) != 0xBB
                    && (b & 0xFF) != 0xBF) {
                return Format.CSV;
            }
        }
        return Format.CSV;
    }

    /**
     * The first file part of a multipart body (a part with a filename, or else the one named "file"), streamed through
     * the service's one multipart reader ({@link MultipartStream}); other parts (a note) are skipped.
     */
    private static ImportSource filePart(InputStream raw, String boundary) {
        try {
            MultipartStream parts = new MultipartStream(raw, boundary);
            int seen = 0;
            for (MultipartStream.Part part = parts.next(); part != null; part = parts.next()) {
                seen++;
                if (part.fileName() == null && !"file".equals(part.name())) {
                    continue;
                }
                String base = "application/octet-stream";
                String charset = null;
                if (part.contentType() != null) {
                    try {
                        MediaType t = MediaType.valueOf(part.contentType());
                        base = (t.getType() + "/" + t.getSubtype()).toLowerCase(Locale.ROOT);
                        charset = t.getParameters().get(MediaType.CHARSET_PARAMETER);
                    } catch (IllegalArgumentException e) {
                        // read by content
                    }
                }
                if (base.startsWith("multipart/")) {
                    throw unsupported("A nested multipart part is not accepted", "nested");
                }
                return sniffed(base, charset, part.fileName(), part.content(), "multipart/form-data; part " + base);
            }
            if (seen == 0) {
                throw ApiException.invalid("body", FieldMessage.of("is multipart/form-data without any part", "field.REQUIRED.part"));
            }
            throw ApiException.invalid("file", FieldMessage.of("multipart/form-data holds no file part (send it as -F file=@list.csv)", "field.REQUIRED.file-part"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
