package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.SheetVisibility;
import org.dhatim.fastexcel.reader.Row;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.stream.Stream;

/**
 * The first visible sheet of an xlsx workbook, streamed row by row with FastExcel's reader (StAX over the zip entry; the
 * workbook is never built in memory). The body is first copied to a temporary file because a zip's directory is at
 * its end. Numbers read as Excel shows them (15 significant digits, and the scale of their number format: a cell
 * formatted {@code #,##0,} under a 千元 title shows, and is read as, thousands), text as it is, formulas by their cached
 * value.
 */
final class XlsxTable implements TableSource {
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
    /** Cell formats are read: a number's format may scale what Excel shows (see {@link #shown}). */
    private static final ReadingOptions WITH_FORMATS = new ReadingOptions(true, false);
    private final Path file;
    private final ReadableWorkbook workbook;
    private final Stream<Row> rows;
    private final Iterator<Row> it;
    private long row;
    private boolean[] numbers = new boolean[0];

    XlsxTable(InputStream body) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("rd-import-", ".xlsx");
            Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
            this.file = tmp;
            this.workbook = new ReadableWorkbook(tmp.toFile(), hasStyles(tmp) ? WITH_FORMATS : ReadingOptions.DEFAULT_READING_OPTIONS);
            // the first sheet an official sees: a hidden one before it (last year's list kept out of sight) is not read
            this.rows = workbook.getSheets().filter(s -> s.getVisibility() == SheetVisibility.VISIBLE).findFirst()
                    .orElse(workbook.getFirstSheet()).openStream();
            this.it = rows.iterator();
        } catch (IOException | RuntimeException e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort
                }
            }
            if (e instanceof ApiException a) {
                throw a;
            }
            // not e.getMessage(): it names the server's temporary file
            throw RowReader.fileProblem("body", FieldMessage.of("is not a readable xlsx workbook (cut short or damaged: "
                    + e.getClass().getSimpleName() + ")", "field.INVALID_FORMAT.xlsx-unreadable"));
        }
    }

    /**
     * Whether the package declares a styles part (optional in OOXML: a workbook some programs write has none, and
     * FastExcel's reader cannot read formats without it; then no cell has a format).
     */
    private static boolean hasStyles(Path xlsx) throws IOException {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            java.util.zip.ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types == null) {
                return false;
            }
            try (InputStream in = zip.getInputStream(types)) {
                // the declarations only: a few hundred bytes, bounded all the same
                String text = new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8);
                return text.contains("spreadsheetml.styles+xml");
            }
        }
    }

    @Override
    public String[] next() {
        Row r;
        try {
            if (!it.hasNext()) {
                return null;
            }
            r = it.next();
        } catch (RuntimeException e) {
            throw RowReader.fileProblem("body", FieldMessage.of("the sheet cannot be read after row " + row
                    + " (cut short or damaged: " + e.getClass().getSimpleName() + ")", "field.INVALID_FORMAT.xlsx-after-row", row));
        }
        row = r.getRowNum();
        int n = r.getCellCount();
        String[] cells = new String[n];
        if (numbers.length < n) {
            numbers = new boolean[n];
        }
        for (int i = 0; i < n; i++) {
            numbers[i] = false;
            Cell c = r.getCell(i);
            if (c == null) {
                continue;
            }
            switch (c.getType()) {
                case NUMBER -> {
                    cells[i] = number(shown(c.getRawValue(), c.getDataFormatString()));
                    numbers[i] = true;
                }
                case FORMULA -> {
                    if (c.getRawValue() == null) {
                        // no saved result at all (written by a program, never calculated): an empty cell would read as
                        // "required", or a 是否规上 left to the list's default. An empty saved result (=IF(D5="","",D5))
                        // is an empty cell.
                        throw RowReader.fileProblem("body", FieldMessage.of("cell " + c.getAddress() + " holds a formula ("
                                + c.getFormula() + ") without a saved result; open the workbook in Excel and save it, or send CSV",
                                "field.INVALID_FORMAT.xlsx-formula", c.getAddress().toString(), c.getFormula()));
                    }
                    cells[i] = c.getValue() instanceof BigDecimal ? number(shown(c.getRawValue(), c.getDataFormatString()))
                            : c.getRawValue();
                }
                case BOOLEAN -> cells[i] = Boolean.TRUE.equals(c.asBoolean()) ? "true" : "false";
                case STRING, ERROR -> cells[i] = c.getText();
                default -> cells[i] = c.getRawValue();
            }
        }
        return cells;
    }

    /**
     * The stored number {@code raw} scaled as its number format {@code format} shows it, exactly (no rounding): each
     * comma right after the format's last digit placeholder divides by 1,000 ({@code #,##0,} thousands, {@code 0.0,,}
     * millions), each {@code %} multiplies by 100. What Excel's own "Save as CSV" writes, so an xlsx and the CSV saved
     * from it read alike; a 千元 list whose yuan values are shown in thousands is read as thousands of yuan. The section
     * for negative numbers applies to them when the format has one; quoted text, {@code \x}, {@code _x}, {@code *x}
     * and {@code [..]} are literals. Source: ECMA-376 Part 1, 18.8.31 (numFmt), Excel's number format codes.
     */
    static String shown(String raw, String format) {
        if (raw == null || format == null || format.isEmpty()) {
            return raw;
        }
        String section = section(format, raw.strip().startsWith("-"));
        int lastPlaceholder = -1;
        int percents = 0;
        StringBuilder code = new StringBuilder(section.length());
        for (int i = 0; i < section.length(); i++) {
            char ch = section.charAt(i);
            switch (ch) {
                case '"' -> {
                    int end = section.indexOf('"', i + 1);
                    i = end < 0 ? section.length() : end;
                    code.append(' ');
                }
                case '\\', '_', '*' -> {
                    i++;
                    code.append(' ');
                }
                case '[' -> {
                    int end = section.indexOf(']', i + 1);
                    i = end < 0 ? section.length() : end;
                    code.append(' ');
                }
                default -> {
                    if (ch == '0' || ch == '#' || ch == '?') {
                        lastPlaceholder = code.length();
                    } else if (ch == '%') {
                        percents++;
                    }
                    code.append(ch);
                }
            }
        }
        int thousands = 0;
        for (int i = lastPlaceholder + 1; lastPlaceholder >= 0 && i < code.length() && code.charAt(i) == ','; i++) {
            thousands++;
        }
        if (thousands == 0 && percents == 0) {
            return raw;
        }
        try {
            BigDecimal d = new BigDecimal(raw.strip());
            if (Math.abs((long) d.scale()) > 40 || d.precision() > 40) {
                return raw;
            }
            return d.movePointLeft(3 * Math.min(thousands, 4)).movePointRight(2 * Math.min(percents, 4)).toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    /** The section of {@code format} for a number of that sign: the second for a negative one, when there is one. */
    private static String section(String format, boolean negative) {
        boolean quoted = false;
        int start = 0;
        int index = 0;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == '\\' && !quoted) {
                i++;
            } else if (ch == ';' && !quoted) {
                if (index == (negative ? 1 : 0)) {
                    return format.substring(start, i);
                }
                index++;
                start = i + 1;
            }
        }
        // the last section when it is the one asked for; else a negative number in a one-section format
        return index == (negative ? 1 : 0) ? format.substring(start) : format;
    }

    /** A number cell as Excel displays it (15 significant digits); an absurd exponent stays as written. */
    static String number(String raw) {
        if (raw == null) {
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(raw.trim());
            if (Math.abs((long) d.scale()) > 40 || d.precision() > 40) {
                return raw;
            }
            d = d.round(EXCEL_DIGITS).stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    @Override
    public long rowNumber() {
        return row;
    }

    @Override
    public boolean isNumber(int i) {
        return i < numbers.length && numbers[i];
    }

    @Override
    public void close() {
        try {
            rows.close();
            workbook.close();
        } catch (IOException | RuntimeException ignored) {
            // closing only
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }
}
