package cn.liaocheng.rdcoverage.enterprise.importing;

import java.math.BigDecimal;

/**
 * One record as read from the file: its line (the row number Excel shows for a table, the header being a row like
 * any other), its cells by column, the factor that converts each money column to yuan (null: all 1), and which cells
 * an xlsx stored as numbers (a bit per column), and the first non-empty cell of a delimited text beyond the header's
 * last column (its 0-based column and value; -1 and null when none), which says the row's cells are shifted, and,
 * in a JSON upload, the record's 0-based {@code index} among the file's records (the array's element; -1 in a table),
 * which tells records apart where one line holds them all.
 */
public record RawRow(long line, String[] cells, BigDecimal[] factors, int numberCells, int beyondColumn, String beyondValue,
                     long index) {
    public RawRow(long line, String[] cells) {
        this(line, cells, null, 0);
    }

    public RawRow(long line, String[] cells, BigDecimal[] factors, int numberCells) {
        this(line, cells, factors, numberCells, -1, null, -1);
    }

    /** The cell without the invisible characters around it; null when empty. */
    public String get(Column c) {
        return Cells.clean(cells[c.ordinal()]);
    }

    BigDecimal factor(Column c) {
        return factors == null || factors[c.ordinal()] == null ? BigDecimal.ONE : factors[c.ordinal()];
    }

    boolean storedAsNumber(Column c) {
        return (numberCells & (1 << c.ordinal())) != 0;
    }
}
