package cn.liaocheng.rdcoverage.capacity;

import cn.liaocheng.rdcoverage.common.ApiException;
import cn.liaocheng.rdcoverage.common.FieldCodes;
import cn.liaocheng.rdcoverage.enterprise.EnterpriseLimits;
import jakarta.validation.constraints.Digits;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

/**
 * The seven capacity figures as a client sends them: declared by an institution (body of
 * {@code PUT /institutions/{id}/capacity/{year}} and {@code capacity} of an institution), verified by an assessor
 * ({@code verifiedCapacity} of an inspection record) or supposed in a what-if ({@code capacity} of an assessment).
 * The limits are the columns' ({@link CapacityColumns}); a value out of them is a 400 naming the field.
 *
 * @param year             statistical year, only where a capacity is declared for a year (an institution's; default
 *                         the current year); elsewhere a year is refused with a 400 ({@link #refuseYear})
 * @param personnel        persons, 0 to {@value #MAX_COUNT}
 * @param equipmentValue   yuan, at most {@value #YUAN_INTEGER_DIGITS} integer digits and 2 decimals
 * @param rdExpenditure    yuan per year, at most {@value #YUAN_INTEGER_DIGITS} integer digits and 2 decimals
 * @param floorArea        m², at most {@value #AREA_INTEGER_DIGITS} integer digits and 2 decimals
 * @param projectCount     0 to {@value #MAX_COUNT}
 * @param hasRules         complete rules and regulations in place
 * @param hasStableFunding a mechanism of continuous, stable R&amp;D funding
 */
public record CapacityInput(
        @Schema(description = "statistical year of an institution's declared capacity (default: the current year); "
                + "not accepted in verifiedCapacity or in an assessment")
        @Min(value = EnterpriseLimits.MIN_YEAR, message = "{rd.year.min}") @Max(value = 2100, message = "{rd.year.max}") Integer year,
        @NotNull @PositiveOrZero @Max(MAX_COUNT) Integer personnel,
        @NotNull @PositiveOrZero @Digits(integer = YUAN_INTEGER_DIGITS, fraction = FRACTION_DIGITS) BigDecimal equipmentValue,
        @NotNull @PositiveOrZero @Digits(integer = YUAN_INTEGER_DIGITS, fraction = FRACTION_DIGITS) BigDecimal rdExpenditure,
        @NotNull @PositiveOrZero @Digits(integer = AREA_INTEGER_DIGITS, fraction = FRACTION_DIGITS) BigDecimal floorArea,
        @NotNull @PositiveOrZero @Max(MAX_COUNT) Integer projectCount,
        @NotNull Boolean hasRules,
        @NotNull Boolean hasStableFunding) {

    /** Persons and projects. */
    public static final int MAX_COUNT = 1_000_000;
    /** Yuan amounts: decimal(18,2) columns, as an enterprise's revenue. */
    public static final int YUAN_INTEGER_DIGITS = EnterpriseLimits.REVENUE_INTEGER_DIGITS;
    /** Floor area: a decimal(12,2) column. */
    public static final int AREA_INTEGER_DIGITS = 10;
    public static final int FRACTION_DIGITS = 2;

    /** The same figures for {@code year}. */
    public CapacityInput withYear(int year) {
        return new CapacityInput(year, personnel, equipmentValue, rdExpenditure, floorArea, projectCount, hasRules,
                hasStableFunding);
    }

    /**
     * Where a capacity is not declared for a year (a verified or supposed capacity), a year in it is refused as an
     * unknown field (400 naming {@code field.year}, code {@code UNKNOWN_FIELD}), as before the input records merged.
     */
    public static void refuseYear(CapacityInput in, String field) {
        if (in != null && in.year() != null) {
            throw ApiException.invalid(field + ".year", "is not a field of this resource, or is read-only and cannot be set",
                    FieldCodes.UNKNOWN_FIELD);
        }
    }
}
