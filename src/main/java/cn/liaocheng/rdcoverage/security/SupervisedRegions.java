package cn.liaocheng.rdcoverage.security;

import java.util.Set;

/** The regions of the supervision groups a supervisor belongs to (implemented by the supervision feature). */
public interface SupervisedRegions {
    Set<String> of(String supervisorId);
}
