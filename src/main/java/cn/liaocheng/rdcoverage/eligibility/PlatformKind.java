package cn.liaocheng.rdcoverage.eligibility;

/** Platform behind an INDUSTRY-mode institution. */
public enum PlatformKind {
    /** 聊城产业技术研究院 */
    INDUSTRY_INSTITUTE,
    /** 创新创业共同体 */
    INNOVATION_COMMUNITY,
    /** 产业技术创新联盟 */
    INDUSTRY_ALLIANCE
}
