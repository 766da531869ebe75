package cn.liaocheng.rdcoverage.eligibility;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Argument checks shared by the records of this package. Failures are IllegalArgumentExceptions. */
final class Checks {

    private Checks() {
    }

    static <T> T required(T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Amounts, areas and revenues of a policy: 0 or more, within {@link PolicyBounds#amountDigitsInRange}. */
    static BigDecimal nonNegative(BigDecimal value, String name) {
        required(value, name);
        if (value.signum() < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        if (!PolicyBounds.amountDigitsInRange(value)) {
            throw new IllegalArgumentException(name + " must have at most " + PolicyBounds.AMOUNT_INTEGER_DIGITS
                    + " digits before and " + PolicyBounds.AMOUNT_FRACTION_DIGITS + " after the decimal point");
        }
        return value;
    }

    /** Counts of a policy (people, projects, cooperations): 0 to {@link PolicyBounds#MAX_COUNT}. */
    static long nonNegative(long value, String name) {
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        if (value > PolicyBounds.MAX_COUNT) {
            throw new IllegalArgumentException(name + " must be at most " + PolicyBounds.MAX_COUNT);
        }
        return value;
    }

    /** An unmodifiable copy; null means empty; null elements are rejected with the element's index. */
    static <T> List<T> listOf(List<T> list, String name) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i) == null) {
                throw new IllegalArgumentException(name + "[" + i + "] must not be null");
            }
        }
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    /** An unmodifiable EnumMap copy that must hold a non-null value for every tier. */
    static <V> Map<Tier, V> everyTier(Map<Tier, V> map, String name) {
        return everyKey(map, Tier.class, name);
    }

    /** An unmodifiable EnumMap copy that must hold a non-null value for every constant of {@code keys}. */
    static <K extends Enum<K>, V> Map<K, V> everyKey(Map<K, V> map, Class<K> keys, String name) {
        required(map, name);
        EnumMap<K, V> copy = new EnumMap<>(keys);
        for (K key : keys.getEnumConstants()) {
            V value = map.get(key);
            if (value == null) {
                throw new IllegalArgumentException(name + "." + key + " is required");
            }
            copy.put(key, value);
        }
        return Collections.unmodifiableMap(copy);
    }
}
