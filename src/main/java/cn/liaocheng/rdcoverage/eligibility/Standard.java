package cn.liaocheng.rdcoverage.eligibility;

import java.math.BigDecimal;

/**
 * One column of the construction standard (研发机构建设标准). Every value is a lower bound, inclusive.
 *
 * @param personnel      研发机构人员 (persons)
 * @param equipmentValue 研发仪器设备原值 (yuan)
 * @param rdExpenditure  年研发经费投入 (yuan per year)
 * @param floorArea      研发场地 (m²)
 * @param projectCount   研发项目（课题）
 */
public record Standard(int personnel, BigDecimal equipmentValue, BigDecimal rdExpenditure, BigDecimal floorArea,
        int projectCount) {

    public Standard {
        Checks.nonNegative(personnel, "personnel");
        Checks.nonNegative(equipmentValue, "equipmentValue");
        Checks.nonNegative(rdExpenditure, "rdExpenditure");
        Checks.nonNegative(floorArea, "floorArea");
        Checks.nonNegative(projectCount, "projectCount");
    }
}
