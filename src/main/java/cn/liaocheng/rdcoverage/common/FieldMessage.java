package cn.liaocheng.rdcoverage.common;

/**
 * The message of a field error as raised: the English sentence, written where the error is raised, and the key of
 * its Chinese pattern in the ProblemMessages bundle ({@code field.<code>.<case>}, a {@link java.text.MessageFormat}
 * pattern) with the arguments it interpolates: the bound, the value as sent, the accepted format or values. Under
 * {@code Accept-Language: zh-CN} {@link ProblemLanguage} serves the pattern formatted with these arguments, each
 * written as {@link String#valueOf} gives it (no digit grouping of years, codes or bounds); under {@code en} the
 * English sentence. {@link #toString} is the English, so a message can still be concatenated into English text.
 */
public record FieldMessage(String english, String key, Object... args) {

    /** The English {@code english} whose Chinese is the bundle pattern {@code key} over {@code args}. */
    public static FieldMessage of(String english, String key, Object... args) {
        return new FieldMessage(english, key, args);
    }

    /** A workflow date after {@code today} (the service's zone): dates are recorded once what they date has happened. */
    public static FieldMessage afterToday(java.time.LocalDate today) {
        return of("must not be after today (" + today + ")", "field.IN_FUTURE.today", today);
    }

    /** The same Chinese with more English before it (e.g. the value quoted in front of the reason). */
    public FieldMessage prefixed(String englishPrefix) {
        return new FieldMessage(englishPrefix + english, key, args);
    }

    /**
     * This message about a value as sent, the value quoted in front ({@code 'x' must ...}; Chinese
     * {@code field.value.quoted}: 值“x”：...), as import row errors show the cell they refuse.
     */
    public FieldMessage quoting(String value) {
        return new FieldMessage("'" + value + "' " + english, "field.value.quoted", value, this);
    }

    /**
     * The stable machine code ({@link FieldCodes}) this message is about: the {@code <CODE>} its key names
     * ({@code field.<CODE>.<case>}); for a message around another one (e.g. {@link #quoting}), that one's; else guessed
     * from the English ({@link FieldCodes#guess}).
     */
    public String code() {
        if (key != null && key.startsWith("field.")) {
            int end = key.indexOf('.', 6);
            String named = end < 0 ? key.substring(6) : key.substring(6, end);
            if (FieldCodes.ALL.contains(named)) {
                return named;
            }
        }
        for (Object arg : args == null ? new Object[0] : args) {
            if (arg instanceof FieldMessage inner) {
                return inner.code();
            }
        }
        return FieldCodes.guess(english);
    }

    @Override
    public String toString() {
        return english;
    }
}
