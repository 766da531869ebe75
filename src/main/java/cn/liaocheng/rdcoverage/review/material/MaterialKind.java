package cn.liaocheng.rdcoverage.review.material;

/** The kinds of 申报材料 an application carries. */
public enum MaterialKind {
    /** 规章制度 */
    RULES,
    /** 产学研合作协议 */
    COOPERATION_AGREEMENT,
    /** 多企联建（共同出资）协议: the co-funding agreement of a JOINT institution */
    JOINT_FUNDING_AGREEMENT,
    /** 服务协议 (产业共建) */
    SERVICE_AGREEMENT,
    /** 场地证明/照片 */
    PREMISES,
    /** 设备清单及原值 */
    EQUIPMENT_LIST,
    /** 研发投入证明 */
    RD_EXPENDITURE_PROOF,
    /** 人员名单 */
    PERSONNEL_LIST,
    OTHER
}
