package cn.liaocheng.rdcoverage.capacity;

import cn.liaocheng.rdcoverage.common.StoredDecimals;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;

/**
 * Capacity as the API shows it: an institution's declared year ({@code /institutions/{id}/capacity/{year}} and its
 * latest year in the institution), the declaration an application was submitted with, and an inspection's verified
 * figures. Amounts in yuan, floor area in m². Built by {@link CapacityMapper#view}.
 *
 * @param year the declared year; null only in an inspection's verified capacity (verified figures have no year)
 */
@Schema(name = "InstitutionCapacityView")
public record CapacityView(@Schema(nullable = true) Integer year, int personnel, @Schema(nullable = true) BigDecimal equipmentValue,
                           @Schema(nullable = true) BigDecimal rdExpenditure, @Schema(nullable = true) BigDecimal floorArea,
                           int projectCount, boolean hasRules, boolean hasStableFunding) {
    /** Amounts and area as stored (2 decimals), whether the view comes from a request or a row. */
    public CapacityView {
        equipmentValue = StoredDecimals.amount(equipmentValue);
        rdExpenditure = StoredDecimals.amount(rdExpenditure);
        floorArea = StoredDecimals.amount(floorArea);
    }
}
