package cn.liaocheng.rdcoverage.award;

import cn.liaocheng.rdcoverage.institution.PriorAwards;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The enterprises already holding a (not cancelled) city first-recognition award. */
@ApplicationScoped
public class AwardLedger implements PriorAwards {
    @Override
    public Set<String> alreadyAwarded(Collection<String> creditCodes) {
        if (creditCodes.isEmpty()) {
            return Set.of();
        }
        List<String> keys = creditCodes.stream().map(c -> Award.key(Award.Program.CITY_FIRST_RECOGNITION, c)).toList();
        return new HashSet<>(Award.<Award>list("awardKey in ?1", keys).stream().map(a -> a.creditCode).toList());
    }
}
