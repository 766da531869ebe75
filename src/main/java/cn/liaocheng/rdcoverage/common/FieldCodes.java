package cn.liaocheng.rdcoverage.common;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

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
    public static final List<String> ALL = List.of(REQUIRED, OUT_OF_RANGE, TOO_LONG, INVALID_FORMAT,
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

    /**
     * The clues of {@link #guess}, tried in this order: the first whose phrase the lower-cased message holds (or,
     * for REQUIRED, equals or starts with) gives the code.
     */
    private static final List<Clue> CLUES = List.of(
            new Clue(INVALID_CREDIT_CODE, containsAny("check character", "credit code")),
            new Clue(REQUIRED, ((Predicate<String>) "is required"::equals).or(m -> m.startsWith("is missing"))
                    .or(containsAny("must not be null", "must not be blank", "must not be empty"))),
            new Clue(UNKNOWN_FIELD, containsAny("is not a field")),
            new Clue(NOT_SORTABLE, containsAny("cannot sort by")),
            new Clue(IN_FUTURE, containsAny("in the future")),
            new Clue(MALFORMED_JSON, containsAny("well-formed json", "could not be read as json")),
            new Clue(INVALID_DATE, containsAny("date")),
            new Clue(INVALID_TYPE, containsAny("wrong type", "whole number", "boolean")),
            new Clue(OUT_OF_RANGE, containsAny("must be between", "or more", "or less", "or later", "at least", "at most",
                    "greater", "less than")),
            new Clue(INVALID_VALUE, containsAny("one of", "must be ")),
            new Clue(NOT_FOUND, containsAny("does not exist", "unknown")),
            new Clue(OUT_OF_SCOPE, containsAny("outside your", "another region")));

    /** A code and what in a lower-cased English message points to it. */
    private record Clue(String code, Predicate<String> matches) {
    }

    private static Predicate<String> containsAny(String... phrases) {
        return m -> Arrays.stream(phrases).anyMatch(m::contains);
    }

    /** A code for a hand-written English message, so that every existing field error carries one; INVALID when none fits. */
    public static String guess(String message) {
        if (message == null) {
            return INVALID;
        }
        String m = message.toLowerCase(Locale.ROOT);
        return CLUES.stream().filter(c -> c.matches().test(m)).map(Clue::code).findFirst().orElse(INVALID);
    }
}
