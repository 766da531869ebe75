package cn.liaocheng.rdcoverage.common;

/**
 * LIKE patterns that work in every SQL mode: the escape character is {@code !} ({@code escape '!'} in the query),
 * never a backslash, which MySQL reads as an escape inside string literals unless NO_BACKSLASH_ESCAPES is set
 * (common on managed MySQL), so no single spelling of {@code escape '\'} works in both modes.
 */
public final class LikePattern {
    /** The clause to write after {@code like :param}. */
    public static final String ESCAPE = " escape '!'";

    private LikePattern() {
    }

    /** {@code %text%} with the wildcards and the escape character of {@code text} taken literally. */
    public static String contains(String text) {
        return "%" + text.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
