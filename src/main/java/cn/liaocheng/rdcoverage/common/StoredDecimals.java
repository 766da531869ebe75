package cn.liaocheng.rdcoverage.common;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.EnumMap;
import java.util.Map;

/**
 * Decimals as the database keeps them, for the views that show them: amounts (yuan), areas (m²) and percentages
 * in {@code decimal(p,2)} columns, rates in {@code decimal(5,4)}. A resource answered from the values a request
 * sent ({@code 600000}) and the same resource read back from its row ({@code 600000.00}) would otherwise differ in
 * their JSON: a client comparing a create's answer with a later GET or feed event (Java's {@code BigDecimal.equals},
 * a diff of the two documents) would see a change where there was none. Rounding is half up, as MariaDB and H2
 * round a value stored into such a column; the request bounds allow no more fraction digits than the column keeps,
 * so for what the API accepts it never rounds.
 */
public final class StoredDecimals {
    /** Fraction digits of the amount, area and percentage columns. */
    public static final int AMOUNT_SCALE = 2;
    /** Fraction digits of the rate columns (coverage rates, a fraction of 1). */
    public static final int RATE_SCALE = 4;

    private StoredDecimals() {
    }

    /** {@code v} with 2 fraction digits (yuan, m², percent); null stays null. */
    public static BigDecimal amount(BigDecimal v) {
        return v == null ? null : v.setScale(AMOUNT_SCALE, RoundingMode.HALF_UP);
    }

    /** {@code v} with 4 fraction digits (a rate); null stays null. */
    public static BigDecimal rate(BigDecimal v) {
        return v == null ? null : v.setScale(RATE_SCALE, RoundingMode.HALF_UP);
    }

    /** Each amount of {@code amounts} with 2 fraction digits, in a new map of the same keys; null stays null. */
    public static <K extends Enum<K>> Map<K, BigDecimal> amounts(Map<K, BigDecimal> amounts, Class<K> keys) {
        if (amounts == null) {
            return null;
        }
        Map<K, BigDecimal> scaled = new EnumMap<>(keys);
        amounts.forEach((k, v) -> scaled.put(k, amount(v)));
        return scaled;
    }
}
