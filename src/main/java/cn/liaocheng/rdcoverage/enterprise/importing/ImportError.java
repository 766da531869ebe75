package cn.liaocheng.rdcoverage.enterprise.importing;

/** A rejected row: its line in the file, the column or field, and what is wrong. */
public record ImportError(long line, String field, String message) {
}
