package cn.liaocheng.rdcoverage.eligibility;

/**
 * Certification level of a platform. The declaration order is significant: "CITY or higher" (市级以上)
 * means {@code ordinal() >= CITY.ordinal()}.
 */
public enum CertificationLevel {
    NONE,
    CITY,
    PROVINCE,
    NATIONAL;

    /** True when this level is {@code minimum} or higher. */
    public boolean atLeast(CertificationLevel minimum) {
        return ordinal() >= minimum.ordinal();
    }
}
