package cn.liaocheng.rdcoverage.coverage;

/** How a snapshot was taken: on demand by the task force, or by the monthly job. */
public enum SnapshotKind { ON_DEMAND, SCHEDULED }
