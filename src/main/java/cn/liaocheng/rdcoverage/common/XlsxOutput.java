package cn.liaocheng.rdcoverage.common;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * An xlsx workbook of one sheet, written as rows arrive (FastExcel's writer, flushed every {@value #FLUSH_EVERY}
 * rows, strings inline, so memory does not grow with the rows), beside {@link CsvOutput} for the same exports.
 * Text stays text: an all-digit credit code is a text cell, which Excel does not round (CSV cannot say so). Numbers
 * are number cells, booleans boolean cells, anything else its {@code toString()} as text. A formula is never written,
 * so the CSV's formula neutralising is not needed here.
 */
public final class XlsxOutput implements TableOutput {
    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final int FLUSH_EVERY = 1000;
    private final Workbook workbook;
    private final Worksheet sheet;
    private int row;

    public XlsxOutput(OutputStream out, String sheetName, List<String> header) {
        this.workbook = new Workbook(out, "rd-coverage", "1.0");
        this.sheet = workbook.newWorksheet(sheetName);
        for (int c = 0; c < header.size(); c++) {
            sheet.inlineString(0, c, header.get(c));
            sheet.style(0, c).bold().set();
        }
        row = 1;
    }

    @Override
    public void row(Object... cells) {
        for (int c = 0; c < cells.length; c++) {
            Object v = cells[c];
            if (v == null) {
                continue;
            }
            if (v instanceof Number n) {
                sheet.value(row, c, n);
            } else if (v instanceof Boolean b) {
                sheet.value(row, c, b);
            } else if (v instanceof java.time.Instant instant) {
                sheet.inlineString(row, c, MillisecondInstants.format(instant)); // as in JSON and CSV: three digits
            } else if (v instanceof Enum<?> e) {
                sheet.inlineString(row, c, e.name());
            } else {
                sheet.inlineString(row, c, v.toString());
            }
        }
        row++;
        if (row % FLUSH_EVERY == 0) {
            try {
                sheet.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Override
    public void close() {
        try {
            sheet.finish();
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
