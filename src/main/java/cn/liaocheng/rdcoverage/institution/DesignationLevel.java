package cn.liaocheng.rdcoverage.institution;

/** Provincial-or-higher recognition of an institution (省级, 国家级); both count toward the provincial target. */
public enum DesignationLevel { PROVINCIAL, NATIONAL }
