package cn.liaocheng.rdcoverage.institution;

/** 工程中心、研究中心、技术中心、实验室、中试车间、检验检测中心、实验基地、研究院 or another kind. */
public enum InstitutionKind {
    ENGINEERING_CENTER, RESEARCH_CENTER, TECH_CENTER, LABORATORY, PILOT_PLANT, TESTING_CENTER,
    EXPERIMENT_BASE, RESEARCH_INSTITUTE, OTHER
}
