package cn.liaocheng.rdcoverage.enterprise.importing;

import java.text.Normalizer;

/** What every cell goes through: the invisible characters spreadsheets leave around values, and full-width forms. */
final class Cells {
    private Cells() {
    }

    /** Spaces (also no-break U+00A0, ideographic U+3000), zero-width characters and BOMs, as seen around a cell. */
    static boolean invisible(char c) {
        return c <= ' ' || c == '\u00A0' || c == '\u3000' || c == '\u200B' || c == '\u200C' || c == '\u200D'
                || c == '\u2060' || c == '\uFEFF' || c == '\u2007' || c == '\u202F' || Character.isSpaceChar(c);
    }

    /** The cell without invisible characters around it; null when nothing is left. */
    static String clean(String s) {
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

    /** NFKC (full-width digits, letters and brackets to their plain forms); ASCII text is returned as it is. */
    static String nfkc(String s) {
        if (s == null) {
            return null;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return Normalizer.normalize(s, Normalizer.Form.NFKC);
            }
        }
        return s;
    }

    /** A numeric cell's text: NFKC, without thousands separators, spaces or a trailing 年/人/元. */
    static String number(String s) {
        String v = nfkc(s);
        if (v.indexOf(',') >= 0 || v.indexOf(' ') >= 0) {
            v = v.replace(",", "").replace(" ", "");
        }
        return v;
    }
}
