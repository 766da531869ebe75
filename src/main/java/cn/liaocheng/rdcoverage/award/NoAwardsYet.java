package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.institution.PriorAwards;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.Set;

/** Until the award ledger exists (issue "Awards paid exactly once"), no enterprise has been paid an award. */
@ApplicationScoped
public class NoAwardsYet implements PriorAwards {
    @Override
    public Set<String> alreadyAwarded(Collection<String> creditCodes) {
        return Set.of();
    }
}
