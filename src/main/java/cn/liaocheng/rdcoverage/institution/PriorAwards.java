package cn.liaocheng.rdcoverage.institution;

import java.util.Collection;
import java.util.Set;

/**
 * Which enterprises were already paid the city's first-recognition award (不重复支持). The award ledger
 * implements it; before any award exists nobody has been paid.
 */
public interface PriorAwards {
    Set<String> alreadyAwarded(Collection<String> creditCodes);
}
