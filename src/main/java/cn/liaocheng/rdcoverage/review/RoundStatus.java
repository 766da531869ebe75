package cn.liaocheng.rdcoverage.review;

/** OPEN (applications are submitted) → REVIEWING → CLOSED. */
public enum RoundStatus { OPEN, REVIEWING, CLOSED }
