package cn.liaocheng.rdcoverage.enterprise;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * One statistical year as a client sends it; {@code year} may be omitted where the path names it. {@code regionCode}
 * is the region of that year (default: as stored for the year, else the enterprise's current region).
 */
public record FiguresInput(
        @Min(value = EnterpriseLimits.MIN_YEAR, message = "{rd.year.min}") @Max(value = 2100, message = "{rd.year.max}") Integer year,
        @NotNull @PositiveOrZero @Max(EnterpriseLimits.MAX_EMPLOYEES) Integer employees,
        @NotNull @PositiveOrZero @Digits(integer = EnterpriseLimits.REVENUE_INTEGER_DIGITS, fraction = EnterpriseLimits.REVENUE_FRACTION_DIGITS) BigDecimal revenue,
        Boolean aboveDesignatedSize,
        @Size(max = 6) String regionCode) {
}
