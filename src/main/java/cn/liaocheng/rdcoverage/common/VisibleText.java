package cn.liaocheng.rdcoverage.common;

/**
 * Text as a person sees it: without the invisible characters that spreadsheets and copy-and-paste leave around a
 * value. The one rule for the import's cells and the API's names and addresses, so that a name saved by PUT and the
 * same name sent back in an exported list are the same name.
 */
public final class VisibleText {
    private VisibleText() {
    }

    /** Spaces (also no-break U+00A0, ideographic U+3000), zero-width characters and BOMs, as seen around a value. */
    public static boolean invisible(char c) {
        return c <= ' ' || c == '\u00A0' || c == '\u3000' || c == '\u200B' || c == '\u200C' || c == '\u200D'
                || c == '\u2060' || c == '\uFEFF' || c == '\u2007' || c == '\u202F' || Character.isSpaceChar(c);
    }

    /** {@code s} without invisible characters around it; null when nothing is left (or {@code s} is null). */
    public static String trim(String s) {
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && invisible(s.charAt(start))) {
            start++;
        }
        while (end > start && invisible(s.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }
}
