package cn.liaocheng.rdcoverage.common;

import java.util.Locale;

/**
 * An answer (or a problem's extension member) that carries messages for people, such as an import report's row errors:
 * {@link ProblemLanguage} serves {@link #in} the client's language ({@code Accept-Language}: zh-CN by default, or en)
 * in its place. Codes and numbers stay the same in every language.
 */
public interface Localisable {
    /**
     * This answer with its messages in {@code locale} (Chinese or English): a new object, or this one with its problems
     * localised in place (a batch's, whose {@link Problem}s are mutable); either way, asking twice for the same language
     * gives the same answer.
     */
    Object in(Locale locale);
}
