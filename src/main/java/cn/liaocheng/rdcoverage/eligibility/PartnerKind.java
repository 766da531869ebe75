package cn.liaocheng.rdcoverage.eligibility;

/** Academic partner of a cooperation agreement (产学研合作): 高校 or 科研院所. */
public enum PartnerKind {
    UNIVERSITY,
    RESEARCH_INSTITUTE
}
