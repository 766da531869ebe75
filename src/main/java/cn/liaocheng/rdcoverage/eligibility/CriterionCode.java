package cn.liaocheng.rdcoverage.eligibility;

/** The criteria an eligibility evaluation reports on. */
public enum CriterionCode {
    /** Number of distinct participant enterprises (credit codes). */
    PARTICIPANT_COUNT,
    /** 研发机构人员 (persons). */
    PERSONNEL,
    /** 研发仪器设备原值 (yuan). */
    EQUIPMENT_VALUE,
    /** 年研发经费投入 (yuan per year). */
    RD_EXPENDITURE,
    /** 研发场地 (m²). */
    FLOOR_AREA,
    /** 研发项目（课题） (count). */
    PROJECT_COUNT,
    /** 与高校或科研院所签订科技合作协议并开展产学研合作活动. */
    ACADEMIC_COOPERATION,
    /** 完备的规章制度. */
    RULES_IN_PLACE,
    /** 持续稳定的研发经费投入机制. */
    STABLE_FUNDING,
    /** INDUSTRY mode: the platform is of an accepted kind and certified high enough. */
    PLATFORM_ELIGIBLE,
    /** INDUSTRY mode: a service agreement is in force on the evaluation date. */
    SERVICE_AGREEMENT_VALID
;

    /**
     * The unit of {@code required} and {@code actual}: {@code yuan}, {@code m2}, {@code persons} or {@code count};
     * null for the yes/no and text criteria.
     */
    public String unit() {
        return switch (this) {
            case PARTICIPANT_COUNT, PROJECT_COUNT, ACADEMIC_COOPERATION -> "count";
            case PERSONNEL -> "persons";
            case EQUIPMENT_VALUE, RD_EXPENDITURE -> "yuan";
            case FLOOR_AREA -> "m2";
            case RULES_IN_PLACE, STABLE_FUNDING, PLATFORM_ELIGIBLE, SERVICE_AGREEMENT_VALID -> null;
        };
    }
}
