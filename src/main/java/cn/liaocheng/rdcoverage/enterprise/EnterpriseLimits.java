package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.common.FieldMessage;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * The limits of an enterprise and its yearly figures, in one place: the request records' constraints
 * ({@link EnterpriseInput}, {@link FiguresInput}) name these constants, and the import checks its rows with the
 * methods below, so a value the API refuses is refused by an import too.
 */
public final class EnterpriseLimits {
    public static final int NAME_MAX = 200;
    public static final int ADDRESS_MAX = 300;
    public static final int MIN_YEAR = 1990;
    public static final int MAX_EMPLOYEES = 10_000_000;
    /** Revenue in yuan: at most 16 integer digits and 2 decimals (fen), as the column stores it. */
    public static final int REVENUE_INTEGER_DIGITS = 16;
    public static final int REVENUE_FRACTION_DIGITS = 2;
    public static final BigDecimal MAX_REVENUE = new BigDecimal("9999999999999999.99");
    public static final String INDUSTRY_CODE_REGEX = "[A-T]?\\d{2,4}";
    public static final String INDUSTRY_CODE_MESSAGE = "must be a GB/T 4754-2017 code such as C3311 or 3311";
    public static final String REGION_CODE_REGEX = "\\d{6}";
    private static final Pattern INDUSTRY_CODE = Pattern.compile(INDUSTRY_CODE_REGEX);

    private EnterpriseLimits() {
    }

    // Each check answers why a value is refused, in English and Chinese (FieldMessage), or null when it is accepted.

    public static FieldMessage nameProblem(String name) {
        if (cn.liaocheng.rdcoverage.common.VisibleText.trim(name) == null) {
            return FieldMessage.of("is required", "field.REQUIRED.name");
        }
        return name.length() > NAME_MAX
                ? FieldMessage.of("must be at most " + NAME_MAX + " characters", "field.TOO_LONG.chars", NAME_MAX, name.length()) : null;
    }

    public static FieldMessage addressProblem(String address) {
        return address != null && address.length() > ADDRESS_MAX
                ? FieldMessage.of("must be at most " + ADDRESS_MAX + " characters", "field.TOO_LONG.chars", ADDRESS_MAX, address.length())
                : null;
    }

    public static FieldMessage industryCodeProblem(String code) {
        return code != null && !INDUSTRY_CODE.matcher(code).matches()
                ? FieldMessage.of(INDUSTRY_CODE_MESSAGE, "field.INVALID_FORMAT.industry-code") : null;
    }

    public static FieldMessage yearProblem(int year, int currentYear) {
        if (year < MIN_YEAR) {
            return FieldMessage.of("must be " + MIN_YEAR + " or later", "field.OUT_OF_RANGE.min-year", MIN_YEAR, year);
        }
        return year > currentYear ? FieldMessage.of("must not be in the future (" + year + " > " + currentYear + ")",
                "field.IN_FUTURE.year", year, currentYear) : null;
    }

    public static FieldMessage employeesProblem(long employees) {
        if (employees < 0) {
            return FieldMessage.of("must not be negative", "field.OUT_OF_RANGE.negative-persons");
        }
        return employees > MAX_EMPLOYEES
                ? FieldMessage.of("must be at most " + MAX_EMPLOYEES, "field.OUT_OF_RANGE.max-persons", MAX_EMPLOYEES) : null;
    }

    /**
     * Why a revenue in yuan is out of bounds, or null. Looks at precision and scale only, so a value such as
     * {@code 1e1000000} is refused without being expanded.
     */
    public static FieldMessage revenueProblem(BigDecimal yuan) {
        if (yuan.signum() < 0) {
            return FieldMessage.of("must not be negative", "field.OUT_OF_RANGE.negative-yuan");
        }
        if (yuan.scale() > REVENUE_FRACTION_DIGITS && yuan.stripTrailingZeros().scale() > REVENUE_FRACTION_DIGITS) {
            return FieldMessage.of("has more than " + REVENUE_FRACTION_DIGITS + " decimals (yuan and fen)",
                    "field.OUT_OF_RANGE.fen", REVENUE_FRACTION_DIGITS);
        }
        if ((long) yuan.precision() - yuan.scale() > REVENUE_INTEGER_DIGITS) {
            return FieldMessage.of("is too large (at most " + REVENUE_INTEGER_DIGITS + " digits of yuan)",
                    "field.OUT_OF_RANGE.yuan-digits", REVENUE_INTEGER_DIGITS);
        }
        return null;
    }
}
