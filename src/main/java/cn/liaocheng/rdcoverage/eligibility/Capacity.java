package cn.liaocheng.rdcoverage.eligibility;

import java.math.BigDecimal;

/**
 * Declared (or verified) capacity of an R&D institution. A null amount is a missing fact: the criterion
 * is reported with actual {@code null} and is not met.
 *
 * @param personnel         研发机构人员 (persons)
 * @param equipmentValue    研发仪器设备原值 (yuan, original value)
 * @param rdExpenditure     年研发经费投入 (yuan per year)
 * @param floorArea         研发场地 (m²)
 * @param projectCount      研发项目（课题）
 * @param hasRules          完备的规章制度
 * @param hasStableFunding  持续稳定的研发经费投入机制
 */
public record Capacity(int personnel, BigDecimal equipmentValue, BigDecimal rdExpenditure, BigDecimal floorArea,
        int projectCount, boolean hasRules, boolean hasStableFunding) {
}
