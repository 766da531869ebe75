package cn.liaocheng.rdcoverage.eligibility;

/**
 * Enterprise size class (国统字〔2017〕213号, industry rows), derived from one year's figures by
 * {@link SizeClassification#classify(long, java.math.BigDecimal)}; never typed in.
 */
public enum SizeClass {
    LARGE,
    MEDIUM,
    SMALL,
    MICRO
}
