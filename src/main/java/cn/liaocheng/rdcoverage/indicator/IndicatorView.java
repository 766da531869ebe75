package cn.liaocheng.rdcoverage.indicator;

import cn.liaocheng.rdcoverage.common.Versioned;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * An institution's indicators of a year, with the R&D expenditure and personnel of its capacity for that year
 * (null when no capacity is declared for it).
 */
@Schema(name = "InstitutionIndicators")
public record IndicatorView(String institutionId, int year, int patentApplications, int inventionPatentApplications,
                            int patentsGranted, int newProducts, BigDecimal rdExpenditure, Integer rdPersonnel,
                            Instant updatedAt, String updatedBy, long version) implements Versioned {
}
