package cn.liaocheng.rdcoverage.eligibility;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The bounds of a policy parameter's value, one rule for both places that check it: the published document
 * ({@code policy.PolicyDocument}, a 400 naming the parameter) and the records of this package
 * (IllegalArgumentException). Counts (persons, projects, cooperations) are whole numbers from 0 to
 * {@link #MAX_COUNT}; amounts (yuan, m²) are 0 or more with at most {@link #AMOUNT_INTEGER_DIGITS} digits before
 * and {@link #AMOUNT_FRACTION_DIGITS} after the decimal point.
 */
public final class PolicyBounds {
    public static final long MAX_COUNT = 100_000_000L;
    public static final int AMOUNT_INTEGER_DIGITS = 16;
    public static final int AMOUNT_FRACTION_DIGITS = 4;

    private PolicyBounds() {
    }

    /** Whether a count is from 0 to {@link #MAX_COUNT}. */
    public static boolean countInRange(BigInteger count) {
        return count.signum() >= 0 && count.compareTo(BigInteger.valueOf(MAX_COUNT)) <= 0;
    }

    /** Whether an amount has at most the digits before and after the point that a policy amount may have. */
    public static boolean amountDigitsInRange(BigDecimal amount) {
        return amount.precision() - amount.scale() <= AMOUNT_INTEGER_DIGITS && amount.scale() <= AMOUNT_FRACTION_DIGITS;
    }
}
