package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.VisibleText;

import java.text.Normalizer;

/** What every cell goes through: the invisible characters spreadsheets leave around values, and full-width forms. */
final class Cells {
    private Cells() {
    }

    /** {@link VisibleText#invisible}. */
    static boolean invisible(char c) {
        return VisibleText.invisible(c);
    }

    /** The cell without invisible characters around it ({@link VisibleText#trim}); null when nothing is left. */
    static String clean(String s) {
        return VisibleText.trim(s);
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

    /** Digits grouped by thousands separators as a spreadsheet writes them: 1,234 and 21,000.5, not 1,2,3,4. */
    private static final java.util.regex.Pattern GROUPED = java.util.regex.Pattern.compile("[+-]?\\d{1,3}(,\\d{3})+(\\.\\d*)?");

    /**
     * A numeric cell's text: NFKC, without spaces, and without thousands separators where they group the integer
     * digits by three; a comma anywhere else stays, so that the value is refused as a number rather than read as
     * another one ({@code 1,2,3,4} is not 1234).
     */
    static String number(String s) {
        String v = nfkc(s);
        if (v.indexOf(' ') >= 0) {
            v = v.replace(" ", "");
        }
        if (v.indexOf(',') >= 0 && GROUPED.matcher(v).matches()) {
            v = v.replace(",", "");
        }
        return v;
    }

    /**
     * A text cell without the apostrophe the service's own CSV export puts before a cell starting with = + - @, tab or
     * carriage return (OWASP CSV injection; {@code CsvOutput}), so that an exported list imports back unchanged.
     */
    static String formulaUnguarded(String s) {
        if (s != null && s.length() > 1 && s.charAt(0) == '\'' && "=+-@\t\r".indexOf(s.charAt(1)) >= 0) {
            return s.substring(1);
        }
        return s;
    }

    /** The column as a spreadsheet names it, from its 0-based index: A, …, Z, AA, AB, … */
    static String columnLetter(int index) {
        StringBuilder b = new StringBuilder();
        for (int i = index + 1; i > 0; i = (i - 1) / 26) {
            b.insert(0, (char) ('A' + (i - 1) % 26));
        }
        return b.toString();
    }
}
