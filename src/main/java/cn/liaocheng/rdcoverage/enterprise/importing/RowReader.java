package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.StrictJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Streams records out of a CSV, JSON-array or NDJSON body, one at a time; never the whole file in memory. */
public abstract class RowReader implements AutoCloseable {
    @Override
    public abstract void close();

    /** The same strict reading and limits as every other JSON body (duplicate keys, nesting, lengths). */
    private static final ObjectMapper JSON = StrictJson.configure(new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS));

    /** The next record, or null at the end. A file-level fault is a 400 naming the line. */
    public abstract RawRow next();

    public static RowReader open(InputStream body, String format, Charset charset) {
        Reader reader = decoder(skipBom(body), charset);
        return switch (format) {
            case "csv" -> new Csv(reader, charset);
            case "json" -> new JsonArray(reader);
            case "ndjson" -> new NdJson(reader);
            default -> throw new IllegalArgumentException(format);
        };
    }

    static ApiException fileProblem(String field, String message) {
        return new ApiException(400, "import-file", "The file cannot be read",
                field + ": " + message, List.of(new Problem.FieldError(field, message)), null);
    }

    static ApiException charsetProblem(Charset charset) {
        return fileProblem("body", "is not valid " + charset.name()
                + (charset == StandardCharsets.UTF_8 ? "; a GBK file needs Content-Type: text/csv; charset=GBK" : ""));
    }

    private static InputStream skipBom(InputStream in) {
        try {
            PushbackInputStream pb = new PushbackInputStream(in, 3);
            byte[] head = new byte[3];
            int n = pb.readNBytes(head, 0, 3);
            boolean bom = n == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF;
            if (!bom && n > 0) {
                pb.unread(head, 0, n);
            }
            return pb;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reader decoder(InputStream in, Charset charset) {
        return new BufferedReader(new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    /** CSV with a header row; the header is line 1, the first record line 2. */
    static final class Csv extends RowReader {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private final int[] columnOf;
        private final Charset charset;

        Csv(Reader reader, Charset charset) {
            this.charset = charset;
            try {
                this.parser = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).setTrim(true).get().parse(reader);
                this.records = parser.iterator();
                if (!records.hasNext()) {
                    throw fileProblem("body", "is empty: expected a header row and at least one record");
                }
                CSVRecord header = records.next();
                columnOf = new int[header.size()];
                boolean[] seen = new boolean[Column.values().length];
                for (int i = 0; i < header.size(); i++) {
                    Column c = Column.byHeader(header.get(i));
                    columnOf[i] = c == null ? -1 : c.ordinal();
                    if (c != null) {
                        if (seen[c.ordinal()]) {
                            throw fileProblem(c.field, "column appears twice in the header");
                        }
                        seen[c.ordinal()] = true;
                    }
                }
                List<Problem.FieldError> missing = new ArrayList<>();
                for (Column c : Column.values()) {
                    if (c.required && !seen[c.ordinal()]) {
                        missing.add(new Problem.FieldError(c.field, "required column is missing from the header"));
                    }
                }
                if (!missing.isEmpty()) {
                    throw new ApiException(400, "import-file", "The file cannot be read",
                            "Required columns are missing from the header: "
                                    + String.join(", ", missing.stream().map(Problem.FieldError::field).toList()),
                            missing, Map.of("line", 1));
                }
            } catch (UncheckedIOException e) {
                throw translate(e);
            } catch (IOException e) {
                throw translate(new UncheckedIOException(e));
            }
        }

        @Override
        public RawRow next() {
            try {
                if (!records.hasNext()) {
                    return null;
                }
                CSVRecord r = records.next();
                String[] cells = new String[Column.values().length];
                int n = Math.min(r.size(), columnOf.length);
                for (int i = 0; i < n; i++) {
                    if (columnOf[i] >= 0) {
                        cells[columnOf[i]] = r.get(i);
                    }
                }
                return new RawRow(parser.getCurrentLineNumber(), cells);
            } catch (UncheckedIOException e) {
                throw translate(e);
            } catch (IllegalStateException e) {
                throw fileProblem("body", "is not well-formed CSV after line " + parser.getCurrentLineNumber()
                        + ": " + e.getMessage().replaceAll("\\s+", " "));
            }
        }

        private ApiException translate(UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                return charsetProblem(charset);
            }
            return fileProblem("body", "could not be read: " + e.getCause().getMessage());
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException ignored) {
                // the request body is closed by the server
            }
        }
    }

    /** Maps one JSON object onto the columns; numbers keep their exact decimal text. */
    static RawRow fromObject(long line, JsonNode node) {
        if (!node.isObject()) {
            return new RawRow(line, null);
        }
        String[] cells = new String[Column.values().length];
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            Column c = Column.byHeader(field.getKey());
            if (c == null || field.getValue().isNull()) {
                continue;
            }
            JsonNode v = field.getValue();
            cells[c.ordinal()] = v.isNumber() ? number(v.decimalValue()) : v.isValueNode() ? v.asText() : v.toString();
        }
        return new RawRow(line, cells);
    }

    /** One element of an array read in a stream: what follows it (the next element, the closing ]) is not trailing. */
    private static final com.fasterxml.jackson.databind.ObjectReader ELEMENT = JSON.reader()
            .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** The exact decimal text; a number far out of any range keeps its exponent (1E+999999999 as plain text is 1 GB). */
    private static String number(java.math.BigDecimal d) {
        return StrictJson.inRange(d) ? d.toPlainString() : d.toString();
    }

    /** A JSON array of objects, read element by element with the streaming parser. */
    static final class JsonArray extends RowReader {
        private final JsonParser parser;
        private boolean started;

        JsonArray(Reader reader) {
            try {
                this.parser = JSON.getFactory().createParser(reader);
            } catch (IOException e) {
                throw fileProblem("body", "could not be read");
            }
        }

        @Override
        public RawRow next() {
            try {
                if (!started) {
                    started = true;
                    JsonToken first = parser.nextToken();
                    if (first == null) {
                        throw fileProblem("body", "is empty: expected a JSON array of enterprise rows");
                    }
                    if (first != JsonToken.START_ARRAY) {
                        throw fileProblem("body", "must be a JSON array of enterprise rows");
                    }
                }
                JsonToken t = parser.nextToken();
                if (t == null) {
                    throw fileProblem("body", "ends before the JSON array is closed");
                }
                if (t == JsonToken.END_ARRAY) {
                    if (parser.nextToken() != null) {
                        throw fileProblem("body", "has content after the closing ] on line " + parser.currentLocation().getLineNr());
                    }
                    return null;
                }
                long line = parser.currentLocation().getLineNr();
                JsonNode node = ELEMENT.readTree(parser);
                return fromObject(line, node);
            } catch (JsonProcessingException e) {
                long at = e.getLocation() != null ? e.getLocation().getLineNr() : parser.currentLocation().getLineNr();
                throw fileProblem("body", (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException
                        ? "exceeds a limit at line " : "is not well-formed JSON at line ") + at + ": "
                        + e.getOriginalMessage().replaceAll(",? ?\\(?from `[^`]*`\\)?", ""));
            } catch (IOException e) {
                if (e.getCause() instanceof CharacterCodingException || e instanceof CharacterCodingException) {
                    throw charsetProblem(StandardCharsets.UTF_8);
                }
                throw fileProblem("body", "could not be read: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                parser.close();
            } catch (IOException ignored) {
                // the request body is closed by the server
            }
        }
    }

    /** One JSON object per line; blank lines are skipped. */
    static final class NdJson extends RowReader {
        private final BufferedReader reader;
        private long line;
        private boolean any;

        NdJson(Reader reader) {
            this.reader = new BufferedReader(reader, 1 << 16);
        }

        @Override
        public RawRow next() {
            try {
                String text;
                do {
                    text = reader.readLine();
                    line++;
                } while (text != null && text.isBlank());
                if (text == null) {
                    if (!any) {
                        throw fileProblem("body", "is empty: expected one JSON object per line");
                    }
                    return null;
                }
                any = true;
                JsonNode node;
                try {
                    node = JSON.readTree(text);
                } catch (JsonProcessingException e) {
                    throw fileProblem("body", "line " + line + " is not a JSON object: "
                            + e.getOriginalMessage().replaceAll(",? ?\\(?from `[^`]*`\\)?", ""));
                }
                if (!node.isObject()) {
                    throw fileProblem("body", "line " + line + " is not a JSON object");
                }
                return fromObject(line, node);
            } catch (CharacterCodingException e) {
                throw charsetProblem(StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw fileProblem("body", "could not be read: " + e.getMessage());
            }
        }

        @Override
        public void close() {
            try {
                reader.close();
            } catch (IOException ignored) {
                // the request body is closed by the server
            }
        }
    }
}
