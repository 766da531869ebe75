package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Problem;

import java.util.ArrayList;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An uploaded table for an import other than the enterprise list (issue 18: the institutions' indicators), read by
 * the enterprise import's machinery and rules: xlsx (first sheet), CSV or tab-separated text in UTF-8, UTF-16 or
 * GBK/GB18030 ({@link TextDecoding}: BOM, then the charset label, else detected); headers named by the
 * {@code field} lines of {@code import/dictionary.tsv} for the given table, a trailing unit in brackets ignored
 * (or a JSON array or NDJSON of objects keyed so, read as the enterprise import reads them);
 * title rows above the header, blank rows and note rows below the data passed over (counted as skipped); a cell that
 * did not decode stops the file with a 400.
 *
 * <p>Shape: {@link #open} reads up to the header; {@link #next} gives each data row's cells by field (null: empty),
 * with {@link #rowNumber} the row Excel shows; {@link #info} tells what was understood, as the enterprise import does.
 */
public final class ImportTable implements AutoCloseable {
    private final TableSource source;
    private final String charsetName;
    private final String[] fieldOf;
    private final int keyColumn;
    private final ImportFile info;
    private long skipped;

    private ImportTable(TableSource source, String table, String keyField, List<String> required, String format,
                        String fileName, String charsetName, String encodingSource, String delimiter) {
        this.source = source;
        this.charsetName = charsetName;
        Map<String, List<String>> accepted = HeaderDictionary.STANDARD.accepted(table);
        List<String> titles = new ArrayList<>();
        String[] header = findHeader(table, keyField, accepted, titles);
        long headerRow = source.rowNumber();
        Columns columns = Columns.of(header, table, keyField, headerRow);
        requireColumns(required, columns.fieldOf(), header, headerRow, accepted);
        fieldOf = columns.fieldOf();
        keyColumn = columns.key();
        info = new ImportFile(format, fileName, charsetName, encodingSource, delimiter, headerRow,
                titles.isEmpty() ? null : String.join(" / ", titles), columns.mappings(),
                columns.ignored().isEmpty() ? null : columns.ignored(), null, null);
    }

    /**
     * Reads up to the header, the first of the first {@value TableReader#HEADER_SEARCH} rows naming {@code keyField},
     * adding each row above it to {@code titles} (its cells joined); 400 when the file is empty or no row names it.
     */
    private String[] findHeader(String table, String keyField, Map<String, List<String>> accepted, List<String> titles) {
        HeaderDictionary d = HeaderDictionary.STANDARD;
        String[] firstRead = null;
        for (int seen = 0; seen < TableReader.HEADER_SEARCH; seen++) {
            String[] row = TableReader.filled(source, charsetName);
            if (row == null) {
                break;
            }
            if (firstRead == null) {
                firstRead = row;
            }
            if (Arrays.stream(row).anyMatch(c -> keyField.equals(d.field(table, Cells.clean(c))))) {
                return row;
            }
            titles.add(String.join(" ", Arrays.stream(row).map(Cells::clean).filter(s -> s != null).toList()));
        }
        throw noHeader(firstRead, keyField, accepted);
    }

    /** 400: the file is empty, or none of its first rows (the first one read is shown) names {@code keyField}. */
    private static ApiException noHeader(String[] firstRead, String keyField, Map<String, List<String>> accepted) {
        if (firstRead == null) {
            return RowReader.empty("a header row and at least one record");
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("headerRead", cleaned(firstRead));
        ext.put("accepted", accepted);
        return new ApiException(400, "import-file", "The file cannot be read", "No header row found: none of the first "
                + TableReader.HEADER_SEARCH + " rows names the " + keyField + " column (" + String.join(" / ",
                accepted.getOrDefault(keyField, List.of(keyField))) + ")",
                List.of(new Problem.FieldError(keyField, FieldMessage.of("no header row names this column", "field.REQUIRED.header-row"))), ext);
    }

    /**
     * What the header's columns are: the table's field of each column (null: none), the key's column, the mapping
     * of each named header and the headers ignored.
     */
    private record Columns(String[] fieldOf, int key, List<ImportFile.Mapping> mappings, List<String> ignored) {
        /** Maps each header cell to its field; 400 when two cells name the same field. */
        static Columns of(String[] header, String table, String keyField, long headerRow) {
            String[] fieldOf = new String[header.length];
            int key = -1;
            List<ImportFile.Mapping> mappings = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            for (int i = 0; i < header.length; i++) {
                String h = Cells.clean(header[i]);
                String f = HeaderDictionary.STANDARD.field(table, h);
                if (f == null) {
                    if (h != null) {
                        ignored.add(h);
                    }
                    continue;
                }
                int before = Arrays.asList(fieldOf).indexOf(f);
                if (before >= 0) {
                    throw RowReader.columnTwice(f, headerRow, Cells.clean(header[before]), h);
                }
                fieldOf[i] = f;
                if (f.equals(keyField)) {
                    key = i;
                }
                mappings.add(new ImportFile.Mapping(h, f, null, null, null));
            }
            return new Columns(fieldOf, key, mappings, ignored);
        }
    }

    /** 400 listing every {@code required} field that no column of the header maps to. */
    private static void requireColumns(List<String> required, String[] fieldOf, String[] header, long headerRow,
                                       Map<String, List<String>> accepted) {
        List<Problem.FieldError> missing = new ArrayList<>();
        for (String f : required) {
            if (!Arrays.asList(fieldOf).contains(f)) {
                missing.add(TableReader.missingColumn(f, String.join(" / ", accepted.getOrDefault(f, List.of(f)))));
            }
        }
        if (!missing.isEmpty()) {
            throw TableReader.missingColumns(missing, headerRow, header, accepted);
        }
    }

    /**
     * Opens the upload as a table of {@code table}'s fields, reading up to its header: the first of the first
     * {@value TableReader#HEADER_SEARCH} rows naming {@code keyField}. 400 (import-file) when no header is found or a
     * {@code required} column is missing, naming the fields.
     */
    public static ImportTable open(ImportSource upload, ObjectMapper mapper, String table, String keyField, List<String> required) {
        if (upload.format == ImportSource.Format.JSON || upload.format == ImportSource.Format.NDJSON) {
            RowReader json = RowReader.json(upload, mapper, null);
            ImportFile read = json.info();
            try {
                return new ImportTable(new JsonRows(json, table), table, keyField, required, read.format(), upload.fileName,
                        read.encoding(), read.encodingSource(), null);
            } catch (RuntimeException e) {
                json.close();
                throw e;
            }
        }
        return RowReader.table(upload, (source, format, charset, encodingSource, delimiter) -> new ImportTable(source, table,
                keyField, required, format, upload.fileName, charset, encodingSource, delimiter));
    }

    /**
     * A JSON array (or NDJSON) of objects as a table: first a header row of the table's English field names, then
     * one row per element, its keys named as headers are (English or Chinese, see the dictionary); row numbers are
     * the elements' lines in the text.
     */
    private static final class JsonRows implements TableSource {
        private final RowReader json;
        private final String table;
        private final List<String> fields;
        private boolean headerGiven;
        private long records = -1;

        JsonRows(RowReader json, String table) {
            this.json = json;
            this.table = table;
            this.fields = List.copyOf(HeaderDictionary.STANDARD.accepted(table).keySet());
        }

        @Override
        public String[] next() {
            if (!headerGiven) {
                headerGiven = true;
                return fields.toArray(String[]::new);
            }
            JsonNode node = json.node();
            if (node == null) {
                return null;
            }
            records++;
            String[] cells = new String[fields.size()];
            if (!node.isObject()) {
                throw RowReader.fileProblem("body", RowReader.notAnObject(json.line()));
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String named = HeaderDictionary.STANDARD.field(table, field.getKey());
                int at = named == null ? -1 : fields.indexOf(named);
                if (at >= 0 && !field.getValue().isNull()) {
                    cells[at] = RowReader.cell(field.getValue());
                }
            }
            return cells;
        }

        @Override
        public long rowNumber() {
            return headerGiven ? json.line() : 0;
        }

        @Override
        public long recordIndex() {
            return records;
        }

        @Override
        public void close() {
            json.close();
        }
    }

    /** The next data row's cells by field (cleaned; an absent or empty cell is missing), or null at the end. */
    public Map<String, String> next() {
        while (true) {
            String[] row = TableReader.read(source);
            if (row == null) {
                return null;
            }
            checkDecoded(row);
            if (blank(row) || isNote(row)) {
                skipped++;
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(row.length, fieldOf.length); i++) {
                String v = Cells.clean(row[i]);
                if (fieldOf[i] != null && v != null) {
                    cells.put(fieldOf[i], v);
                }
            }
            return cells;
        }
    }

    /** A whole number cell as the enterprise import reads counts: NFKC, thousands separators and spaces dropped. */
    public static String number(String cell) {
        return cell == null ? null : Cells.number(cell);
    }

    /** The row number Excel shows for the row {@link #next} returned. */
    public long rowNumber() {
        return source.rowNumber();
    }

    /** The 0-based index of the record {@link #next} returned in a JSON upload (one line may hold them all); -1 in a table. */
    public long recordIndex() {
        return source.recordIndex();
    }

    /** Blank and note rows passed over so far. */
    public long skipped() {
        return skipped;
    }

    /** Format, encoding and its source, delimiter, header row, title and column mapping. */
    public ImportFile info() {
        return info;
    }

    @Override
    public void close() {
        source.close();
    }

    private boolean isNote(String[] row) {
        return TableReader.isNote(row, HeaderDictionary.STANDARD, keyColumn);
    }

    private void checkDecoded(String[] row) {
        TableReader.checkDecoded(row, source.rowNumber(), charsetName);
    }

    private static boolean blank(String[] row) {
        return TableReader.blank(row);
    }

    private static List<String> cleaned(String[] row) {
        return TableReader.cleaned(row);
    }
}
