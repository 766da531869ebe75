package cn.liaocheng.rdcoverage.common;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV for spreadsheets: UTF-8 with a BOM (so Excel reads Chinese), and every cell that a spreadsheet would take
 * for a formula (starting with = + - @, tab or carriage return) prefixed with an apostrophe (OWASP CSV injection).
 */
public final class CsvOutput implements TableOutput {
    public static final String MEDIA_TYPE = "text/csv";
    private final CSVPrinter printer;

    public CsvOutput(OutputStream out, List<String> header) {
        try {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            writer.write('\uFEFF');
            this.printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setRecordSeparator("\r\n").get());
            printer.printRecord(header);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void row(Object... cells) {
        try {
            for (Object cell : cells) {
                printer.print(neutralise(cell));
            }
            printer.println();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Object neutralise(Object cell) {
        if (cell instanceof java.time.Instant instant) {
            return MillisecondInstants.format(instant);
        }
        if (!(cell instanceof CharSequence text) || text.isEmpty()) {
            return cell;
        }
        char first = text.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + text;
        }
        return cell;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
