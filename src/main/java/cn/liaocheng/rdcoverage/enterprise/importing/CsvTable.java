package cn.liaocheng.rdcoverage.enterprise.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Iterator;

/** CSV or tab-separated text (Excel's "Unicode text"), one record per row; empty lines are rows too, as in Excel. */
final class CsvTable implements TableSource {
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private long row;

    CsvTable(Reader reader, char delimiter) {
        try {
            parser = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(false)
                    .get().parse(reader);
            records = parser.iterator();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Tab when the first lines hold more tabs than commas (outside quotes), else comma. */
    static char delimiter(BufferedReader reader) {
        try {
            reader.mark(16 * 1024 + 1);
            char[] buf = new char[16 * 1024];
            int n = reader.read(buf, 0, buf.length);
            reader.reset();
            int tabs = 0;
            int commas = 0;
            boolean quoted = false;
            for (int i = 0; i < n; i++) {
                char c = buf[i];
                if (c == '"') {
                    quoted = !quoted;
                } else if (!quoted && c == '\t') {
                    tabs++;
                } else if (!quoted && c == ',') {
                    commas++;
                }
            }
            return tabs > commas ? '\t' : ',';
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String[] next() {
        if (!records.hasNext()) {
            return null;
        }
        CSVRecord r = records.next();
        row++;
        return r.values();
    }

    @Override
    public long rowNumber() {
        return row;
    }

    /** The physical line the parser has reached (for a file that is not well-formed). */
    long lineNumber() {
        return parser.getCurrentLineNumber();
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
