package cn.liaocheng.rdcoverage.indicator;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** One year's outcome: patent applications, of which invention patents, patents granted, new products or processes. */
public record IndicatorInput(@NotNull @PositiveOrZero @Max(1_000_000) Integer patentApplications,
                             @NotNull @PositiveOrZero @Max(1_000_000) Integer inventionPatentApplications,
                             @NotNull @PositiveOrZero @Max(1_000_000) Integer patentsGranted,
                             @NotNull @PositiveOrZero @Max(1_000_000) Integer newProducts) {
}
