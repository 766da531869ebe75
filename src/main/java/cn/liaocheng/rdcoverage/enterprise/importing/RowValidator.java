package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.common.FieldMessage;
import cn.liaocheng.rdcoverage.common.StrictJson;
import cn.liaocheng.rdcoverage.enterprise.CreditCode;
import cn.liaocheng.rdcoverage.enterprise.EnterpriseLimits;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks one raw record and turns it into an {@link ImportRow}, or adds what is wrong to {@code errors}. The limits
 * are {@link EnterpriseLimits}, the same as the API's. Pure: the region names come in as a map.
 */
final class RowValidator {
    private static final Pattern SCIENTIFIC = Pattern.compile("[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+");
    private static final Pattern EXCEL_NUMBER = Pattern.compile("\\d(\\.\\d+)?[eE]\\+?\\d+");
    private static final Pattern STATISTICAL_CODE = Pattern.compile("(\\d{6})(\\d{3}|\\d{6})");
    /** Day 0 of Excel's serial dates (1900 system; the serials of years from 1927 on are 5 digits). */
    private static final java.time.LocalDate EXCEL_EPOCH = java.time.LocalDate.of(1899, 12, 30);
    private static final Pattern DECIMAL_ZERO = Pattern.compile("(\\d+)\\.0+");
    private final Map<String, String> regionByName;
    private final String regionScope;
    private final int currentYear;
    private final Integer fileYear;
    private final Boolean listedAbove;

    /**
     * @param regionByName region codes by code, name and alias ({@link #regionKey normalised})
     * @param fileYear     the year of rows without a year cell (from ?year= or the title row), or null
     * @param listedAbove  what a row without a 是否规上 cell says: TRUE for the bureau's list of 规上 enterprises, or
     *                     null to derive it from revenue
     */
    RowValidator(Map<String, String> regionByName, String regionScope, int currentYear, Integer fileYear, Boolean listedAbove) {
        this.regionByName = regionByName;
        this.regionScope = regionScope;
        this.currentYear = currentYear;
        this.fileYear = fileYear;
        this.listedAbove = listedAbove;
    }

    /** How a region's code, name or alias is looked up: NFKC, no spaces; "山东省" and "聊城市" in front are dropped. */
    static String regionKey(String raw) {
        String k = HeaderDictionary.key(raw);
        for (String prefix : new String[]{"山东省", "聊城市"}) {
            if (k.startsWith(prefix) && k.length() > prefix.length()) {
                k = k.substring(prefix.length());
            }
        }
        return k;
    }

    ImportRow validate(RawRow raw, List<ImportError> errors) {
        long line = raw.line();
        if (raw.cells() == null) {
            errors.add(new ImportError(line, "row", FieldMessage.of("must be a JSON object", "field.INVALID_TYPE.object")));
            return null;
        }
        int before = errors.size();
        if (raw.beyondValue() != null) {
            String column = Cells.columnLetter(raw.beyondColumn());
            errors.add(new ImportError(line, "row", FieldMessage.of("has '" + raw.beyondValue() + "' in column " + column
                    + ", beyond the header's last column: the row's cells are shifted (a number with a thousands separator,"
                    + " 2,500, must be quoted in CSV, \"2,500\"), or the column needs a header",
                    "field.INVALID_FORMAT.beyond-header", raw.beyondValue(), column)));
        }
        String code = creditCode(raw, line, errors);
        String name = Cells.formulaUnguarded(raw.get(Column.NAME));
        FieldMessage nameProblem = textProblem(name, EnterpriseLimits::nameProblem);
        if (nameProblem != null) {
            errors.add(new ImportError(line, Column.NAME.field, nameProblem));
        }
        String region = region(Column.REGION_CODE, raw.get(Column.REGION_CODE), line, errors, true);
        // not limited to the officer's region here: the planner checks it for a stored year and ignores it for a new one
        String yearRegion = raw.get(Column.FIGURES_REGION_CODE) == null ? null
                : region(Column.FIGURES_REGION_CODE, raw.get(Column.FIGURES_REGION_CODE), line, errors, false);
        String industry = industryCode(raw, line, errors);
        String address = Cells.formulaUnguarded(raw.get(Column.ADDRESS));
        FieldMessage addressProblem = textProblem(address, EnterpriseLimits::addressProblem);
        if (addressProblem != null) {
            errors.add(new ImportError(line, Column.ADDRESS.field, addressProblem));
        }
        Integer year = year(raw, line, errors);
        Integer employees = employees(raw, line, errors);
        BigDecimal revenue = revenue(raw, line, errors);
        Boolean above = bool(raw, Column.ABOVE_DESIGNATED_SIZE, line, errors);
        Boolean keyEnterprise = bool(raw, Column.KEY_ENTERPRISE, line, errors);
        Boolean keyIndustry = bool(raw, Column.KEY_INDUSTRY, line, errors);
        if (errors.size() > before) {
            return null;
        }
        return new ImportRow(line, code, name, region, industry, address, year, employees, revenue,
                above != null ? above : listedAbove, keyEnterprise, keyIndustry, yearRegion, raw.index());
    }

    /** What is wrong with a text cell: a character that is not text (as in the API), else what {@code limits} say. */
    private static FieldMessage textProblem(String value, java.util.function.Function<String, FieldMessage> limits) {
        FieldMessage notText = StrictJson.notTextProblem(value);
        return notText != null ? notText : limits.apply(value);
    }

    /** The normalised credit code (null when absent); a row error when Excel stored it as a number or it is not valid. */
    private static String creditCode(RawRow raw, long line, List<ImportError> errors) {
        String rawCode = raw.get(Column.CREDIT_CODE);
        String code = CreditCode.normalise(Cells.nfkc(rawCode));
        if (code != null && (raw.storedAsNumber(Column.CREDIT_CODE)
                || (code.indexOf('E') > 0 && EXCEL_NUMBER.matcher(code).matches()))) {
            errors.add(new ImportError(line, Column.CREDIT_CODE.field, FieldMessage.of("'" + rawCode + "' is the credit code as"
                    + " Excel stored it, as a number, which lost its digits; format the column as Text (设置单元格格式 → 文本) and"
                    + " enter the codes again, or export as xlsx", "field.INVALID_CREDIT_CODE.excel-number", rawCode)));
            return code;
        }
        FieldMessage codeProblem = CreditCode.problem(code);
        if (codeProblem != null) {
            errors.add(new ImportError(line, Column.CREDIT_CODE.field,
                    cutByExcel(code) ? excelCut(rawCode) : quoted(rawCode, codeProblem)));
        }
        return code;
    }


    /**
     * An all-digit code ending in 000: what Excel shows of an 18-digit code it stored as a number and kept 15
     * significant digits of ({@code 913715811000023013} becomes {@code 913715811000023000}). About one in 31 such cut
     * codes still passes the check character, so the import takes one only for an enterprise already registered.
     */
    static boolean cutByExcel(String code) {
        return code != null && code.length() == 18 && code.endsWith("000") && code.chars().allMatch(Character::isDigit);
    }

    static FieldMessage excelCut(String rawCode) {
        return FieldMessage.of("'" + rawCode + "' looks like a credit code Excel cut to 15 significant digits (the last"
                + " ones became 0); format the column as Text (设置单元格格式 → 文本) and enter the codes again, or export as"
                + " xlsx. If it really is the enterprise's code, register the enterprise once with POST /api/v1/enterprises",
                "field.INVALID_CREDIT_CODE.excel-cut", rawCode);
    }

    /** The industry code in upper case (null when absent); a row error when it is not one. */
    private static String industryCode(RawRow raw, long line, List<ImportError> errors) {
        String industry = Cells.nfkc(raw.get(Column.INDUSTRY_CODE));
        if (industry == null) {
            return null;
        }
        industry = industry.toUpperCase(Locale.ROOT);
        FieldMessage p = EnterpriseLimits.industryCodeProblem(industry);
        if (p != null) {
            errors.add(new ImportError(line, Column.INDUSTRY_CODE.field, p.quoting(industry)));
        }
        return industry;
    }

    /** The reason, with the value as sent quoted in front when there is one. */
    private static FieldMessage quoted(String v, FieldMessage reason) {
        return v == null ? reason : reason.quoting(v);
    }

    /** A 6-digit code, the bureau's 9- or 12-digit 统计用区划代码 ({@code 371581000000}), Excel's {@code 371581.0}, or a name or alias. */
    private String region(Column column, String value, long line, List<ImportError> errors, boolean scoped) {
        if (value == null) {
            errors.add(ImportError.required(line, column.field));
            return null;
        }
        String direct = regionByName.get(value);
        if (direct != null && (!scoped || regionScope == null || regionScope.equals(direct))) {
            return direct;
        }
        String v = Cells.nfkc(value).strip();
        java.util.regex.Matcher decimal = DECIMAL_ZERO.matcher(v);
        if (decimal.matches()) {
            v = decimal.group(1);
        }
        java.util.regex.Matcher statistical = STATISTICAL_CODE.matcher(v);
        if (statistical.matches()) {
            v = statistical.group(1);
        }
        String code = regionByName.get(regionKey(v));
        if (code == null) {
            errors.add(new ImportError(line, column.field, FieldMessage.of("'" + value + "' is not a region of"
                    + " Liaocheng (a code such as 371581, or a name such as 临清市); see GET /api/v1/regions",
                    "field.INVALID_VALUE.region-name", value)));
            return null;
        }
        if (scoped && regionScope != null && !regionScope.equals(code)) {
            errors.add(new ImportError(line, column.field, FieldMessage.of("'" + value + "' is outside your region ("
                    + regionScope + ")", "field.OUT_OF_SCOPE.region", value, regionScope)));
            return null;
        }
        return code;
    }

    private Integer year(RawRow raw, long line, List<ImportError> errors) {
        String v = raw.get(Column.YEAR);
        if (v == null) {
            if (fileYear == null) {
                errors.add(new ImportError(line, Column.YEAR.field, FieldMessage.of("is required (or send ?year=)",
                        "field.REQUIRED.import-year")));
            }
            return fileYear;
        }
        String n = Cells.number(v);
        if (n.endsWith("年")) {
            n = n.substring(0, n.length() - 1).strip();
        }
        java.util.regex.Matcher decimal = DECIMAL_ZERO.matcher(n);
        if (decimal.matches()) {
            n = decimal.group(1);
        }
        if (n.length() == 5 && raw.storedAsNumber(Column.YEAR) && n.chars().allMatch(Character::isDigit)) {
            // an xlsx year cell formatted as a date (shown 2020年, stored as the day's serial number 44196)
            n = String.valueOf(EXCEL_EPOCH.plusDays(Integer.parseInt(n)).getYear());
        }
        if (n.length() != 4 || !n.chars().allMatch(Character::isDigit)) {
            errors.add(new ImportError(line, Column.YEAR.field, FieldMessage.of("'" + v + "' is not a year",
                    "field.INVALID_FORMAT.year", v)));
            return null;
        }
        int year = Integer.parseInt(n);
        FieldMessage p = EnterpriseLimits.yearProblem(year, currentYear);
        if (p != null) {
            errors.add(new ImportError(line, Column.YEAR.field, p));
            return null;
        }
        return year;
    }

    /**
     * The required number in column {@code c} of the row within bounds (no more than 40 digits either side), or null
     * after adding an error: required when missing, else too long, out of range or {@code notANumber}. A caller's
     * own error quotes the cell again with {@code raw.get(c)}.
     */
    private static BigDecimal decimal(RawRow raw, Column c, long line, List<ImportError> errors,
                                      java.util.function.Function<String, FieldMessage> notANumber) {
        String v = raw.get(c);
        if (v == null) {
            errors.add(ImportError.required(line, c.field));
            return null;
        }
        String n = Cells.number(v);
        if (!raw.storedAsNumber(c) && SCIENTIFIC.matcher(n).matches()) {
            // 1.23457E+11: what Excel shows of a wide number and writes so into a CSV, six digits kept, the rest lost
            errors.add(new ImportError(line, c.field, FieldMessage.of("'" + v + "' is a number in scientific notation as Excel"
                    + " shows a wide one, with digits lost; format the column as a number (数值, 0 decimal places) before saving"
                    + " as CSV, or send the xlsx", "field.INVALID_FORMAT.scientific", v)));
            return null;
        }
        if (n.length() > 60) {
            errors.add(new ImportError(line, c.field, FieldMessage.of("'" + v.substring(0, 20) + "…' is too long for a number",
                    "field.OUT_OF_RANGE.long-number", v.substring(0, 20))));
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(n);
            if (d.precision() > 40 || Math.abs((long) d.scale()) > 40) {
                errors.add(new ImportError(line, c.field, FieldMessage.of("'" + v + "' is out of range",
                        "field.OUT_OF_RANGE.value", v)));
                return null;
            }
            return d;
        } catch (NumberFormatException e) {
            errors.add(new ImportError(line, c.field, notANumber.apply(v)));
            return null;
        }
    }

    private static FieldMessage notANumber(String v) {
        return FieldMessage.of("'" + v + "' is not a number", "field.INVALID_TYPE.not-number", v);
    }

    private static FieldMessage notPersons(String v) {
        return FieldMessage.of("'" + v + "' is not a whole number (persons)", "field.INVALID_TYPE.persons", v);
    }

    private static Integer employees(RawRow raw, long line, List<ImportError> errors) {
        Column c = Column.EMPLOYEES;
        BigDecimal d = decimal(raw, c, line, errors, RowValidator::notPersons);
        if (d == null) {
            return null;
        }
        if (d.signum() != 0 && d.stripTrailingZeros().scale() > 0) {
            errors.add(new ImportError(line, c.field, notPersons(raw.get(c))));
            return null;
        }
        FieldMessage p = EnterpriseLimits.employeesProblem(d.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0
                ? Long.MAX_VALUE : d.longValue());
        if (p != null) {
            errors.add(new ImportError(line, c.field, p.quoting(raw.get(c))));
            return null;
        }
        return d.intValue();
    }

    private static BigDecimal revenue(RawRow raw, long line, List<ImportError> errors) {
        Column c = Column.REVENUE;
        BigDecimal d = decimal(raw, c, line, errors, RowValidator::notANumber);
        if (d == null) {
            return null;
        }
        BigDecimal factor = raw.factor(c);
        BigDecimal yuan = d.multiply(factor);
        FieldMessage p = EnterpriseLimits.revenueProblem(yuan);
        if (p != null) {
            String v = raw.get(c);
            errors.add(new ImportError(line, c.field, factor.compareTo(BigDecimal.ONE) == 0 ? p.quoting(v)
                    : FieldMessage.of("'" + v + "' × " + factor.toPlainString() + " = " + yuan.toPlainString() + " yuan " + p,
                    "field.value.converted", v, factor.toPlainString(), yuan.toPlainString(), p)));
            return null;
        }
        return yuan.setScale(EnterpriseLimits.REVENUE_FRACTION_DIGITS, java.math.RoundingMode.UNNECESSARY);
    }

    private static Boolean bool(RawRow raw, Column c, long line, List<ImportError> errors) {
        String v = raw.get(c);
        if (v == null) {
            return null;
        }
        switch (Cells.nfkc(v).toLowerCase(Locale.ROOT)) {
            case "true", "1", "y", "yes", "是", "√", "✓", "✔", "1.0" -> {
                return Boolean.TRUE;
            }
            case "false", "0", "n", "no", "否", "×", "✗", "✘", "x", "0.0" -> {
                return Boolean.FALSE;
            }
            default -> {
                errors.add(new ImportError(line, c.field, FieldMessage.of("'" + v + "' is not a yes/no value (是/否, √/×, 1/0,"
                        + " Y/N, true/false)", "field.INVALID_VALUE.yes-no", v)));
                return null;
            }
        }
    }
}
