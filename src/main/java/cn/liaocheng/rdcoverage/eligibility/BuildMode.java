package cn.liaocheng.rdcoverage.eligibility;

/** How an R&D institution is built (研发机构建设模式). */
public enum BuildMode {
    /** 企业单建: exactly one participant enterprise. */
    SINGLE,
    /** 多企联建: two or more distinct enterprises fund one independent R&D entity. */
    JOINT,
    /** 产业共建: enterprises served by the expert service team of a platform. */
    INDUSTRY
}
