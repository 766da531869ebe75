package cn.liaocheng.rdcoverage.eligibility;

/**
 * A column of the construction standard (建设标准) and of the one-time awards. MICRO enterprises have no
 * column of their own; {@link Interpretations#microTier()} says which one they use.
 */
public enum Tier {
    LARGE,
    MEDIUM,
    SMALL
}
