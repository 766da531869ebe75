package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldMessage;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
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
 * its end. Numbers read as Excel shows them (15 significant digits), text as it is, formulas by their cached value.
 */
final class XlsxTable implements TableSource {
    private static final MathContext EXCEL_DIGITS = new MathContext(15);
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
            this.workbook = new ReadableWorkbook(tmp.toFile());
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
                    cells[i] = number(c.getRawValue());
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
                    cells[i] = c.getValue() instanceof BigDecimal ? number(c.getRawValue()) : c.getRawValue();
                }
                case BOOLEAN -> cells[i] = Boolean.TRUE.equals(c.asBoolean()) ? "true" : "false";
                case STRING, ERROR -> cells[i] = c.getText();
                default -> cells[i] = c.getRawValue();
            }
        }
        return cells;
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
