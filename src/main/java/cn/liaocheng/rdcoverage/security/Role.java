package cn.liaocheng.rdcoverage.security;

/** The roles of DESIGN.md section 7; a token names one in its {@code groups} claim. */
public enum Role {
    /** An enterprise: its own credit code only (claim {@code creditCode}). */
    ENTERPRISE,
    /** A county officer: its own region only (claim {@code regionCode}). */
    COUNTY_OFFICER,
    /** The city task force: all regions. */
    CITY_OFFICER,
    /** An expert or third-party reviewer: its own inspections (claim {@code assessorId}). */
    ASSESSOR,
    /** Finance: awards. */
    FINANCE,
    /** Provincial systems: read-only integration. */
    PROVINCE,
    /** Reference data and policies. */
    ADMIN,
    /** A member of a supervision group (督导组): reads the regions of its groups, records follow-ups (claim {@code supervisorId}). */
    SUPERVISOR;

    /**
     * The role names as compile-time constants, for {@code @RolesAllowed} (an annotation cannot take an enum value):
     * each is the {@code name()} of the constant of the same name ({@code RoleNamesTest}).
     */
    public static final class Names {
        public static final String ENTERPRISE = "ENTERPRISE";
        public static final String COUNTY_OFFICER = "COUNTY_OFFICER";
        public static final String CITY_OFFICER = "CITY_OFFICER";
        public static final String ASSESSOR = "ASSESSOR";
        public static final String FINANCE = "FINANCE";
        public static final String PROVINCE = "PROVINCE";
        public static final String ADMIN = "ADMIN";
        public static final String SUPERVISOR = "SUPERVISOR";

        private Names() {
        }
    }
}
