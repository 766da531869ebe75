package cn.liaocheng.rdcoverage.enterprise;

/**
 * The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters over
 * {@code 0-9 A-H J-N P-R T-U W-Y} (values 0..30), the last being a check character over the first 17.
 */
public final class CreditCode {
    private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCode() {
    }

    /** Upper-cases and trims; null stays null. */
    public static String normalise(String raw) {
        return raw == null ? null : raw.trim().toUpperCase(java.util.Locale.ROOT);
    }

    /** Why the (normalised) code is invalid, or null when it is valid. */
    public static String problem(String code) {
        if (code == null || code.isEmpty()) {
            return "is required";
        }
        if (code.length() != 18) {
            return "must be 18 characters (GB 32100-2015), got " + code.length();
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return "character " + (i + 1) + " '" + code.charAt(i) + "' is not allowed (0-9, A-H, J-N, P-R, T-U, W-Y)";
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        char expected = ALPHABET.charAt(check == 31 ? 0 : check);
        if (code.charAt(17) != expected) {
            return "check character is '" + code.charAt(17) + "' but must be '" + expected + "' (GB 32100-2015)";
        }
        return null;
    }

    public static boolean isValid(String code) {
        return problem(code) == null;
    }

    /** The check character for 17 leading characters; used by tests and data generators. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return ALPHABET.charAt(check == 31 ? 0 : check);
    }
}
