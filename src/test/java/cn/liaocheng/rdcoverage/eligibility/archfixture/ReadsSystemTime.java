package cn.liaocheng.rdcoverage.eligibility.archfixture;

/** Deliberate violation, used only to prove that the architecture rules catch it. */
public final class ReadsSystemTime {

    public static long stamp() {
        return System.currentTimeMillis();
    }
}
