package cn.liaocheng.rdcoverage.enterprise.importing;

import java.math.BigDecimal;

/** A validated row: one enterprise's attributes and one year's figures. Null booleans mean "not given". */
record ImportRow(long line, String creditCode, String name, String regionCode, String industryCode, String address,
                 int year, int employees, BigDecimal revenue, Boolean aboveDesignatedSize,
                 Boolean keyEnterprise, Boolean keyIndustry) {
}
