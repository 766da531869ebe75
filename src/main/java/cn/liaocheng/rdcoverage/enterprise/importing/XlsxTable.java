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
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
    /** The formats of this workbook's cells, each read once. */
    private final java.util.Map<String, Scaling> scalings = new java.util.HashMap<>();

    XlsxTable(InputStream body) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("rd-import-", ".xlsx");
            Files.copy(body, tmp, StandardCopyOption.REPLACE_EXISTING);
            this.file = tmp;
            this.workbook = open(tmp);
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
     * The workbook with its cell formats; without them when they cannot be read (the styles part is optional in OOXML
     * and some programs write none, or a damaged one): then numbers read as stored, as before formats were read.
     */
    private static ReadableWorkbook open(Path xlsx) throws IOException {
        if (declaresStyles(xlsx)) {
            try {
                return new ReadableWorkbook(xlsx.toFile(), WITH_FORMATS);
            } catch (IOException | RuntimeException e) {
                // a damaged styles part: read without formats (the reader it opened is left to the collector)
            }
        }
        return new ReadableWorkbook(xlsx.toFile(), ReadingOptions.DEFAULT_READING_OPTIONS);
    }

    /**
     * Whether the package's content types declare a styles part (the common case of none is told before FastExcel
     * opens it); true when that cannot be told, so that the reader decides.
     */
    private static boolean declaresStyles(Path xlsx) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(xlsx.toFile())) {
            java.util.zip.ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types == null) {
                return true;
            }
            try (InputStream in = zip.getInputStream(types)) {
                return new String(in.readNBytes(1 << 20), java.nio.charset.StandardCharsets.UTF_8).contains("spreadsheetml.styles+xml");
            }
        } catch (IOException | RuntimeException e) {
            return true;
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
                    cells[i] = number(shown(c.getRawValue(), scaling(c.getDataFormatString())));
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
                    cells[i] = c.getValue() instanceof BigDecimal ? number(shown(c.getRawValue(), scaling(c.getDataFormatString())))
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
     * The stored number {@code raw} as its number format ({@code scaling}, read from the format once) shows it, at full precision (the stored digits,
     * not rounded to the shown decimals): each comma right after the format's last digit placeholder divides by 1,000
     * ({@code #,##0,} thousands, {@code 0.0,,} millions), each {@code %} multiplies by 100, and a literal decimal point
     * ({@code 0!.0000"万"}, {@code 0"."0,"万"}: the Chinese way to show 万 without a real decimal point) divides by 10
     * per digit placeholder after it. The section of the format that applies is Excel's: by its condition
     * ({@code [>=1000000]0.0,,"M";[>=1000]0.0,"K";0}) when the format has conditions, else the second for a negative
     * number when there is one. Quoted text, {@code \x}, {@code !x}, {@code _x}, {@code *x} and other {@code [..]}
     * are literals. A 千元 list whose yuan values are shown in thousands so reads as thousands of yuan, as an official
     * sees it. Source: ECMA-376 Part 1, 18.8.30-31 (numFmt); Excel's number format codes.
     */
    private static String shown(String raw, Scaling scaling) {
        if (raw == null || scaling == Scaling.NONE) {
            return raw;
        }
        BigDecimal value;
        try {
            value = new BigDecimal(raw.strip());
        } catch (NumberFormatException e) {
            return raw;
        }
        if (Math.abs((long) value.scale()) > 40 || value.precision() > 40) {
            return raw;
        }
        Part part = scaling.part(value);
        return part == null || part.pointsLeft() == 0 ? raw : value.movePointLeft(part.pointsLeft()).toPlainString();
    }

    /** A section of a number format: its condition ({@code [>=1000]}; null operator: none) and its scale. */
    private record Part(String operator, BigDecimal bound, int pointsLeft) {
    }

    /**
     * A number format as it scales what it shows, read once per format (a sheet has a few; its cells many): its
     * sections, each with the power of ten it divides the stored number by (negative: multiplies).
     */
    private record Scaling(List<Part> parts, boolean conditional) {
        static final Scaling NONE = new Scaling(List.of(), false);

        static Scaling of(String format) {
            List<Part> parts = new ArrayList<>(4);
            boolean conditional = false;
            boolean scales = false;
            for (String section : sections(format)) {
                Matcher m = CONDITION.matcher(section);
                boolean condition = m.find();
                conditional |= condition;
                int left = pointsLeft(section);
                scales |= left != 0;
                parts.add(condition ? new Part(m.group(1), new BigDecimal(m.group(2)), left) : new Part(null, null, left));
            }
            return scales ? new Scaling(List.copyOf(parts), conditional) : NONE;
        }

        /**
         * The section Excel shows {@code value} with: with conditions, the first whose condition holds, else the first
         * section without one (null when there is none: no scale is guessed); without, the second for a negative
         * number when there is one, else the first.
         */
        Part part(BigDecimal value) {
            if (!conditional) {
                return value.signum() < 0 && parts.size() > 1 ? parts.get(1) : parts.get(0);
            }
            Part otherwise = null;
            for (Part p : parts) {
                if (p.operator() == null) {
                    otherwise = otherwise == null ? p : otherwise;
                } else if (holds(value, p.operator(), p.bound())) {
                    return p;
                }
            }
            return otherwise;
        }
    }

    /** The power of ten a format's section divides the stored number by (see {@link #shown}). */
    private static int pointsLeft(String section) {
        // the section's code without literals: 'L' stands for a literal decimal point, ' ' for any other literal
        StringBuilder code = new StringBuilder(section.length());
        for (int i = 0; i < section.length(); i++) {
            char ch = section.charAt(i);
            switch (ch) {
                case '"' -> {
                    int end = section.indexOf('"', i + 1);
                    String text = end < 0 ? section.substring(i + 1) : section.substring(i + 1, end);
                    i = end < 0 ? section.length() : end;
                    code.append(".".equals(text) ? 'L' : ' ');
                }
                case '\\', '!' -> {
                    code.append(i + 1 < section.length() && section.charAt(i + 1) == '.' ? 'L' : ' ');
                    i++;
                }
                case '_', '*' -> {
                    i++;
                    code.append(' ');
                }
                case '[' -> {
                    int end = section.indexOf(']', i + 1);
                    i = end < 0 ? section.length() : end;
                    code.append(' ');
                }
                default -> code.append(ch);
            }
        }
        int lastPlaceholder = -1;
        int percents = 0;
        for (int i = 0; i < code.length(); i++) {
            char ch = code.charAt(i);
            if (ch == '0' || ch == '#' || ch == '?') {
                lastPlaceholder = i;
            } else if (ch == '%') {
                percents++;
            }
        }
        int thousands = 0;
        for (int i = lastPlaceholder + 1; lastPlaceholder >= 0 && i < code.length() && code.charAt(i) == ','; i++) {
            thousands++;
        }
        // a literal point shifts the digits only where the section has no real one
        int literalPoint = code.indexOf(".") < 0 ? code.indexOf("L") : -1;
        int shifted = 0;
        for (int i = literalPoint + 1; literalPoint >= 0 && i <= lastPlaceholder; i++) {
            char ch = code.charAt(i);
            if (ch == '0' || ch == '#' || ch == '?') {
                shifted++;
            }
        }
        return 3 * Math.min(thousands, 4) + Math.min(shifted, 12) - 2 * Math.min(percents, 4);
    }

    /** The sections of {@code format}, split at each {@code ;} outside quotes and escapes. */
    private static List<String> sections(String format) {
        List<String> sections = new ArrayList<>(4);
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < format.length(); i++) {
            char ch = format.charAt(i);
            if (ch == '"') {
                quoted = !quoted;
            } else if ((ch == '\\' || ch == '!') && !quoted) {
                i++;
            } else if (ch == ';' && !quoted) {
                sections.add(format.substring(start, i));
                start = i + 1;
            }
        }
        sections.add(format.substring(start));
        return sections;
    }

    private static final Pattern CONDITION = Pattern.compile("\\[\\s*(<=|>=|<>|<|>|=)\\s*(-?[0-9.]+)\\s*]");

    private static boolean holds(BigDecimal value, String operator, BigDecimal bound) {
        int c = value.compareTo(bound);
        return switch (operator) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case ">=" -> c >= 0;
            case "=" -> c == 0;
            default -> c != 0;
        };
    }

    private Scaling scaling(String format) {
        return format == null || format.isEmpty() ? Scaling.NONE : scalings.computeIfAbsent(format, Scaling::of);
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
