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
    /** A unit row's cell under a column without a unit: a dash of any width, or a slash. */
    private static final java.util.regex.Pattern NO_UNIT = java.util.regex.Pattern.compile("[-‐‑‒–—―－/／]+");
    private final TableSource table;
    private final HeaderDictionary dictionary;
    private final String charsetName;
    private final int[] columnOf;
    private final BigDecimal[] factors;
    private final int width;
    private final int codeColumn;
    private final ImportFile info;
    /** By column: the index of an alternate header read when the primary one's cell is empty (a county's name), or -1. */
    private final int[] fallbackOf;
    /** By column: where its unit came from (header, title, default; "unit row" once one is read). */
    private final String[] unitSourceOf;
    private final List<ImportFile.Mapping> mappings;
    /** Until the first record: a 栏次 row or a unit row under the header is layout, not data. */
    private boolean beforeData = true;

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
        HeaderDictionary.UnitProblem[] unitProblems = new HeaderDictionary.UnitProblem[width];
        boolean[] primary = new boolean[Column.values().length];
        for (int i = 0; i < width; i++) {
            String h = Cells.clean(above.header()[i]);
            if (h != null && HeaderDictionary.key(h).equals("计量单位")) {
                // a unit per row: which money column it is for is not the import's guess, and read as yuan it is wrong
                throw fileProblem("body", FieldMessage.of("column '" + h + "' (row " + headerRow + ") gives a unit on each row,"
                        + " which the import cannot apply to a column; put the unit in the header (营业收入（千元）) and delete"
                        + " the column", "field.INVALID_VALUE.unit-column", h, headerRow));
            }
            try {
                matches[i] = dictionary.match(Cells.clean(above.header()[i]));
            } catch (HeaderDictionary.UnitProblem e) {
                unitProblems[i] = e;
            }
            if (matches[i] != null && !matches[i].alternate()) {
                primary[matches[i].column().ordinal()] = true;
            } else if (unitProblems[i] != null && !unitProblems[i].alternate) {
                primary[unitProblems[i].column.ordinal()] = true;
            }
        }
        for (int i = 0; i < width; i++) {
            // an unknown unit is a 400, unless in an alternate header that a primary one leaves unread anyway
            HeaderDictionary.UnitProblem e = unitProblems[i];
            if (e != null && !(e.alternate && primary[e.column.ordinal()])) {
                throw unknownUnit(Cells.clean(above.header()[i]), e, headerRow);
            }
        }
        this.fallbackOf = new int[Column.values().length];
        Arrays.fill(fallbackOf, -1);
        for (int i = 0; i < width; i++) {
            HeaderDictionary.Match m = matches[i];
            // an alternate header (a county's name beside its code column) is not read when a primary one is there,
            // except, for a text column, in a row whose primary cell is empty
            boolean shadowed = m != null && m.alternate() && primary[m.column().ordinal()];
            if (shadowed && m.column().kind == Column.Kind.TEXT && fallbackOf[m.column().ordinal()] < 0) {
                fallbackOf[m.column().ordinal()] = i;
            }
            columns.map(i, Cells.clean(above.header()[i]), shadowed ? null : m, above.titleUnits(), headerRow);
        }
        this.columnOf = columns.columnOf;
        this.unitSourceOf = columns.unitSourceOf;
        this.mappings = columns.mappings;
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
            for (Map.Entry<Column.Kind, HeaderDictionary.Unit> u : t.units().entrySet()) {
                HeaderDictionary.Unit earlier = titleUnits.putIfAbsent(u.getKey(), u.getValue());
                if (earlier != null && earlier.factor().compareTo(u.getValue().factor()) != 0) {
                    // two title rows, two units (千元 above, 万元 below): which one the figures are in is not the import's guess
                    throw fileProblem("body", FieldMessage.of("the title rows name two units, " + earlier.name() + " and "
                            + u.getValue().name() + " (row " + table.rowNumber() + "); keep the right one, or put the unit in"
                            + " the header (营业收入（千元）)", "field.INVALID_VALUE.title-units", earlier.name(), u.getValue().name(),
                            table.rowNumber()));
                }
            }
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
        final String[] unitSourceOf = new String[Column.values().length];
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
            unitSourceOf[c.ordinal()] = unitSource;
            if (u.factor().compareTo(BigDecimal.ONE) != 0) {
                factors[c.ordinal()] = u.factor();
            }
            mappings.add(new ImportFile.Mapping(h, c.field, u.name(), u.factor(), unitSource));
        }
    }

    /** 400 naming the column and the unit when its unit cannot be converted. */
    private ApiException unknownUnit(String h, HeaderDictionary.UnitProblem e, long headerRow) {
        String accepted = String.join(", ", dictionary.unitNames(e.column.kind));
        return new ApiException(400, "import-file", "The file cannot be read",
                "column '" + h + "' (" + e.column.field + ") is in '" + e.unit + "', which the import cannot convert; accepted: "
                        + accepted,
                List.of(new Problem.FieldError(e.column.field, FieldMessage.of("column '" + h + "' has the unknown unit '" + e.unit + "'",
                        "field.INVALID_VALUE.unit", h, e.unit, accepted), FieldCodes.INVALID_VALUE)),
                Map.of("line", headerRow, "column", h, "unit", e.unit));
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
                if (charsetName.equals("UTF-8")) {
                    throw fileProblem("body", FieldMessage.of("row " + rowNumber + " is not valid UTF-8 (a GBK file needs"
                            + " Content-Type: text/csv; charset=GBK)", "field.INVALID_FORMAT.charset-row", rowNumber, charsetName));
                }
                // GB18030 decodes nearly every byte sequence: what it cannot is a damaged file or another encoding
                String named = charsetName.equals("GB18030") ? "GB18030 (GBK)" : charsetName;
                throw fileProblem("body", FieldMessage.of("row " + rowNumber + " is not valid " + named + ": the file is"
                        + " damaged at that row, or is not in " + named + " at all (send it as UTF-8 or xlsx)",
                        "field.INVALID_FORMAT.charset-row-damaged", rowNumber, charsetName));
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
        for (String[] row = read(table); row != null; row = read(table)) {
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
            if (table instanceof CsvTable csv) { // Commons CSV's parse faults (a quote not closed) are IOExceptions
                throw notWellFormed(csv, e.getCause().getMessage());
            }
            throw fileProblem("body", FieldMessage.of("could not be read after row " + table.rowNumber() + ": "
                    + e.getCause().getMessage(), "field.INVALID_FORMAT.after-row", table.rowNumber()));
        } catch (IllegalStateException e) {
            if (table instanceof CsvTable csv) {
                throw notWellFormed(csv, e.getMessage());
            }
            throw fileProblem("body", FieldMessage.of("could not be read after row " + table.rowNumber() + ": "
                    + String.valueOf(e.getMessage()).replaceAll("\\s+", " "), "field.INVALID_FORMAT.after-row", table.rowNumber()));
        }
    }

    /** 400: the CSV text is not well-formed after the last row read (a quote not closed, most often). */
    private static ApiException notWellFormed(CsvTable csv, String reason) {
        return fileProblem("body", FieldMessage.of("is not well-formed CSV from row " + (csv.rowNumber() + 1) + " (text line "
                + csv.lineNumber() + "), most often a quote that is not closed: " + String.valueOf(reason).replaceAll("\\s+", " "),
                "field.INVALID_FORMAT.csv-after-row", csv.rowNumber() + 1, csv.lineNumber()));
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
            if (isNote(row) || beforeData && layoutRow(row)) {
                skipped++;
                continue;
            }
            beforeData = false;
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
            for (int c = 0; c < fallbackOf.length; c++) {
                if (fallbackOf[c] >= 0 && fallbackOf[c] < row.length && Cells.clean(cells[c]) == null) {
                    cells[c] = row[fallbackOf[c]];
                }
            }
            int beyond = -1;
            if (table instanceof CsvTable) { // in delimited text a cell beyond the header means the row's cells shifted
                for (int i = width; i < row.length && beyond < 0; i++) {
                    beyond = Cells.clean(row[i]) != null ? i : -1;
                }
            }
            return new RawRow(table.rowNumber(), cells, factors, numbers, beyond, beyond < 0 ? null : Cells.clean(row[beyond]), -1);
        }
    }

    /**
     * A row directly under the header that describes the columns rather than an enterprise: the bureau's 栏次 row
     * ({@code 甲, 乙, 丙, 丁, 1, 2}) or a unit row ({@code 计量单位, , , , 人, 千元}), whose units then apply to their
     * columns (unitSource "unit row"); a unit row contradicting a header's unit is a 400 naming the column.
     */
    private boolean layoutRow(String[] row) {
        String first = null;
        for (String cell : row) {
            first = first == null ? Cells.clean(cell) : first;
        }
        if (first != null && (first.equals("甲") || HeaderDictionary.key(first).equals("栏次"))) {
            return true;
        }
        HeaderDictionary.Unit[] found = new HeaderDictionary.Unit[Column.values().length];
        boolean any = false;
        for (int i = 0; i < Math.min(row.length, width); i++) {
            String v = Cells.clean(row[i]);
            if (v == null || dictionary.layoutLabel(v) || NO_UNIT.matcher(v).matches()) {
                continue; // blank, the row's label, or a dash under a column that has no unit (名称 —)
            }
            int c = columnOf[i];
            HeaderDictionary.Unit u = c < 0 ? null : dictionary.unit(Column.values()[c].kind, v);
            if (u == null) {
                if (c < 0 && dictionary.anyUnit(v)) {
                    continue; // the unit of a column the import does not read
                }
                return false;
            }
            found[c] = u;
            any = true;
        }
        if (!any) {
            return false;
        }
        for (Column c : Column.values()) {
            HeaderDictionary.Unit u = found[c.ordinal()];
            if (u != null) {
                applyUnitRow(c, u);
            }
        }
        return true;
    }

    private void applyUnitRow(Column c, HeaderDictionary.Unit u) {
        for (int m = 0; m < mappings.size(); m++) {
            ImportFile.Mapping mapping = mappings.get(m);
            if (!mapping.field().equals(c.field)) {
                continue;
            }
            if ("header".equals(unitSourceOf[c.ordinal()]) && mapping.factor().compareTo(u.factor()) != 0) {
                throw fileProblem(c.field, FieldMessage.of("column '" + mapping.column() + "' says " + mapping.unit()
                        + " but the unit row under the header (row " + table.rowNumber() + ") says " + u.name(),
                        "field.INVALID_VALUE.unit-row", mapping.column(), mapping.unit(), table.rowNumber(), u.name()));
            }
            factors[c.ordinal()] = u.factor().compareTo(BigDecimal.ONE) == 0 ? null : u.factor();
            unitSourceOf[c.ordinal()] = "unit row";
            mappings.set(m, new ImportFile.Mapping(mapping.column(), mapping.field(), u.name(), u.factor(), "unit row"));
        }
    }

    @Override
    public void close() {
        table.close();
    }
}
