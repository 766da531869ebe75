package cn.liaocheng.rdcoverage.capacity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.math.BigDecimal;

/**
 * The seven capacity columns (有场地、有人员、有投入、有设备、有项目、有制度), embedded with the same column names in
 * {@code institution_capacity} (declared per year), {@code application} (the declaration at submission) and
 * {@code inspection} (verified on site), and in their Envers {@code _aud} twins. Hibernate loads a group whose
 * columns are all null as a null group (nothing declared or verified).
 */
@Embeddable
public class CapacityColumns {
    /** 研发机构人员 (persons). */
    public Integer personnel;
    /** 研发仪器设备原值 (yuan, decimal(18,2)). */
    public BigDecimal equipmentValue;
    /** 年研发经费投入 (yuan per year, decimal(18,2)). */
    public BigDecimal rdExpenditure;
    /** 研发场地 (m², decimal(12,2)). */
    @Column(precision = 12, scale = 2)
    public BigDecimal floorArea;
    /** 研发项目（课题）. */
    public Integer projectCount;
    /** 完备的规章制度. */
    public Boolean hasRules;
    /** 持续稳定的研发经费投入机制. */
    public Boolean hasStableFunding;

    /** For JPA. */
    protected CapacityColumns() {
    }

    public CapacityColumns(Integer personnel, BigDecimal equipmentValue, BigDecimal rdExpenditure, BigDecimal floorArea,
                           Integer projectCount, Boolean hasRules, Boolean hasStableFunding) {
        this.personnel = personnel;
        this.equipmentValue = equipmentValue;
        this.rdExpenditure = rdExpenditure;
        this.floorArea = floorArea;
        this.projectCount = projectCount;
        this.hasRules = hasRules;
        this.hasStableFunding = hasStableFunding;
    }
}
