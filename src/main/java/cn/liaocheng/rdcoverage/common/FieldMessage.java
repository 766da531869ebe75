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

    /** The same Chinese with more English before it (e.g. the value quoted in front of the reason). */
    public FieldMessage prefixed(String englishPrefix) {
        return new FieldMessage(englishPrefix + english, key, args);
    }

    @Override
    public String toString() {
        return english;
    }
}
