package cn.liaocheng.rdcoverage.enterprise.importing;

import java.math.BigDecimal;

/**
 * A validated row: one enterprise's attributes and one year's figures. Null booleans mean "not given";
 * {@code figuresRegionCode} is the region of the year's figures when the row names one apart from the enterprise's;
 * {@code index} is the record's 0-based index in a JSON upload (-1 in a table).
 */
record ImportRow(long line, String creditCode, String name, String regionCode, String industryCode, String address,
                 int year, int employees, BigDecimal revenue, Boolean aboveDesignatedSize,
                 Boolean keyEnterprise, Boolean keyIndustry, String figuresRegionCode, long index) {

    ImportRow(long line, String creditCode, String name, String regionCode, String industryCode, String address,
              int year, int employees, BigDecimal revenue, Boolean aboveDesignatedSize,
              Boolean keyEnterprise, Boolean keyIndustry, String figuresRegionCode) {
        this(line, creditCode, name, regionCode, industryCode, address, year, employees, revenue, aboveDesignatedSize,
                keyEnterprise, keyIndustry, figuresRegionCode, -1);
    }

    ImportRow(long line, String creditCode, String name, String regionCode, String industryCode, String address,
              int year, int employees, BigDecimal revenue, Boolean aboveDesignatedSize,
              Boolean keyEnterprise, Boolean keyIndustry) {
        this(line, creditCode, name, regionCode, industryCode, address, year, employees, revenue, aboveDesignatedSize,
                keyEnterprise, keyIndustry, null);
    }

    /** A row error about this row ({@link ImportError#at} its JSON index). */
    ImportError error(String field, cn.liaocheng.rdcoverage.common.FieldMessage message) {
        return new ImportError(line, field, message).at(index);
    }

    /** The region the row's year's figures lie in. */
    String yearRegion() {
        return figuresRegionCode != null ? figuresRegionCode : regionCode;
    }
}
