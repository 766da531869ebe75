package cn.liaocheng.rdcoverage.capacity;

import cn.liaocheng.rdcoverage.eligibility.Capacity;

import java.util.Objects;

/**
 * The one mapping of the seven capacity figures between their forms: request ({@link CapacityInput}), columns
 * ({@link CapacityColumns}), response ({@link CapacityView}) and the eligibility rules' facts ({@link Capacity}).
 * Pure: no persistence, no clock.
 */
public final class CapacityMapper {
    private CapacityMapper() {
    }

    /** The columns for a validated input (its year is not a column of the group). */
    public static CapacityColumns columns(CapacityInput in) {
        return new CapacityColumns(in.personnel(), in.equipmentValue(), in.rdExpenditure(), in.floorArea(),
                in.projectCount(), in.hasRules(), in.hasStableFunding());
    }

    /** A copy of the columns (an application's snapshot of a declared year), null for null. */
    public static CapacityColumns copy(CapacityColumns from) {
        return from == null ? null : new CapacityColumns(from.personnel, from.equipmentValue, from.rdExpenditure,
                from.floorArea, from.projectCount, from.hasRules, from.hasStableFunding);
    }

    /** The view of {@code year}'s columns; null when nothing is declared or verified (no personnel). */
    public static CapacityView view(Integer year, CapacityColumns c) {
        return present(c) ? new CapacityView(year, c.personnel, c.equipmentValue, c.rdExpenditure, c.floorArea,
                c.projectCount, Boolean.TRUE.equals(c.hasRules), Boolean.TRUE.equals(c.hasStableFunding)) : null;
    }

    /** The facts the eligibility rules read; null (a missing capacity) when nothing is declared or verified. */
    public static Capacity facts(CapacityColumns c) {
        return present(c) ? new Capacity(c.personnel, c.equipmentValue, c.rdExpenditure, c.floorArea, c.projectCount,
                Boolean.TRUE.equals(c.hasRules), Boolean.TRUE.equals(c.hasStableFunding)) : null;
    }

    /** The facts of a supposed capacity (a what-if); null for null. */
    public static Capacity facts(CapacityInput in) {
        return in == null ? null : facts(columns(in));
    }

    /** Whether storing {@code in} would leave {@code c} as it is (amounts compared by value: 5 equals 5.00). */
    public static boolean sameFigures(CapacityColumns c, CapacityInput in) {
        return present(c) && c.personnel.equals(in.personnel()) && Objects.equals(c.projectCount, in.projectCount())
                && c.equipmentValue.compareTo(in.equipmentValue()) == 0 && c.rdExpenditure.compareTo(in.rdExpenditure()) == 0
                && c.floorArea.compareTo(in.floorArea()) == 0 && Objects.equals(c.hasRules, in.hasRules())
                && Objects.equals(c.hasStableFunding, in.hasStableFunding());
    }

    /** Whether the group holds figures: personnel is required in every input, so its absence means none. */
    public static boolean present(CapacityColumns c) {
        return c != null && c.personnel != null;
    }
}
