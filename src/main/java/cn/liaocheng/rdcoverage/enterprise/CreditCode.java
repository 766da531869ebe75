package cn.liaocheng.rdcoverage.enterprise;

import cn.liaocheng.rdcoverage.common.FieldMessage;

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

    /** Why the (normalised) code is invalid, in English and Chinese (see {@link FieldMessage}), or null when it is valid. */
    public static FieldMessage problem(String code) {
        if (code == null || code.isEmpty()) {
            return FieldMessage.of("is required", "field.REQUIRED.credit-code");
        }
        if (code.length() != 18) {
            return FieldMessage.of("must be 18 characters (GB 32100-2015), got " + code.length(), "field.INVALID_CREDIT_CODE.length",
                    code.length());
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = ALPHABET.indexOf(code.charAt(i));
            if (value < 0) {
                return FieldMessage.of("character " + (i + 1) + " '" + code.charAt(i) + "' is not allowed (0-9, A-H, J-N, P-R, T-U, W-Y)",
                        "field.INVALID_CREDIT_CODE.character", i + 1, code.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        char expected = ALPHABET.charAt(check == 31 ? 0 : check);
        if (code.charAt(17) != expected) {
            return FieldMessage.of("check character is '" + code.charAt(17) + "' but must be '" + expected + "' (GB 32100-2015)",
                    "field.INVALID_CREDIT_CODE.check", code.charAt(17), expected);
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
