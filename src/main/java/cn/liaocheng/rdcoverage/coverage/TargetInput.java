package cn.liaocheng.rdcoverage.coverage;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/** {@code {"year": 2026, "regionCode": "371524" (absent for city-wide), "coverageRate": 1.0, "provincialIncrease": 2}}. */
public record TargetInput(@NotNull @Min(2000) @Max(2100) Integer year,
                          String regionCode,
                          @NotNull @DecimalMin("0") @DecimalMax("1") @Digits(integer = 1, fraction = 4) BigDecimal coverageRate,
                          @NotNull @Min(0) @Max(100000) Integer provincialIncrease) {
}
