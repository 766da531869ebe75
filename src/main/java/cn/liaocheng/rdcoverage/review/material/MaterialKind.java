package cn.liaocheng.rdcoverage.review.material;

/** The kinds of 申报材料 an application carries, each with its name on the application form (the policy's terms). */
public enum MaterialKind {
    RULES("规章制度"),
    COOPERATION_AGREEMENT("产学研合作协议"),
    /** the co-funding agreement of a JOINT institution */
    JOINT_FUNDING_AGREEMENT("多企联建（共同出资）协议"),
    /** 产业共建 */
    SERVICE_AGREEMENT("服务协议"),
    PREMISES("场地证明/照片"),
    EQUIPMENT_LIST("设备清单及原值"),
    RD_EXPENDITURE_PROOF("研发投入证明"),
    PERSONNEL_LIST("人员名单"),
    OTHER("其他材料");

    /** The Chinese name a portal shows. */
    public final String chineseName;

    MaterialKind(String chineseName) {
        this.chineseName = chineseName;
    }
}
