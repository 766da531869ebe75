package cn.liaocheng.rdcoverage.enterprise;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/** One statistical year as a client sends it; {@code year} may be omitted where the path names it. */
public record FiguresInput(
        @Min(value = 1990, message = "must be 1990 or later") @Max(value = 2100, message = "must be 2100 or earlier") Integer year,
        @NotNull @PositiveOrZero @Max(10_000_000) Integer employees,
        @NotNull @PositiveOrZero @Digits(integer = 16, fraction = 2) BigDecimal revenue,
        Boolean aboveDesignatedSize) {
}
