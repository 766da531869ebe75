package cn.liaocheng.rdcoverage.enterprise.importing;

import cn.liaocheng.rdcoverage.enterprise.CreditCode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Checks one raw record and turns it into an {@link ImportRow}, or adds what is wrong to {@code errors}. */
final class RowValidator {
    private static final BigDecimal MAX_REVENUE = new BigDecimal("9999999999999999.99");
    private static final Pattern INDUSTRY_CODE = Pattern.compile("[A-T]?\\d{2,4}");
    private final Predicate<String> regionExists;
    private final String regionScope;
    private final int currentYear;

    RowValidator(Predicate<String> regionExists, String regionScope, int currentYear) {
        this.regionExists = regionExists;
        this.regionScope = regionScope;
        this.currentYear = currentYear;
    }

    ImportRow validate(RawRow raw, List<ImportError> errors) {
        long line = raw.line();
        if (raw.cells() == null) {
            errors.add(new ImportError(line, "row", "must be a JSON object"));
            return null;
        }
        int before = errors.size();
        String code = CreditCode.normalise(raw.get(Column.CREDIT_CODE));
        String codeProblem = CreditCode.problem(code);
        if (codeProblem != null) {
            errors.add(new ImportError(line, Column.CREDIT_CODE.field, codeProblem));
        }
        String name = raw.get(Column.NAME);
        if (name == null) {
            errors.add(new ImportError(line, Column.NAME.field, "is required"));
        } else if (name.length() > 200) {
            errors.add(new ImportError(line, Column.NAME.field, "must be at most 200 characters"));
        }
        String region = raw.get(Column.REGION_CODE);
        if (region == null) {
            errors.add(new ImportError(line, Column.REGION_CODE.field, "is required"));
        } else if (!regionExists.test(region)) {
            errors.add(new ImportError(line, Column.REGION_CODE.field, "'" + region + "' is not a region of Liaocheng; see GET /api/v1/regions"));
        } else if (regionScope != null && !regionScope.equals(region)) {
            errors.add(new ImportError(line, Column.REGION_CODE.field, "'" + region + "' is outside your region (" + regionScope + ")"));
        }
        String industry = raw.get(Column.INDUSTRY_CODE);
        if (industry != null && !INDUSTRY_CODE.matcher(industry).matches()) {
            errors.add(new ImportError(line, Column.INDUSTRY_CODE.field, "must be a GB/T 4754-2017 code such as C3311 or 3311"));
        }
        String address = raw.get(Column.ADDRESS);
        if (address != null && address.length() > 300) {
            errors.add(new ImportError(line, Column.ADDRESS.field, "must be at most 300 characters"));
        }
        Integer year = wholeNumber(raw, Column.YEAR, line, errors);
        if (year != null && year < 1990) {
            errors.add(new ImportError(line, Column.YEAR.field, "must be 1990 or later"));
        } else if (year != null && year > currentYear) {
            errors.add(new ImportError(line, Column.YEAR.field, "must not be in the future (" + year + " > " + currentYear + ")"));
        }
        Integer employees = wholeNumber(raw, Column.EMPLOYEES, line, errors);
        BigDecimal revenue = amount(raw, Column.REVENUE, line, errors);
        Boolean above = bool(raw, Column.ABOVE_DESIGNATED_SIZE, line, errors);
        Boolean keyEnterprise = bool(raw, Column.KEY_ENTERPRISE, line, errors);
        Boolean keyIndustry = bool(raw, Column.KEY_INDUSTRY, line, errors);
        if (errors.size() > before) {
            return null;
        }
        return new ImportRow(line, code, name, region, industry, address, year, employees, revenue, above, keyEnterprise, keyIndustry);
    }

    private static Integer wholeNumber(RawRow raw, Column c, long line, List<ImportError> errors) {
        String v = raw.get(c);
        if (v == null) {
            if (c.required) {
                errors.add(new ImportError(line, c.field, "is required"));
            }
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v.replace(",", ""));
            if (d.signum() < 0) {
                errors.add(new ImportError(line, c.field, "must not be negative"));
                return null;
            }
            return d.intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(new ImportError(line, c.field, "'" + v + "' is not a whole number"));
            return null;
        }
    }

    private static BigDecimal amount(RawRow raw, Column c, long line, List<ImportError> errors) {
        String v = raw.get(c);
        if (v == null) {
            errors.add(new ImportError(line, c.field, "is required"));
            return null;
        }
        try {
            BigDecimal d = new BigDecimal(v.replace(",", ""));
            if (d.signum() < 0) {
                errors.add(new ImportError(line, c.field, "must not be negative"));
                return null;
            }
            if (d.scale() > 2 && d.stripTrailingZeros().scale() > 2) {
                errors.add(new ImportError(line, c.field, "has more than 2 decimals (yuan and fen)"));
                return null;
            }
            if (d.compareTo(MAX_REVENUE) > 0) {
                errors.add(new ImportError(line, c.field, "is too large"));
                return null;
            }
            return d.setScale(2, java.math.RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            errors.add(new ImportError(line, c.field, "'" + v + "' is not a number (yuan)"));
            return null;
        }
    }

    private static Boolean bool(RawRow raw, Column c, long line, List<ImportError> errors) {
        String v = raw.get(c);
        if (v == null) {
            return null;
        }
        switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "y", "yes", "是" -> {
                return Boolean.TRUE;
            }
            case "false", "0", "n", "no", "否" -> {
                return Boolean.FALSE;
            }
            default -> {
                errors.add(new ImportError(line, c.field, "'" + v + "' is not a yes/no value (true/false, 1/0, 是/否)"));
                return null;
            }
        }
    }
}
