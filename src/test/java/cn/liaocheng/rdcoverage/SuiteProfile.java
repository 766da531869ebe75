package cn.liaocheng.rdcoverage;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * A test profile that changes a few settings and keeps the suite's configuration profile: {@code test} on H2, or
 * {@code test,mariadb} when the suite runs against MariaDB ({@code -Dquarkus.test.profile=test,mariadb}). A profile
 * that does not say so runs on the plain {@code test} profile, that is on H2 even in the MariaDB run.
 */
public abstract class SuiteProfile implements QuarkusTestProfile {
    private final Map<String, String> overrides;

    protected SuiteProfile(Map<String, String> overrides) {
        this.overrides = overrides;
    }

    /** Whether this run is the MariaDB one. */
    public static boolean mariadb() {
        return System.getProperty("quarkus.test.profile", "").contains("mariadb");
    }

    @Override
    public String getConfigProfile() {
        return System.getProperty("quarkus.test.profile", "test");
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return overrides;
    }
}
