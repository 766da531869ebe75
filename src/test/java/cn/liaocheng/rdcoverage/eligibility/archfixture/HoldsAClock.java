package cn.liaocheng.rdcoverage.eligibility.archfixture;

import java.time.Clock;
import java.time.LocalDate;

/** Deliberate violation, used only to prove that the architecture rules catch it. */
public final class HoldsAClock {

    private final Clock clock;

    public HoldsAClock(Clock clock) {
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), clock.getZone());
    }
}
