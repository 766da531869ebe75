package cn.liaocheng.rdcoverage.common.db;

/**
 * What bulk writers may write into SQL text as a literal instead of binding it as a parameter (many thousands of
 * bound parameters per statement cost the MySQL connector more than the statement: bench/README.md, "Import after
 * the change feed").
 */
public final class SqlLiterals {
    private SqlLiterals() {
    }

    /**
     * True for a non-empty string of {@code 0-9} and {@code A-Z} only (credit codes, region codes): safe between
     * single quotes in every sql_mode. Anything else must be bound.
     */
    public static boolean isCode(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (!(ch >= '0' && ch <= '9' || ch >= 'A' && ch <= 'Z')) {
                return false;
            }
        }
        return true;
    }
}
