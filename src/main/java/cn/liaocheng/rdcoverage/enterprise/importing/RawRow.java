package cn.liaocheng.rdcoverage.enterprise.importing;

import java.math.BigDecimal;

/**
 * One record as read from the file: its line (the row number Excel shows for a table, the header being a row like
 * any other), its cells by column, the factor that converts each money column to yuan (null: all 1), and which cells
 * an xlsx stored as numbers (a bit per column).
 */
public record RawRow(long line, String[] cells, BigDecimal[] factors, int numberCells) {
    public RawRow(long line, String[] cells) {
        this(line, cells, null, 0);
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
