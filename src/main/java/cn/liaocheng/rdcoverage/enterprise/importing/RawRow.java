package cn.liaocheng.rdcoverage.enterprise.importing;

/** One record as read from the file: its line (1-based, the header being line 1 in CSV) and its cells by column. */
public record RawRow(long line, String[] cells) {
    public String get(Column c) {
        String v = cells[c.ordinal()];
        return v == null || v.isBlank() ? null : v.trim();
    }
}
