package cn.liaocheng.rdcoverage.supervision;

/** What keeps an enterprise from building its institution, as a follow-up records it. */
public enum Obstacle {
    /** 资金 */
    FUNDING,
    /** 人才 */
    TALENT,
    /** 场地 */
    SITE,
    /** 合作单位 */
    PARTNER,
    /** 其他 */
    OTHER
}
