package cn.liaocheng.rdcoverage.institution;

/** DECLARED by an enterprise or officer, RECOGNIZED (认定) by the city, REVOKED later if it no longer qualifies. */
public enum InstitutionStatus { DECLARED, RECOGNIZED, REVOKED }
