package cn.liaocheng.rdcoverage.enterprise.importing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The headers, units and note words the import understands, read from {@code import/dictionary.tsv} (data, not
 * code). Headers match after {@link #key normalising}: NFKC, no spaces, lower case. A header may end in a unit in
 * brackets ({@code 营业收入（万元）}, {@code revenue (thousand_yuan)}) or, in English, with an underscore
 * ({@code revenue_10k_yuan}); money units convert to yuan by their factor.
 */
final class HeaderDictionary {
    static final HeaderDictionary STANDARD = load("/import/dictionary.tsv");
    private static final Pattern TITLE_YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern DATE_MONTH = Pattern.compile("\\s*\\d{1,2}\\s*月");
    /**
     * Each "单位：…" of a title row, up to a closing bracket or the next "单位：" ({@code 填报单位：临清市统计局 计量单位：千元}
     * names the reporting office first and the unit second).
     */
    private static final Pattern TITLE_UNITS = Pattern.compile("单位\\s*[:：]\\s*((?:(?!单位\\s*[:：])[^)）\\]】])*)");
    /** A unit in a header's brackets may be introduced as one: {@code 营业收入（单位：万元）}, {@code （计量单位：千元）}. */
    private static final Pattern UNIT_LABEL = Pattern.compile("^(?:计量)?单位[:：]");

    record Unit(String name, BigDecimal factor, Column.Kind kind) {
    }

    /**
     * A header understood: its column, the unit it names (null when it names none), and whether it is an
     * {@code alternate} header, read only when no primary header of its column is in the file (a county's name beside
     * its code, 主营业务收入 beside 营业收入, 从业人员平均人数 beside 年末从业人员).
     */
    record Match(Column column, Unit unit, boolean alternate) {
    }

    /** A header naming a column with a unit that column cannot take. */
    static final class UnitProblem extends Exception {
        final Column column;
        final String unit;
        /** Whether the header is an alternate one (主营业务收入（千美元）), which a primary header of its column shadows. */
        final boolean alternate;

        UnitProblem(Column column, String unit, boolean alternate) {
            super(null, null, false, false);
            this.column = column;
            this.unit = unit;
            this.alternate = alternate;
        }
    }

    /** What a title row above the header says: the list's year and the units of its columns, when it names them. */
    record Title(Integer year, Map<Column.Kind, Unit> units) {
    }

    private final Map<String, Column> headers = new HashMap<>();
    /** Normalised headers of kind {@code alternate}. */
    private final Set<String> alternates = new HashSet<>();
    private final Set<String> ignored = new HashSet<>();
    private final Map<Column, List<String>> names = new EnumMap<>(Column.class);
    private final Map<Column.Kind, Map<String, Unit>> units = new EnumMap<>(Column.Kind.class);
    private final Map<Column.Kind, List<String>> unitNames = new EnumMap<>(Column.Kind.class);
    private final List<String> notes = new ArrayList<>();
    private final List<String> totals = new ArrayList<>();
    /** Other tables' headers (line kind {@code field}): table, then normalised header to field, and each field's names. */
    private final Map<String, Map<String, String>> fields = new HashMap<>();
    private final Map<String, Map<String, List<String>>> fieldNames = new HashMap<>();

    private HeaderDictionary() {
        for (Column c : Column.values()) {
            headers.put(key(c.field), c);
            names.computeIfAbsent(c, x -> new ArrayList<>()).add(c.field);
        }
    }

    static HeaderDictionary load(String resource) {
        HeaderDictionary d = new HeaderDictionary();
        try (InputStream in = HeaderDictionary.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                d.add(resource, line.split("\t"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /**
     * One line of the dictionary: {@code header}, {@code alternate}, {@code ignore}, {@code unit}, {@code note} or
     * {@code field}, tab-separated.
     */
    private void add(String resource, String[] f) {
        switch (f[0]) {
            case "header", "alternate" -> {
                Column c = Column.byField(f[1]);
                if (c == null) {
                    throw new IllegalStateException(resource + ": unknown field " + f[1]);
                }
                headers.put(key(f[2]), c);
                names.get(c).add(f[2]);
                if (f[0].equals("alternate")) {
                    alternates.add(key(f[2]));
                }
            }
            case "ignore" -> ignored.add(key(f[1]));
            case "unit" -> {
                Column.Kind kind = Column.Kind.valueOf(f[1].toUpperCase(Locale.ROOT));
                Unit u = new Unit(f[2], new BigDecimal(f[3]), kind);
                units.computeIfAbsent(kind, k -> new HashMap<>()).put(unitKey(f[2]), u);
                unitNames.computeIfAbsent(kind, k -> new ArrayList<>()).add(f[2]);
            }
            case "note" -> notes.add(f[1]);
            case "total" -> totals.add(f[1]);
            case "field" -> {
                fields.computeIfAbsent(f[1], t -> new HashMap<>()).put(key(f[3]), f[2]);
                fields.get(f[1]).putIfAbsent(key(f[2]), f[2]);
                fieldNames.computeIfAbsent(f[1], t -> new LinkedHashMap<>())
                        .computeIfAbsent(f[2], x -> new ArrayList<>(List.of(f[2]))).add(f[3]);
            }
            default -> throw new IllegalStateException(resource + ": unknown kind " + f[0]);
        }
    }

    static String key(String header) {
        String h = Cells.nfkc(header);
        StringBuilder b = new StringBuilder(h.length());
        for (int i = 0; i < h.length(); i++) {
            char c = h.charAt(i);
            if (!Cells.invisible(c)) {
                b.append(c);
            }
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    private static String unitKey(String unit) {
        return key(unit).replace("_", "");
    }

    /** The column and unit a header names; null for a header the import does not read. */
    Match match(String header) throws UnitProblem {
        if (header == null) {
            return null;
        }
        String k = key(header);
        if (k.isEmpty() || ignored.contains(k)) {
            return null;
        }
        Column whole = headers.get(k);
        if (whole != null) {
            return new Match(whole, null, alternates.contains(k));
        }
        Match bracketed = bracketedUnit(header, k);
        return bracketed != null ? bracketed : suffixedUnit(k);
    }

    /** {@code 营业收入（万元）}: a known header with its unit in brackets; a unit not accepted for its column is a UnitProblem. */
    private Match bracketedUnit(String header, String k) throws UnitProblem {
        int open = k.lastIndexOf('(');
        Column c = open > 0 && k.endsWith(")") ? headers.get(k.substring(0, open)) : null;
        if (c == null) {
            return null;
        }
        boolean alternate = alternates.contains(k.substring(0, open));
        if (c.kind == Column.Kind.TEXT) {
            return new Match(c, null, alternate);
        }
        String unit = UNIT_LABEL.matcher(k.substring(open + 1, k.length() - 1)).replaceFirst("");
        Unit u = units.getOrDefault(c.kind, Map.of()).get(unitKey(unit));
        if (u == null) {
            String n = Cells.nfkc(header).strip();
            int o = n.lastIndexOf('(');
            throw new UnitProblem(c, o >= 0 && n.endsWith(")") ? n.substring(o + 1, n.length() - 1).strip() : unit, alternate);
        }
        return new Match(c, u, alternate);
    }

    /** {@code revenue_10k_yuan}: a known header followed by an underscore and a unit's name; null when none fits. */
    private Match suffixedUnit(String k) {
        for (Map.Entry<Column.Kind, Map<String, Unit>> kind : units.entrySet()) {
            for (Unit u : kind.getValue().values()) {
                String suffix = "_" + key(u.name());
                if (k.endsWith(suffix)) {
                    String base = k.substring(0, k.length() - suffix.length());
                    Column c = headers.get(base);
                    if (c != null && c.kind == u.kind()) {
                        return new Match(c, u, alternates.contains(base));
                    }
                }
            }
        }
        return null;
    }

    /**
     * The field of another table ({@code field} lines, e.g. table {@code indicator}) a header names, a trailing unit in
     * brackets ({@code 专利申请数（件）}) ignored; null when the header names none of that table's fields.
     */
    String field(String table, String header) {
        Map<String, String> names = fields.getOrDefault(table, Map.of());
        if (header == null) {
            return null;
        }
        String k = key(header);
        String whole = names.get(k);
        if (whole != null) {
            return whole;
        }
        int open = k.lastIndexOf('(');
        return open > 0 && k.endsWith(")") ? names.get(k.substring(0, open)) : null;
    }

    /** The headers each field of another table accepts, in the dictionary's order. */
    Map<String, List<String>> accepted(String table) {
        return fieldNames.getOrDefault(table, Map.of());
    }

    /**
     * A row's first cell that makes it a note or a grouping row: it starts with a note word (注：…, 合计, 填表人…, a
     * section's 一、 or 其中) or ends with a total word (临清市小计).
     */
    boolean isNote(String firstCell) {
        // 「合　　计」「总 计」: tables space the two characters apart to align them; the words are compared without spaces
        String cell = firstCell.replaceAll("[\\s\\u3000\\u00A0]+", "");
        for (String n : notes) {
            if (cell.startsWith(n)) {
                return true;
            }
        }
        for (String t : totals) {
            if (cell.endsWith(t)) {
                return true;
            }
        }
        return false;
    }

    /** The year ("2020年…") and units ("（单位：千元、人）") a title row states. */
    Title title(String text) {
        String t = Cells.nfkc(text);
        Integer year = null;
        Matcher y = TITLE_YEAR.matcher(t);
        while (year == null && y.find()) {
            // "2025年3月编制：2024年规模以上工业企业名录": a year followed by a month dates the title, it is not the list's
            if (!DATE_MONTH.matcher(t).region(y.end(), t.length()).lookingAt()) {
                year = Integer.valueOf(y.group(1));
            }
        }
        Map<Column.Kind, Unit> found = new EnumMap<>(Column.Kind.class);
        Matcher u = TITLE_UNITS.matcher(t);
        while (u.find()) {
            for (String part : u.group(1).split("[、,，;；/\\s]+")) {
                for (Map.Entry<Column.Kind, Map<String, Unit>> kind : units.entrySet()) {
                    Unit unit = kind.getValue().get(unitKey(part));
                    if (unit != null) {
                        found.putIfAbsent(kind.getKey(), unit);
                    }
                }
            }
        }
        return new Title(year, found);
    }

    /** The headers each field accepts (for the 400 that shows them). */
    Map<String, List<String>> accepted() {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (Map.Entry<Column, List<String>> e : names.entrySet()) {
            m.put(e.getKey().field, List.copyOf(e.getValue()));
        }
        return m;
    }

    /**
     * The unit a cell of a unit row names for a column of {@code kind} ({@code 千元}, {@code 单位：万元}), or null
     * when it names none of that kind's units.
     */
    Unit unit(Column.Kind kind, String cell) {
        return units.getOrDefault(kind, Map.of()).get(unitKey(UNIT_LABEL.matcher(key(cell)).replaceFirst("")));
    }

    /** A cell that only labels a unit row ({@code 计量单位}, {@code 单位}) or numbers the columns ({@code 栏次}). */
    boolean layoutLabel(String cell) {
        String k = key(cell);
        return k.equals("计量单位") || k.equals("单位") || k.equals("栏次");
    }

    /** Whether {@code cell} names a unit of any kind (a unit row's cell under a column the import does not read). */
    boolean anyUnit(String cell) {
        for (Column.Kind kind : units.keySet()) {
            if (unit(kind, cell) != null) {
                return true;
            }
        }
        return false;
    }

    List<String> unitNames(Column.Kind kind) {
        return unitNames.getOrDefault(kind, List.of());
    }

    Unit defaultUnit(Column.Kind kind) {
        return units.get(kind).get(unitKey(kind == Column.Kind.MONEY ? "元" : "人"));
    }
}
