package cn.liaocheng.rdcoverage.common;

import java.util.Locale;

/**
 * The stable machine codes of field errors ({@code errors[].code}), which a portal translates; the message beside
 * it is for people and may change. Bean Validation constraints map to codes by their annotation
 * ({@link #ofConstraint}); hand-written field errors may name a code, else one is taken from the message.
 */
public final class FieldCodes {
    public static final String REQUIRED = "REQUIRED";
    public static final String OUT_OF_RANGE = "OUT_OF_RANGE";
    public static final String TOO_LONG = "TOO_LONG";
    public static final String INVALID_FORMAT = "INVALID_FORMAT";
    public static final String INVALID_TYPE = "INVALID_TYPE";
    public static final String INVALID_VALUE = "INVALID_VALUE";
    public static final String INVALID_CREDIT_CODE = "INVALID_CREDIT_CODE";
    public static final String INVALID_DATE = "INVALID_DATE";
    public static final String IN_FUTURE = "IN_FUTURE";
    public static final String UNKNOWN_FIELD = "UNKNOWN_FIELD";
    public static final String NOT_SORTABLE = "NOT_SORTABLE";
    public static final String MALFORMED_JSON = "MALFORMED_JSON";
    public static final String NOT_FOUND = "NOT_FOUND";
    public static final String OUT_OF_SCOPE = "OUT_OF_SCOPE";
    public static final String DUPLICATE = "DUPLICATE";
    public static final String INVALID = "INVALID";

    /** Every code, for the contract's catalogue. */
    public static final java.util.List<String> ALL = java.util.List.of(REQUIRED, OUT_OF_RANGE, TOO_LONG, INVALID_FORMAT,
            INVALID_TYPE, INVALID_VALUE, INVALID_CREDIT_CODE, INVALID_DATE, IN_FUTURE, UNKNOWN_FIELD, NOT_SORTABLE,
            MALFORMED_JSON, NOT_FOUND, OUT_OF_SCOPE, DUPLICATE, INVALID);

    private FieldCodes() {
    }

    /** The code of a Bean Validation constraint, by its annotation's simple name. */
    public static String ofConstraint(String annotation) {
        return switch (annotation) {
            case "NotNull", "NotBlank", "NotEmpty" -> REQUIRED;
            case "Min", "Max", "DecimalMin", "DecimalMax", "Positive", "PositiveOrZero", "Negative", "NegativeOrZero",
                 "Digits", "Range" -> OUT_OF_RANGE;
            case "Size", "Length" -> TOO_LONG;
            case "Pattern", "Email" -> INVALID_FORMAT;
            case "Past", "PastOrPresent" -> IN_FUTURE;
            case "ValidCreditCode", "CreditCode" -> INVALID_CREDIT_CODE;
            default -> INVALID;
        };
    }

    /** A code for a hand-written English message, so that every existing field error carries one. */
    public static String guess(String message) {
        if (message == null) {
            return INVALID;
        }
        String m = message.toLowerCase(Locale.ROOT);
        if (m.contains("check character") || m.contains("credit code")) {
            return INVALID_CREDIT_CODE;
        }
        if (m.equals("is required") || m.contains("must not be null") || m.contains("must not be blank")
                || m.contains("must not be empty") || m.startsWith("is missing")) {
            return REQUIRED;
        }
        if (m.contains("is not a field")) {
            return UNKNOWN_FIELD;
        }
        if (m.contains("cannot sort by")) {
            return NOT_SORTABLE;
        }
        if (m.contains("in the future")) {
            return IN_FUTURE;
        }
        if (m.contains("well-formed json") || m.contains("could not be read as json")) {
            return MALFORMED_JSON;
        }
        if (m.contains("date")) {
            return INVALID_DATE;
        }
        if (m.contains("wrong type") || m.contains("whole number") || m.contains("boolean")) {
            return INVALID_TYPE;
        }
        if (m.contains("must be between") || m.contains("or more") || m.contains("or less") || m.contains("or later")
                || m.contains("at least") || m.contains("at most") || m.contains("greater") || m.contains("less than")) {
            return OUT_OF_RANGE;
        }
        if (m.contains("one of") || m.contains("must be ")) {
            return INVALID_VALUE;
        }
        if (m.contains("does not exist") || m.contains("unknown")) {
            return NOT_FOUND;
        }
        if (m.contains("outside your") || m.contains("another region")) {
            return OUT_OF_SCOPE;
        }
        return INVALID;
    }
}
