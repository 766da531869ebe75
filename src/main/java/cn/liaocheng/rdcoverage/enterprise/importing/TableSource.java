package cn.liaocheng.rdcoverage.enterprise.importing;

/** The rows of a table (CSV, tab-separated text or a sheet), cell by cell, before any header is known. */
interface TableSource extends AutoCloseable {
    /** The next row's cells, or null at the end. */
    String[] next();

    /** The number Excel shows for the row just returned (a quoted cell with line breaks is still one row). */
    long rowNumber();

    /** The 0-based index of the record just returned among a JSON upload's records; -1 for a table's row. */
    default long recordIndex() {
        return -1;
    }

    /** Whether cell {@code i} of the row just returned was stored as a number (xlsx only). */
    default boolean isNumber(int i) {
        return false;
    }

    @Override
    void close();
}
