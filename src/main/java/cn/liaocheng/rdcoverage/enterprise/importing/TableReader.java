package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.FieldCodes;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.Problem;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A table as officials keep it (CSV, tab-separated text or an xlsx sheet), read with these rules:
 * <ul>
 *   <li>the header is the first row (of the first {@value #HEADER_SEARCH} rows) with a cell naming the credit-code
 *   column; every non-empty row above it is a title row, which may give the year ({@code 2020年…}) and the units
 *   ({@code （单位：千元、人）});</li>
 *   <li>a unit in a header ({@code 营业收入（万元）}) wins over the title's, which wins over yuan and persons;</li>
 *   <li>rows whose cells are all empty (also rows of separators only, {@code ,,,,}) are skipped, and so are rows
 *   whose credit-code cell is empty and whose first cell starts with a note word ({@code 注：}, {@code 合计}, …);
 *   both are counted as {@code skipped};</li>
 *   <li>headers the dictionary does not know, and empty trailing columns, are not read;</li>
 *   <li>a cell holding bytes that did not decode (U+FFFD) stops the file with a 400 naming its row.</li>
 * </ul>
 */
final class TableReader extends RowReader {
    static final int HEADER_SEARCH = 30;
    private final TableSource table;
    private final HeaderDictionary dictionary;
    private final String charsetName;
    private final int[] columnOf;
    private final BigDecimal[] factors;
    private final int width;
    private final int codeColumn;
    private final ImportFile info;

    TableReader(TableSource table, HeaderDictionary dictionary, String format, String fileName, String charsetName,
                String encodingSource, String delimiter, Integer queryYear) {
        this.table = table;
        this.dictionary = dictionary;
        this.charsetName = charsetName;
        Preamble above = preamble();
        long headerRow = table.rowNumber();
        this.width = above.header().length;
        Columns columns = new Columns(width);
        HeaderDictionary.Match[] matches = new HeaderDictionary.Match[width];
        boolean[] primary = new boolean[Column.values().length];
        for (int i = 0; i < width; i++) {
            matches[i] = match(Cells.clean(above.header()[i]), headerRow);
            if (matches[i] != null && !matches[i].alternate()) {
                primary[matches[i].column().ordinal()] = true;
            }
        }
        for (int i = 0; i < width; i++) {
            HeaderDictionary.Match m = matches[i];
            // an alternate header (a county's name beside its code column) is not read when a primary one is there
            columns.map(i, Cells.clean(above.header()[i]), m != null && m.alternate() && primary[m.column().ordinal()] ? null : m,
                    above.titleUnits(), headerRow);
        }
        this.columnOf = columns.columnOf;
        this.factors = columns.factors;
        this.codeColumn = columns.code;
        Integer year = queryYear != null ? queryYear : above.titleYear();
        String yearSource = queryYear != null ? "query" : above.titleYear() != null ? "title" : null;
        requireColumns(columns.seen, year, headerRow, above.header());
        if (columns.seen[Column.YEAR.ordinal()]) {
            yearSource = year == null ? "column" : "column, else " + yearSource;
        }
        List<String> titles = above.titles();
        this.info = new ImportFile(format, fileName, charsetName, encodingSource, delimiter, headerRow,
                titles.isEmpty() ? null : String.join(" / ", titles), columns.mappings,
                columns.ignored.isEmpty() ? null : columns.ignored, year, yearSource);
    }

    /** The header row and the title rows above it, with the year and the units the titles name. */
    private record Preamble(String[] header, List<String> titles, Integer titleYear,
                            Map<Column.Kind, HeaderDictionary.Unit> titleUnits) {
    }

    /** Reads up to the header (the first row naming the credit-code column); 400 when none of the first rows does. */
    private Preamble preamble() {
        List<String> titles = new ArrayList<>();
        String[] firstRead = null;
        Integer titleYear = null;
        Map<Column.Kind, HeaderDictionary.Unit> titleUnits = new LinkedHashMap<>();
        for (int seen = 0; seen < HEADER_SEARCH; seen++) {
            String[] row = filled(table, charsetName);
            if (row == null) {
                break;
            }
            firstRead = firstRead == null ? row : firstRead;
            if (namesCreditCode(row)) {
                return new Preamble(row, titles, titleYear, titleUnits);
            }
            String text = String.join(" ", Arrays.stream(row).map(Cells::clean).filter(s -> s != null).toList());
            titles.add(text);
            HeaderDictionary.Title t = dictionary.title(text);
            titleYear = titleYear == null ? t.year() : titleYear;
            t.units().forEach(titleUnits::putIfAbsent);
        }
        throw noHeader(firstRead);
    }

    /** What each header cell maps to: the column, the unit's factor (header, else title, else the default unit). */
    private final class Columns {
        final int[] columnOf;
        final BigDecimal[] factors = new BigDecimal[Column.values().length];
        final boolean[] seen = new boolean[Column.values().length];
        final List<ImportFile.Mapping> mappings = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();
        int code = -1;

        Columns(int width) {
            columnOf = new int[width];
        }

        private final String[] headerOf = new String[Column.values().length];

        void map(int i, String h, HeaderDictionary.Match m, Map<Column.Kind, HeaderDictionary.Unit> titleUnits, long headerRow) {
            if (m == null) {
                columnOf[i] = -1;
                if (h != null) {
                    ignored.add(h);
                }
                return;
            }
            Column c = m.column();
            if (seen[c.ordinal()]) {
                throw RowReader.columnTwice(c.field, headerRow, headerOf[c.ordinal()], h);
            }
            seen[c.ordinal()] = true;
            headerOf[c.ordinal()] = h;
            columnOf[i] = c.ordinal();
            code = c == Column.CREDIT_CODE ? i : code;
            if (c.kind == Column.Kind.TEXT) {
                mappings.add(new ImportFile.Mapping(h, c.field, null, null, null));
                return;
            }
            HeaderDictionary.Unit u = m.unit() != null ? m.unit() : titleUnits.get(c.kind);
            String unitSource = m.unit() != null ? "header" : u != null ? "title" : "default";
            u = u != null ? u : dictionary.defaultUnit(c.kind);
            if (u.factor().compareTo(BigDecimal.ONE) != 0) {
                factors[c.ordinal()] = u.factor();
            }
            mappings.add(new ImportFile.Mapping(h, c.field, u.name(), u.factor(), unitSource));
        }
    }

    /** The column a header names, or null; 400 naming the column and the unit when its unit cannot be converted. */
    private HeaderDictionary.Match match(String h, long headerRow) {
        try {
            return dictionary.match(h);
        } catch (HeaderDictionary.UnitProblem e) {
            String accepted = String.join(", ", dictionary.unitNames(e.column.kind));
            throw new ApiException(400, "import-file", "The file cannot be read",
                    "column '" + h + "' (" + e.column.field + ") is in '" + e.unit + "', which the import cannot convert; accepted: "
                            + accepted,
                    List.of(new Problem.FieldError(e.column.field, FieldMessage.of("column '" + h + "' has the unknown unit '" + e.unit + "'",
                            "field.INVALID_VALUE.unit", h, e.unit, accepted), FieldCodes.INVALID_VALUE)),
                    Map.of("line", headerRow, "column", h, "unit", e.unit));
        }
    }

    /** 400 listing every required column the header lacks (and the year, when neither a column, the query nor a title gives it). */
    private void requireColumns(boolean[] seenColumn, Integer year, long headerRow, String[] header) {
        List<Problem.FieldError> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (c.required && !seenColumn[c.ordinal()]) {
                missing.add(missingColumn(c.field, String.join(" / ", dictionary.accepted().get(c.field))));
            }
        }
        if (!seenColumn[Column.YEAR.ordinal()] && year == null) {
            missing.add(new Problem.FieldError(Column.YEAR.field, FieldMessage.of("no year: add a 年度 column, send ?year=, or name it in a title row (2024年…)",
                    "field.REQUIRED.import-year")));
        }
        if (!missing.isEmpty()) {
            throw missingColumns(missing, headerRow, header, dictionary.accepted());
        }
    }

    /** A required column that the header lacks, with the header names it is {@code accepted} under. */
    static Problem.FieldError missingColumn(String field, String accepted) {
        return new Problem.FieldError(field, FieldMessage.of("required column is missing from the header; accepted: "
                + accepted, "field.REQUIRED.column", accepted));
    }

    /** 400 (import-file) listing the {@code missing} columns, with the header read and the names each field is accepted under. */
    static ApiException missingColumns(List<Problem.FieldError> missing, long headerRow, String[] header,
                                       Map<String, List<String>> accepted) {
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("line", headerRow);
        ext.put("headerRead", cleaned(header));
        ext.put("accepted", accepted);
        return new ApiException(400, "import-file", "The file cannot be read",
                "Required columns are missing from the header (row " + headerRow + "): "
                        + String.join(", ", missing.stream().map(Problem.FieldError::field).toList()), missing, ext);
    }

    private boolean namesCreditCode(String[] row) {
        for (String cell : row) {
            try {
                HeaderDictionary.Match m = dictionary.match(Cells.clean(cell));
                if (m != null && m.column() == Column.CREDIT_CODE) {
                    return true;
                }
            } catch (HeaderDictionary.UnitProblem ignored) {
                // not the credit code
            }
        }
        return false;
    }

    private ApiException noHeader(String[] firstRead) {
        if (firstRead == null) {
            return RowReader.empty("a header row and at least one record");
        }
        Map<String, Object> ext = new LinkedHashMap<>();
        ext.put("headerRead", firstRead == null ? List.of() : cleaned(firstRead));
        ext.put("accepted", dictionary.accepted());
        return new ApiException(400, "import-file", "The file cannot be read",
                "No header row found: none of the first " + HEADER_SEARCH + " rows names the credit-code column ("
                        + String.join(" / ", dictionary.accepted().get(Column.CREDIT_CODE.field)) + "); first row read: "
                        + (firstRead == null ? "(none)" : String.join(",", cleaned(firstRead))),
                List.of(new Problem.FieldError(Column.CREDIT_CODE.field, FieldMessage.of("no header row names this column",
                        "field.REQUIRED.header-row"))), ext);
    }

    static List<String> cleaned(String[] row) {
        List<String> out = new ArrayList<>();
        for (String s : row) {
            String c = Cells.clean(s);
            out.add(c == null ? "" : c);
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    static boolean blank(String[] row) {
        for (String s : row) {
            if (s != null && !s.isEmpty() && Cells.clean(s) != null) {
                return false;
            }
        }
        return true;
    }

    private void checkDecoded(String[] row) {
        checkDecoded(row, table.rowNumber(), charsetName);
    }

    /** A cell holding bytes that did not decode (U+FFFD) stops the file with a 400 naming its row. */
    static void checkDecoded(String[] row, long rowNumber, String charsetName) {
        for (String s : row) {
            if (s != null && s.indexOf('\uFFFD') >= 0) {
                throw fileProblem("body", FieldMessage.of("row " + rowNumber + " is not valid " + charsetName
                        + (charsetName.equals("UTF-8") ? " (a GBK file needs Content-Type: text/csv; charset=GBK)"
                        : " (send the file's charset in Content-Type, e.g. text/csv; charset=UTF-8)"),
                        "field.INVALID_FORMAT.charset-row", rowNumber, charsetName));
            }
        }
    }

    /**
     * A row below the data holding a note: its first non-empty cell starts with a note word (注：, 合计, …) and its
     * credit-code cell is empty or is that cell (no credit code starts with a note word).
     */
    private boolean isNote(String[] row) {
        return isNote(row, dictionary, codeColumn);
    }

    /** {@link #isNote(String[])} for a table whose key column (credit code, institution id) is {@code keyColumn}. */
    static boolean isNote(String[] row, HeaderDictionary dictionary, int keyColumn) {
        for (int i = 0; i < row.length; i++) {
            String first = Cells.clean(row[i]);
            if (first != null) {
                return dictionary.isNote(first)
                        && (i == keyColumn || keyColumn >= row.length || Cells.clean(row[keyColumn]) == null);
            }
        }
        return false;
    }

    /** The next row that is not blank (its cells checked for bytes that did not decode), or null at the end. */
    static String[] filled(TableSource table, String charsetName) {
        for (String[] row = table.next(); row != null; row = table.next()) {
            checkDecoded(row, table.rowNumber(), charsetName);
            if (!blank(row)) {
                return row;
            }
        }
        return null;
    }

    /** The table's next row, or null at the end; a read or CSV fault is a 400 naming the row (and the text line). */
    static String[] read(TableSource table) {
        try {
            return table.next();
        } catch (java.io.UncheckedIOException e) {
            throw fileProblem("body", FieldMessage.of("could not be read after row " + table.rowNumber() + ": "
                    + e.getCause().getMessage(), "field.INVALID_FORMAT.after-row", table.rowNumber()));
        } catch (IllegalStateException e) {
            throw fileProblem("body", FieldMessage.of("is not well-formed CSV after row " + table.rowNumber()
                    + (table instanceof CsvTable csv ? " (line " + csv.lineNumber() + ")" : "") + ": "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), "field.INVALID_FORMAT.csv-after-row", table.rowNumber()));
        }
    }

    @Override
    ImportFile info() {
        return info;
    }

    @Override
    public RawRow next() {
        while (true) {
            String[] row = read(table);
            if (row == null) {
                return null;
            }
            checkDecoded(row);
            if (blank(row)) {
                skipped++;
                continue;
            }
            if (isNote(row)) {
                skipped++;
                continue;
            }
            String[] cells = new String[Column.values().length];
            int numbers = 0;
            int n = Math.min(row.length, width);
            for (int i = 0; i < n; i++) {
                int c = columnOf[i];
                if (c >= 0) {
                    cells[c] = row[i];
                    if (table.isNumber(i)) {
                        numbers |= 1 << c;
                    }
                }
            }
            return new RawRow(table.rowNumber(), cells, factors, numbers);
        }
    }

    @Override
    public void close() {
        table.close();
    }
}
