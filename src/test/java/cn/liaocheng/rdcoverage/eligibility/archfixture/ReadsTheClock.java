package cn.liaocheng.rdcoverage.eligibility.archfixture;

import java.time.LocalDate;

/** Deliberate violation, used only to prove that the architecture rules catch it. */
public final class ReadsTheClock {

    public static boolean expired(LocalDate validUntil) {
        return validUntil.isBefore(LocalDate.now());
    }
}
