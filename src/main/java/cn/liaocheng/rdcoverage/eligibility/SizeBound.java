package cn.liaocheng.rdcoverage.eligibility;

import java.math.BigDecimal;

/**
 * Lower bounds of one size class; both must hold (inclusive).
 *
 * @param employees minimum 从业人员 (persons)
 * @param revenue   minimum 营业收入 (yuan)
 */
public record SizeBound(long employees, BigDecimal revenue) {

    public SizeBound {
        Checks.nonNegative(employees, "employees");
        Checks.nonNegative(revenue, "revenue");
    }

    /** True when both lower bounds hold. */
    public boolean admits(long employees, BigDecimal revenue) {
        return employees >= this.employees && revenue.compareTo(this.revenue) >= 0;
    }
}
