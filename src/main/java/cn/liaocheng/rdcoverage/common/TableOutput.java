package cn.liaocheng.rdcoverage.common;

/** A spreadsheet-like export written row by row: {@link CsvOutput} or {@link XlsxOutput}, so one row writer serves both. */
public interface TableOutput extends AutoCloseable {
    void row(Object... cells);

    @Override
    void close();
}
