package cn.liaocheng.rdcoverage.enterprise.importing;

import java.math.BigDecimal;

/**
 * A validated row: one enterprise's attributes and one year's figures. Null booleans mean "not given";
 * {@code figuresRegionCode} is the region of the year's figures when the row names one apart from the enterprise's.
 */
record ImportRow(long line, String creditCode, String name, String regionCode, String industryCode, String address,
                 int year, int employees, BigDecimal revenue, Boolean aboveDesignatedSize,
                 Boolean keyEnterprise, Boolean keyIndustry, String figuresRegionCode) {

    ImportRow(long line, String creditCode, String name, String regionCode, String industryCode, String address,
              int year, int employees, BigDecimal revenue, Boolean aboveDesignatedSize,
              Boolean keyEnterprise, Boolean keyIndustry) {
        this(line, creditCode, name, regionCode, industryCode, address, year, employees, revenue, aboveDesignatedSize,
                keyEnterprise, keyIndustry, null);
    }

    /** The region the row's year's figures lie in. */
    String yearRegion() {
        return figuresRegionCode != null ? figuresRegionCode : regionCode;
    }
}
