package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.Problem;
import cn.liaocheng.rdcoverage.common.StrictJson;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Streams records out of the uploaded file, one at a time; never the whole file in memory. Tables (CSV,
 * tab-separated text, the first sheet of an xlsx) go through {@link TableReader}; JSON arrays and NDJSON are read
 * with the application's {@link ObjectMapper} (its factory, so the service's stream-read constraints apply here too).
 */
public abstract class RowReader implements AutoCloseable {
    @Override
    public abstract void close();

    /** Blank and note rows passed over so far (written by the reading thread; read after its last chunk). */
    volatile long skipped;

    /** The next record, or null at the end. A file-level fault is a 400 naming the line. */
    public abstract RawRow next();

    /** JSON and NDJSON: the next element as read (before any mapping onto columns), or null at the end. */
    JsonNode node() {
        throw new UnsupportedOperationException("not a JSON reader");
    }

    /** JSON and NDJSON: the line of the element {@link #node} returned last. */
    long line() {
        throw new UnsupportedOperationException("not a JSON reader");
    }

    /** A JSON value as cell text: numbers keep their exact decimal text, other values their text or JSON. */
    static String cell(JsonNode v) {
        return v.isNumber() ? number(v.decimalValue()) : v.isValueNode() ? v.asText() : v.toString();
    }

    /** What was understood of the file (format, encoding, header mapping, year). */
    abstract ImportFile info();

    long skipped() {
        return skipped;
    }

    public static RowReader open(ImportSource source, ObjectMapper mapper, Integer queryYear) {
        return switch (source.format) {
            case XLSX, CSV, TSV -> table(source, (table, format, charset, encodingSource, delimiter) -> new TableReader(table,
                    HeaderDictionary.STANDARD, format, source.fileName, charset, encodingSource, delimiter, queryYear));
            case JSON, NDJSON -> json(source, mapper, queryYear);
        };
    }

    /** A JSON array or NDJSON upload, element by element (strict decoding: a byte that does not decode is a 400). */
    static RowReader json(ImportSource source, ObjectMapper mapper, Integer queryYear) {
        return switch (source.format) {
            case XLSX, CSV, TSV -> throw new IllegalArgumentException(source.format + " is not JSON");
            case JSON, NDJSON -> {
                TextDecoding.Decoded text = TextDecoding.open(source.body, source.charsetLabel, false);
                ImportFile info = new ImportFile(source.format == ImportSource.Format.JSON ? "json" : "ndjson", source.fileName,
                        text.charset().name(), text.source(), null, null, null, null, null, queryYear,
                        queryYear == null ? "rows" : "rows, else query");
                ObjectReader json = mapper.reader().with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
                yield source.format == ImportSource.Format.JSON
                        ? new JsonArray(text.reader(), mapper,
                                // an element read from the stream: what follows it (the next element, the closing ]) is not trailing
                                json.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS), info, text.charset())
                        : new NdJson(text.reader(), json, info, text.charset());
            }
        };
    }

    /** What reads a table once it is open: the table, its format (xlsx, csv, tsv), charset, encoding source and delimiter. */
    interface TableOpener<T> {
        T open(TableSource table, String format, String charsetName, String encodingSource, String delimiter);
    }

    /**
     * Opens an xlsx (first sheet), CSV or tab-separated upload as a table (text decoded by {@link TextDecoding}) and
     * hands it to {@code opener}; the table is closed when the opener fails.
     */
    static <T> T table(ImportSource source, TableOpener<T> opener) {
        TableSource table;
        String format;
        String charset = null;
        String encodingSource = null;
        String delimiterName = null;
        if (source.format == ImportSource.Format.XLSX) {
            table = new XlsxTable(source.body);
            format = "xlsx";
        } else if (source.format == ImportSource.Format.CSV || source.format == ImportSource.Format.TSV) {
            TextDecoding.Decoded text = TextDecoding.open(source.body, source.charsetLabel, true);
            BufferedReader reader = (BufferedReader) text.reader();
            char delimiter = source.format == ImportSource.Format.TSV ? '\t' : CsvTable.delimiter(reader);
            table = new CsvTable(reader, delimiter);
            format = delimiter == '\t' ? "tsv" : "csv";
            charset = text.charset().name();
            encodingSource = text.source();
            delimiterName = delimiter == '\t' ? "tab" : "comma";
        } else {
            throw ImportSource.unsupported("JSON is not accepted by this import", "json");
        }
        try {
            return opener.open(table, format, charset, encodingSource, delimiterName);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
    }

    /**
     * 400 {@code import-file}: the file cannot be read at all; the message in both languages and its key's code (see
     * {@link FieldMessage#code}), so that the Chinese detail is as specific as the English one.
     */
    static ApiException fileProblem(String field, FieldMessage message) {
        return new ApiException(400, "import-file", "The file cannot be read",
                field + ": " + message.english(), List.of(new Problem.FieldError(field, message, message.code())), null);
    }

    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern.compile("Duplicate field '([^']*)'");

    /** JSON that Jackson cannot read at a line: a repeated key named (in both languages), a limit, or a syntax error. */
    static FieldMessage jsonProblem(JsonProcessingException e, long line) {
        String reason = e.getOriginalMessage().replaceAll(",? ?\\(?from `[^`]*`\\)?", "");
        java.util.regex.Matcher duplicate = DUPLICATE_KEY.matcher(reason);
        if (duplicate.find()) {
            return FieldMessage.of("line " + line + " repeats the key '" + duplicate.group(1) + "'", "field.DUPLICATE.json-key",
                    line, duplicate.group(1));
        }
        if (e instanceof com.fasterxml.jackson.core.exc.StreamConstraintsException) {
            return FieldMessage.of("exceeds a limit at line " + line + ": " + reason, "field.TOO_LONG.json-limit", line);
        }
        return FieldMessage.of("is not well-formed JSON at line " + line + ": " + reason, "field.INVALID_FORMAT.json-line", line);
    }

    /** A line of NDJSON (or an item of a JSON array) that is not an object. */
    static FieldMessage notAnObject(long line) {
        return FieldMessage.of("line " + line + " is not a JSON object", "field.INVALID_FORMAT.ndjson-line", line);
    }

    /** 400: the body failed to read part-way (not a charset fault), with the reader's reason. */
    static ApiException unreadable(IOException e) {
        return fileProblem("body", FieldMessage.of("could not be read: " + e.getMessage(), "field.INVALID_FORMAT.unreadable"));
    }

    /** An upload that holds nothing but (at most) a header. */
    static ApiException empty(String expected) {
        return fileProblem("body", FieldMessage.of("is empty: expected " + expected, "field.REQUIRED.no-content"));
    }

    static ApiException charsetProblem(Charset charset) {
        return fileProblem("body", FieldMessage.of("is not valid " + charset.name()
                + (charset == StandardCharsets.UTF_8 ? "; a GBK file needs Content-Type: text/csv; charset=GBK" : ""),
                "field.INVALID_FORMAT.charset", charset.name()));
    }

    /** A column mapped twice: two headers that mean the same field. */
    /** 400: two header cells name the same field ({@code 营业收入（千元）} and {@code 营业收入（万元）}); both are named. */
    static ApiException columnTwice(String field, long headerRow, String first, String second) {
        return fileProblem(field, FieldMessage.of("column appears twice in the header (row " + headerRow + "): '" + first
                + "' and '" + second + "' both name " + field + "; keep one", "field.DUPLICATE.column", headerRow, first, second));
    }

    /** Maps one JSON object, the {@code index}-th record, onto the columns; numbers keep their exact decimal text. */
    static RawRow fromObject(long line, long index, JsonNode node) {
        if (!node.isObject()) {
            return new RawRow(line, null, null, 0, -1, null, index);
        }
        String[] cells = new String[Column.values().length];
        String[] keyOf = new String[Column.values().length];
        int numbers = 0;
        boolean[] alternateOf = new boolean[Column.values().length];
        BigDecimal[] factors = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            HeaderDictionary.Match m;
            try {
                m = HeaderDictionary.STANDARD.match(field.getKey());
            } catch (HeaderDictionary.UnitProblem e) {
                throw fileProblem(e.column.field, FieldMessage.of("line " + line + ": key '" + field.getKey() + "' has the unknown unit '"
                        + e.unit + "'", "field.INVALID_VALUE.json-unit", line, field.getKey(), e.unit));
            }
            if (m == null || field.getValue().isNull()) {
                continue;
            }
            Column c = m.column();
            String earlier = keyOf[c.ordinal()];
            if (earlier != null) {
                // as in a table: an alternate key (主营业务收入) gives way to a primary one (营业收入); two of a kind are a 400
                if (m.alternate() && !alternateOf[c.ordinal()]) {
                    continue;
                }
                if (m.alternate() == alternateOf[c.ordinal()]) {
                    throw fileProblem(c.field, FieldMessage.of("line " + line + ": keys '" + earlier + "' and '" + field.getKey()
                            + "' both name " + c.field + "; keep one", "field.DUPLICATE.json-synonym", line, earlier, field.getKey()));
                }
            }
            keyOf[c.ordinal()] = field.getKey();
            alternateOf[c.ordinal()] = m.alternate();
            if (factors != null) {
                factors[c.ordinal()] = null;
            }
            if (m.unit() != null && m.unit().factor().compareTo(BigDecimal.ONE) != 0) {
                if (factors == null) {
                    factors = new BigDecimal[Column.values().length];
                }
                factors[c.ordinal()] = m.unit().factor();
            }
            cells[c.ordinal()] = cell(field.getValue());
            if (c.kind != Column.Kind.TEXT) { // a JSON number is exact, whatever its notation (1e3, 1E+999999999)
                numbers = field.getValue().isNumber() ? numbers | 1 << c.ordinal() : numbers & ~(1 << c.ordinal());
            }
        }
        return new RawRow(line, cells, factors, numbers, -1, null, index);
    }

    /** The exact decimal text; a number far out of any range keeps its exponent (1E+999999999 as plain text is 1 GB). */
    private static String number(java.math.BigDecimal d) {
        return StrictJson.inRange(d) ? d.toPlainString() : d.toString();
    }

    /**
     * A JSON upload (array or NDJSON): what the two readers share — the element reader, what was understood of the
     * file, its charset and the line of the element read last; a record is that element mapped onto the columns.
     */
    abstract static class JsonElements extends RowReader {
        private final java.io.Closeable input;
        final ObjectReader json;
        final ImportFile info;
        final Charset charset;
        /** The line of the element {@link #node} returned last (NDJSON: the line read last). */
        long line;
        /** How many records were returned so far: the 0-based index of the next. */
        private long records;

        JsonElements(java.io.Closeable input, ObjectReader json, ImportFile info, Charset charset) {
            this.input = input;
            this.json = json;
            this.info = info;
            this.charset = charset;
        }

        @Override
        final ImportFile info() {
            return info;
        }

        @Override
        public final RawRow next() {
            JsonNode node = node();
            return node == null ? null : fromObject(line, records++, node);
        }

        @Override
        abstract JsonNode node();

        @Override
        final long line() {
            return line;
        }

        @Override
        public final void close() {
            try {
                input.close();
            } catch (IOException ignored) {
                // the request body is closed by the server
            }
        }
    }

    /** A JSON array of objects, read element by element with the streaming parser. */
    static final class JsonArray extends JsonElements {
        private final JsonParser parser;
        private boolean started;

        JsonArray(Reader reader, ObjectMapper mapper, ObjectReader json, ImportFile info, Charset charset) {
            this(parser(reader, mapper), json, info, charset);
        }

        private JsonArray(JsonParser parser, ObjectReader json, ImportFile info, Charset charset) {
            super(parser, json, info, charset);
            this.parser = parser;
        }

        private static JsonParser parser(Reader reader, ObjectMapper mapper) {
            try {
                return mapper.getFactory().createParser(reader);
            } catch (IOException e) {
                throw fileProblem("body", FieldMessage.of("could not be read", "field.INVALID_FORMAT.unreadable"));
            }
        }

        @Override
        JsonNode node() {
            try {
                if (!started) {
                    started = true;
                    JsonToken first = parser.nextToken();
                    if (first == null) {
                        throw empty("a JSON array of rows (objects)");
                    }
                    if (first != JsonToken.START_ARRAY) {
                        throw fileProblem("body", FieldMessage.of("must be a JSON array of rows (objects)", "field.INVALID_FORMAT.json-array"));
                    }
                }
                JsonToken t = parser.nextToken();
                if (t == null) {
                    throw fileProblem("body", FieldMessage.of("ends before the JSON array is closed", "field.INVALID_FORMAT.json-unclosed"));
                }
                if (t == JsonToken.END_ARRAY) {
                    if (parser.nextToken() != null) {
                        long at = parser.currentLocation().getLineNr();
                        throw fileProblem("body", FieldMessage.of("has content after the closing ] on line " + at,
                                "field.INVALID_FORMAT.json-trailing", at));
                    }
                    return null;
                }
                line = parser.currentLocation().getLineNr();
                return json.readTree(parser);
            } catch (JsonProcessingException e) {
                long at = e.getLocation() != null ? e.getLocation().getLineNr() : parser.currentLocation().getLineNr();
                throw fileProblem("body", jsonProblem(e, at));
            } catch (IOException e) {
                if (e.getCause() instanceof CharacterCodingException || e instanceof CharacterCodingException) {
                    throw charsetProblem(charset);
                }
                throw unreadable(e);
            }
        }
    }

    /** One JSON object per line; blank lines are skipped. */
    static final class NdJson extends JsonElements {
        private final BufferedReader reader;
        private boolean any;

        NdJson(Reader reader, ObjectReader json, ImportFile info, Charset charset) {
            this(new BufferedReader(reader, 1 << 16), json, info, charset);
        }

        private NdJson(BufferedReader reader, ObjectReader json, ImportFile info, Charset charset) {
            super(reader, json, info, charset);
            this.reader = reader;
        }

        @Override
        JsonNode node() {
            try {
                String text;
                do {
                    text = reader.readLine();
                    line++;
                } while (text != null && text.isBlank());
                if (text == null) {
                    if (!any) {
                        throw empty("one JSON object per line");
                    }
                    return null;
                }
                any = true;
                JsonNode node;
                try {
                    node = json.readTree(text);
                } catch (JsonProcessingException e) {
                    throw fileProblem("body", jsonProblem(e, line));
                }
                if (!node.isObject()) {
                    throw fileProblem("body", notAnObject(line));
                }
                return node;
            } catch (CharacterCodingException e) {
                throw fileProblem("body", FieldMessage.of("line " + (line + 1) + " is not valid " + charset.name(),
                        "field.INVALID_FORMAT.charset-row", line + 1, charset.name()));
            } catch (IOException e) {
                throw unreadable(e);
            }
        }
    }
}
